"""org_base's access matrix (readme/SECURITY.md), proven cell by cell for each role.

Each model row names, per operation, the roles allowed; every other role must be refused. Reading
is proven through search, read, read_group, export_data and name_search; writing through write,
create and unlink, with what is stored checked after a refusal. The side paths (attachments and
/web/content, messages, followers, activities, posting) are proven on a department board card.
"""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

ROLES = ("employee", "officer", "leader", "configurator", "manager")
GROUPS = {
    "employee": "base.group_user",
    "officer": "org_base.group_org_user",
    "leader": "org_base.group_org_leader",
    "configurator": "org_base.group_org_configurator",
    "manager": "org_base.group_org_manager",
}
ALL = frozenset(ROLES)
CONFIGURATORS = frozenset({"configurator", "manager"})
OFFICERS = frozenset({"officer", "manager"})
CARD_READERS = frozenset({"officer", "leader", "manager"})
MANAGER = frozenset({"manager"})
NONE = frozenset()


def _users(env, prefix):
    # Every role may export what it reads: the export path then proves the read cell.
    return {
        role: new_test_user(env, f"{prefix}_{role}", groups=f"{group},base.group_allow_export")
        for role, group in GROUPS.items()
    }


class AccessMatrixCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = _users(cls.env, "matrix")
        cls.other_officer = new_test_user(cls.env, "matrix_other_officer", groups="org_base.group_org_user")
        cls.stage = cls.env["project.task.type"].create({"name": "矩阵待办", "user_id": False})
        cls.board_type = cls.env["org.board.type"].create(
            {"name": "矩阵看板", "code": "matrix_board", "stage_ids": [(6, 0, cls.stage.ids)]}
        )
        cls.board = cls.env["project.project"].create(
            {
                "name": "矩阵重点任务",
                "org_board_type_id": cls.board_type.id,
                "privacy_visibility": "employees",
            }
        )
        cls.card = cls.env["project.task"].create(
            {"name": "矩阵卡片", "project_id": cls.board.id, "org_responsible_user_id": cls.other_officer.id}
        )


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCommon):
    """One row per model org_base defines or extends: {operation: roles allowed}."""

    def _rows(self):
        dictionary = self.env["org.dictionary"].create({"name": "矩阵字典", "code": "matrix_dict"})
        template = self.env["org.checklist.template"].create({"name": "矩阵清单"})
        line_vals = {"res_model": "project.task", "res_id": self.card.id, "name": "矩阵事项"}
        return [
            # model, values to create, values to write, read, write, create, unlink
            (
                "org.dictionary",
                {"name": "矩阵字典二", "code": "matrix_dict2"},
                {"name": "改"},
                ALL,
                CONFIGURATORS,
            ),
            (
                "org.dictionary.item",
                {"dictionary_id": dictionary.id, "code": "99", "name": "矩阵条目"},
                {"name": "改"},
                ALL,
                CONFIGURATORS,
            ),
            ("org.checklist.template", {"name": "矩阵清单二"}, {"name": "改"}, ALL, CONFIGURATORS),
            (
                "org.checklist.template.item",
                {"template_id": template.id, "name": "矩阵模板项"},
                {"name": "改"},
                ALL,
                CONFIGURATORS,
            ),
            (
                "org.board.type",
                {"name": "矩阵看板二", "code": "matrix_board2"},
                {"name": "改"},
                ALL,
                CONFIGURATORS,
            ),
            (
                "org.integrity.risk",
                {"name": "矩阵风险点", "owner_id": self.other_officer.id},
                {"level": "high"},
                frozenset({"officer", "leader", "manager"}),
                OFFICERS,
                OFFICERS,
                MANAGER,
            ),
            ("org.checklist.line", line_vals, {"done": True}, CARD_READERS, OFFICERS),
            (
                "project.task",
                {"name": "矩阵卡片二", "project_id": self.board.id},
                {"name": "改"},
                CARD_READERS,
                OFFICERS,
            ),
            (
                "project.project",
                {"name": "矩阵看板项目", "org_board_type_id": self.board_type.id},
                {"name": "改"},
                ALL,
                MANAGER,
            ),
            (
                "project.task.type",
                {"name": "矩阵阶段", "user_id": False},
                {"org_closing": True},
                ALL,
                CONFIGURATORS,
            ),
            # hr lets HR officers create and delete units; none of org_base's roles does.
            ("hr.department", {"name": "矩阵科室"}, {"name": "改"}, ALL, MANAGER, NONE, NONE),
        ]

    def _refused(self, call):
        with self.assertRaises(AccessError):
            call()

    def _fresh(self, values):
        """The values with a new name and code, for models that keep them unique."""
        self._counter = getattr(self, "_counter", 0) + 1
        return {
            key: f"{value}{self._counter}" if key in ("name", "code") else value
            for key, value in values.items()
        }

    @staticmethod
    def _found(call):
        """Whether the call finds something; an access refusal finds nothing."""
        try:
            return bool(call())
        except AccessError:
            return False

    def _check_read(self, model, record, role, allowed):
        user = self.users[role]
        Model = self.env[model].with_user(user)
        label = f"{role} reads {model}"
        self.assertEqual(self._found(lambda: Model.search([("id", "=", record.id)])), allowed, label)
        name = record.display_name
        names = lambda: record.id in [found[0] for found in Model.name_search(name, limit=None)]  # noqa: E731
        self.assertEqual(self._found(names), allowed, label)
        groups = lambda: Model.read_group([("id", "=", record.id)], ["__count"], [])[0]["__count"]  # noqa: E731
        self.assertEqual(self._found(groups), allowed, label)
        if allowed:
            self.assertEqual(Model.browse(record.id).read(["display_name"])[0]["id"], record.id, label)
            self.assertEqual(Model.browse(record.id).export_data(["display_name"])["datas"], [[name]], label)
        else:
            self._refused(lambda: Model.browse(record.id).read(["display_name"]))
            self._refused(lambda: Model.browse(record.id).export_data(["display_name"]))

    def _check_write(self, model, record, values, role, allowed):
        Model = self.env[model].with_user(self.users[role])
        before = record.read(list(values))[0]
        if allowed:
            Model.browse(record.id).write(values)
            record.invalidate_recordset()
            for fname, value in values.items():
                self.assertEqual(record[fname], value, f"{role} writes {model}")
            record.write({fname: before[fname] for fname in values})
        else:
            self._refused(lambda: Model.browse(record.id).write(values))
            record.invalidate_recordset()
            self.assertEqual(record.read(list(values))[0], before, f"{role} changes nothing on {model}")

    def _check_create_unlink(self, model, values, role, may_create, may_unlink):
        Model = self.env[model].with_user(self.users[role])
        count = self.env[model].search_count([])
        if may_create:
            self.assertTrue(Model.create(self._fresh(values)).exists(), f"{role} creates {model}")
        else:
            self._refused(lambda: Model.create(self._fresh(values)))
            self.assertEqual(self.env[model].search_count([]), count, f"{role} creates no {model}")
        victim = self.env[model].create(self._fresh(values))
        if may_unlink:
            Model.browse(victim.id).unlink()
            self.assertFalse(victim.exists(), f"{role} deletes {model}")
        else:
            self._refused(lambda: Model.browse(victim.id).unlink())
            self.assertTrue(victim.exists(), f"{role} deletes no {model}")

    def test_matrix(self):
        for model, create_vals, write_vals, readers, writers, *rest in self._rows():
            creators, unlinkers = rest or (writers, writers)
            record = self.env[model].create(self._fresh(create_vals))
            for role in ROLES:
                with self.subTest(model=model, role=role):
                    self._check_read(model, record, role, role in readers)
                    self._check_write(model, record, write_vals, role, role in writers)
                    # Areas may make managers HR officers, who create and delete units.
                    hr = model == "hr.department" and self.users[role].has_group("hr.group_hr_user")
                    self._check_create_unlink(
                        model, create_vals, role, role in creators or hr, role in unlinkers or hr
                    )

    def test_configuration_models(self):
        """Rosters, the form designer and its wizards: configurators alone change them; rosters
        and their columns are read by every internal user, the designer by configurators only."""
        roster = self.env.ref("org_base.roster_employee")
        for role in ROLES:
            with self.subTest(role=role):
                self._check_read("org.roster", roster, role, True)
                self._check_read("org.roster.column", roster.column_ids[:1], role, True)
                self._check_write("org.roster", roster, {"name": "改"}, role, role in CONFIGURATORS)
                for model in (
                    "org.roster",
                    "org.roster.column",
                    "org.form.customization",
                    "org.form.customization.line",
                    "org.form.customization.delete",
                    "org.form.customization.import",
                ):
                    Model = self.env[model].with_user(self.users[role])
                    for operation in ("create", "write", "unlink"):
                        self.assertEqual(
                            Model.has_access(operation), role in CONFIGURATORS, f"{role} {operation} {model}"
                        )
                    if model.startswith("org.form"):
                        self.assertEqual(
                            Model.has_access("read"), role in CONFIGURATORS, f"{role} reads {model}"
                        )
                # The roster import works for officers (and configurators); the return wizard
                # for those who work cards.
                Import = self.env["org.roster.import"].with_user(self.users[role])
                self.assertEqual(Import.has_access("create"), role in {"officer", "configurator", "manager"})
                Reject = self.env["org.task.reject.wizard"].with_user(self.users[role])
                self.assertEqual(Reject.has_access("create"), role in OFFICERS, f"{role} returns cards")

    def test_employee_fields(self):
        """The resident ID number stays with HR officers; org_base's masked copy shows to those
        who read the employee (HR officers here, the roles areas grant elsewhere)."""
        employee = self.env["hr.employee"].create(
            {"name": "矩阵员工", "identification_id": "420102198503154216"}
        )
        hr_officer = new_test_user(self.env, "matrix_hr", groups="hr.group_hr_user")
        for user in (*self.users.values(), hr_officer):
            with self.subTest(login=user.login):
                Employee = self.env["hr.employee"].with_user(user)
                if user.has_group("hr.group_hr_user"):
                    self.assertEqual(Employee.browse(employee.id).identification_id, "420102198503154216")
                else:
                    self._refused(
                        lambda Employee=Employee: Employee.browse(employee.id).read(["identification_id"])
                    )
                    self._refused(
                        lambda Employee=Employee: Employee.browse(employee.id).export_data(
                            ["identification_id"]
                        )
                    )
                if Employee.has_access("read"):
                    masked = Employee.browse(employee.id).resident_id_masked
                    self.assertTrue(masked and "198503154216" not in masked, masked)


@tagged("post_install", "-at_install")
class TestAccessSidePaths(AccessMatrixCommon):
    """Attachments, messages, followers and activities of a department board card."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "矩阵佐证.pdf",
                "raw": b"%PDF-1.4 matrix",
                "res_model": "project.task",
                "res_id": cls.card.id,
            }
        )
        cls.message = cls.card.message_post(body="矩阵留言", subtype_xmlid="mail.mt_note")
        cls.card.message_subscribe(partner_ids=cls.other_officer.partner_id.ids)
        cls.activity = cls.card.activity_schedule(
            "mail.mail_activity_data_todo", user_id=cls.other_officer.id, summary="矩阵待办"
        )

    def test_attachments_messages_followers(self):
        for role in ROLES:
            user, reads = self.users[role], role in CARD_READERS
            with self.subTest(role=role):
                Attachment = self.env["ir.attachment"].with_user(user)
                self.assertEqual(bool(Attachment.search([("id", "=", self.attachment.id)])), reads)
                Message = self.env["mail.message"].with_user(user)
                self.assertEqual(bool(Message.search([("id", "=", self.message.id)])), reads)
                Follower = self.env["mail.followers"].with_user(user)
                followers = Follower.search(
                    [("res_model", "=", "project.task"), ("res_id", "=", self.card.id)]
                )
                self.assertEqual(self.other_officer.partner_id in followers.partner_id, reads)
                follower = self.card.message_follower_ids.filtered(
                    lambda f: f.partner_id == self.other_officer.partner_id
                )
                if not reads:
                    self.assertRaises(AccessError, Follower.browse(follower.id).read, ["partner_id"])
                    self.assertRaises(AccessError, Attachment.browse(self.attachment.id).read, ["datas"])
                    self.assertRaises(AccessError, Message.browse(self.message.id).read, ["body"])
                else:
                    self.assertTrue(Attachment.browse(self.attachment.id).read(["datas"])[0]["datas"])

    def test_own_card(self):
        """A plain employee reads the department card they are responsible for, no other."""
        employee = self.users["employee"]
        own = self.env["project.task"].create(
            {"name": "矩阵本人卡片", "project_id": self.board.id, "org_responsible_user_id": employee.id}
        )
        Task = self.env["project.task"].with_user(employee)
        self.assertEqual(Task.search([("project_id", "=", self.board.id)]), own)
        self.assertEqual(Task.browse(own.id).read(["name"])[0]["name"], "矩阵本人卡片")
        self._refused(lambda: Task.browse(own.id).write({"name": "改"}))

    def _refused(self, call):
        with self.assertRaises(AccessError):
            call()

    def test_activities_and_chatter_need_write_access(self):
        """A reader of a card (the leader) posts nothing and touches no one else's activity."""
        for role in ROLES:
            user, writes = self.users[role], role in OFFICERS
            with self.subTest(role=role):
                card = self.card.with_user(user)
                activity = self.activity.with_user(user)
                messages = len(self.card.message_ids)
                if writes:
                    card.message_post(body="可以留言", subtype_xmlid="mail.mt_note")
                    self.assertEqual(len(self.card.message_ids), messages + 1)
                    activity.write({"summary": "矩阵待办"})
                    continue
                self._refused_post(card)
                self.assertEqual(len(self.card.message_ids), messages, role)
                with self.assertRaises(AccessError):
                    activity.write({"summary": "篡改"})
                with self.assertRaises(AccessError):
                    activity.unlink()
                with self.assertRaises(AccessError):
                    card.activity_schedule("mail.mail_activity_data_todo", user_id=user.id)
                self.activity.invalidate_recordset()
                self.assertEqual(self.activity.summary, "矩阵待办")
                self.assertTrue(self.activity.exists())

    def test_leader_touches_no_risk_chatter(self):
        """On the integrity risk register, too, the leader reads and changes nothing."""
        risk = self.env["org.integrity.risk"].create({"name": "矩阵风险", "owner_id": self.other_officer.id})
        activity = risk.activity_schedule("mail.mail_activity_data_todo", user_id=self.other_officer.id)
        leader = self.users["leader"]
        self.assertEqual(risk.with_user(leader).name, "矩阵风险")
        self._refused_post(risk.with_user(leader))
        self._refused(lambda: activity.with_user(leader).write({"summary": "篡改"}))
        self._refused(lambda: activity.with_user(leader).unlink())
        self.assertTrue(activity.exists())

    def _refused_post(self, card):
        with self.assertRaises(AccessError):
            card.message_post(body="不应出现", message_type="comment", subtype_xmlid="mail.mt_comment")

    def test_leader_ticks_no_checklist_item(self):
        """Checklist items of a record the leader can only read, or of any record, stay as they are."""
        line = self.env["org.checklist.line"].create(
            {"res_model": "project.task", "res_id": self.card.id, "name": "矩阵事项"}
        )
        Line = self.env["org.checklist.line"].with_user(self.users["leader"])
        with self.assertRaises(AccessError):
            Line.browse(line.id).write({"done": True})
        # Not even on a record the leader may write (an attachment of their own).
        own = (
            self.env["ir.attachment"]
            .with_user(self.users["leader"])
            .create({"name": "自己的.txt", "raw": b"x"})
        )
        with self.assertRaises(AccessError):
            Line.create({"res_model": "ir.attachment", "res_id": own.id, "name": "越权事项"})
        self.assertFalse(line.done)

    def test_card_closes_only_through_the_reviewer(self):
        """The leader neither accepts nor moves a card; the refusal is an access refusal."""
        leader_card = self.card.with_user(self.users["leader"])
        with self.assertRaises(UserError):
            leader_card.action_org_accept()
        with self.assertRaises(AccessError):
            leader_card.write({"stage_id": self.stage.id, "org_review_state": "submitted"})
        self.assertEqual(self.card.org_review_state, "draft")


@tagged("post_install", "-at_install")
class TestAccessHttp(HttpCase):
    """/web/content serves a card's file to those who read the card only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The second factor (administrators, the supervision group) is TestAccounts' concern:
        # here every role logs in with the password alone.
        cls.env["res.groups"].search([("org_require_totp", "=", True)]).org_require_totp = False

    def test_web_content(self):
        users = _users(self.env, "matrix_http")
        board = self.env["project.project"].create(
            {
                "name": "矩阵下载看板",
                "privacy_visibility": "employees",
                "org_board_type_id": self.env["org.board.type"]
                .create({"name": "矩阵下载", "code": "mx_http"})
                .id,
            }
        )
        card = self.env["project.task"].create({"name": "矩阵下载卡片", "project_id": board.id})
        attachment = self.env["ir.attachment"].create(
            {
                "name": "矩阵佐证.txt",
                "raw": b"matrix evidence",
                "res_model": "project.task",
                "res_id": card.id,
            }
        )
        for role in ROLES:
            with self.subTest(role=role):
                self.authenticate(users[role].login, users[role].login)
                response = self.url_open(f"/web/content/{attachment.id}?download=true")
                if role in CARD_READERS:
                    self.assertEqual(response.status_code, 200, role)
                    self.assertEqual(response.content, b"matrix evidence")
                else:
                    self.assertNotEqual(response.status_code, 200, role)
                    self.assertNotIn(b"matrix evidence", response.content)
