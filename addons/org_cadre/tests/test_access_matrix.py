"""The access matrix of org_cadre (readme/SECURITY.md), cell by cell.

Each role is a least-privileged user made here (no demo data). A cell is proven through every
path that reaches a record: ``search``, ``read``, ``read_group``, ``export_data`` and
``name_search`` for reading; ``write``, ``create`` and ``unlink`` for the rest. A refused path
must raise an AccessError or find nothing, and leave what is stored unchanged.
"""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.org_base.tests.fixtures import resident_id

# Role -> groups of its test user. "self" is the cadre concerned: a plain employee whose
# employee record (a cadre) is linked to their user.
ROLES = {
    "user": "base.group_user",
    "officer": "org_base.group_org_user",
    "leader": "org_base.group_org_leader",
    "configurator": "org_base.group_org_configurator",
    "manager": "org_base.group_org_manager",
    "cadre_officer": "org_cadre.group_cadre_officer",
    "supervision": "org_cadre.group_cadre_supervision",
    "self": "base.group_user",
}
CADRE_OFFICERS = ("manager", "cadre_officer", "supervision")
ALL = "crwu"

# Model -> {role: rights}: c create, r read, w write, u unlink; a role not named has none.
# The record tried is one of the cadre concerned ("self").
DOSSIER = {"leader": "r", "self": "r"} | dict.fromkeys(CADRE_OFFICERS, ALL)
CADRE_WORK = {"leader": "r"} | dict.fromkeys(CADRE_OFFICERS, ALL)
CONFIGURATION = {"leader": "r", "cadre_officer": "r", "supervision": "r", "configurator": ALL, "manager": ALL}
# "p": hr sends other employees to hr.employee.public: its public fields (name, job,
# department) are searched, read, exported and name-searched; read_group is refused.
MATRIX = {
    "hr.employee": dict.fromkeys(ROLES, "p") | CADRE_WORK,
    "hr.department": dict.fromkeys(ROLES, "r") | dict.fromkeys(CADRE_OFFICERS, ALL),
    "org.cadre.resume.line": DOSSIER,
    "org.cadre.family.member": DOSSIER,
    "org.cadre.reward": DOSSIER,
    "org.cadre.annual.result": DOSSIER,
    "org.cadre.assessment": DOSSIER,
    "org.cadre.training.enrollment": DOSSIER,
    "org.cadre.training.program": dict.fromkeys(ROLES, "r") | dict.fromkeys(CADRE_OFFICERS, ALL),
    "org.cadre.assessment.cycle": CADRE_WORK,
    "org.cadre.assessment.line": CADRE_WORK,
    "org.cadre.appointment": CADRE_WORK,
    "org.cadre.incentive": CADRE_WORK,
    "org.cadre.category": CONFIGURATION,
    "org.cadre.indicator": CONFIGURATION,
    "org.cadre.young.rule": CONFIGURATION,
    "org.cadre.appointment.step": CONFIGURATION,
    # Confidential: the supervision group (administrators included) only, never the cadre.
    "org.cadre.supervision": {"manager": ALL, "supervision": ALL},
}
READ_PATHS = ("search", "read", "read_group", "export_data", "name_search")
# Models org_cadre extends with fields only; their cells are proven field by field below.
EXTENDED = {"org.checklist.line", "res.company", "res.partner", "res.users"}


class AccessMatrixCommon(TransactionCase):
    """One user per role, one cadre (linked to the "self" user) with a record of each model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            # Every role may export (base.group_allow_export): the export path is tried too.
            role: new_test_user(
                cls.env, f"am_{role}", groups=f"{groups},base.group_allow_export", name=f"矩阵{role}"
            )
            for role, groups in ROLES.items()
        }
        Employee = cls.env["hr.employee"]
        cls.cadre = Employee.create(
            {
                "name": "矩阵干部",
                "is_cadre": True,
                "identification_id": resident_id(birth="19850315", order=231),
                "user_id": cls.users["self"].id,
                "cadre_current_post": "经开区招商局副局长",
                "place_of_birth": "湖北武汉",
            }
        )
        cls.category = cls.env["org.cadre.category"].create({"name": "矩阵类别"})
        cls.indicator = cls.env["org.cadre.indicator"].create(
            {"name": "矩阵指标", "category_id": cls.category.id}
        )
        cls.cycle = cls.env["org.cadre.assessment.cycle"].create({"name": "矩阵考核", "year": 2023})
        cls.program = cls.env["org.cadre.training.program"].create(
            {"name": "矩阵培训", "kind": "spring_bamboo", "date_start": "2023-05-08"}
        )
        cls.records = {
            "hr.employee": cls.cadre,
            "hr.department": cls.env["hr.department"].create({"name": "矩阵部门"}),
            "org.cadre.resume.line": cls.env["org.cadre.resume.line"].create(
                cls._vals("org.cadre.resume.line")
            ),
            "org.cadre.family.member": cls.env["org.cadre.family.member"].create(
                cls._vals("org.cadre.family.member")
            ),
            "org.cadre.reward": cls.env["org.cadre.reward"].create(cls._vals("org.cadre.reward")),
            "org.cadre.annual.result": cls.env["org.cadre.annual.result"].create(
                cls._vals("org.cadre.annual.result")
            ),
            "org.cadre.assessment": cls.env["org.cadre.assessment"].create(
                {"cycle_id": cls.cycle.id, "employee_id": cls.cadre.id, "category_id": cls.category.id}
            ),
            "org.cadre.training.enrollment": cls.env["org.cadre.training.enrollment"].create(
                {"program_id": cls.program.id, "employee_id": cls.cadre.id}
            ),
            "org.cadre.training.program": cls.program,
            "org.cadre.assessment.cycle": cls.cycle,
            "org.cadre.appointment": cls.env["org.cadre.appointment"].create(
                {"name": "矩阵岗位", "employee_ids": [(6, 0, cls.cadre.ids)]}
            ),
            "org.cadre.incentive": cls.env["org.cadre.incentive"].create(cls._vals("org.cadre.incentive")),
            "org.cadre.category": cls.category,
            "org.cadre.indicator": cls.indicator,
            "org.cadre.young.rule": cls.env["org.cadre.young.rule"].create(cls._vals("org.cadre.young.rule")),
            "org.cadre.appointment.step": cls.env["org.cadre.appointment.step"].search(
                [("state", "=", "analysis")], limit=1
            ),
            "org.cadre.supervision": cls.env["org.cadre.supervision"].create(
                {"employee_id": cls.cadre.id, "kind": "admonishment", "reason": "矩阵诫勉事由"}
            ),
        }
        cls.records["org.cadre.assessment.line"] = cls.env["org.cadre.assessment.line"].create(
            {"assessment_id": cls.records["org.cadre.assessment"].id, "indicator_id": cls.indicator.id}
        )

    @classmethod
    def _vals(cls, model):
        """Values of a new record of ``model`` (its dependencies made fresh as superuser)."""
        env, cadre = cls.env, cls.cadre.id
        factories = {
            "hr.employee": lambda: {"name": "矩阵新干部", "is_cadre": True},
            "hr.department": lambda: {"name": "矩阵新部门"},
            "org.cadre.resume.line": lambda: {
                "employee_id": cadre,
                "date_start": "2008-07-01",
                "name": "经开区管委会科员",
            },
            "org.cadre.family.member": lambda: {"employee_id": cadre, "name": "王芳", "relation": "妻子"},
            "org.cadre.reward": lambda: {"employee_id": cadre, "date": "2020-07-01", "name": "优秀共产党员"},
            "org.cadre.annual.result": lambda: {
                "employee_id": cadre,
                "year": 2000 + env["org.cadre.annual.result"].sudo().search_count([]),
                "grade": "excellent",
            },
            "org.cadre.assessment": lambda: {
                "cycle_id": env["org.cadre.assessment.cycle"].create({"name": "矩阵新考核"}).id,
                "employee_id": cadre,
                "category_id": cls.category.id,
            },
            "org.cadre.training.enrollment": lambda: {
                "program_id": env["org.cadre.training.program"]
                .create({"name": "矩阵新培训", "kind": "spring_bamboo"})
                .id,
                "employee_id": cadre,
            },
            "org.cadre.training.program": lambda: {"name": "矩阵新培训", "kind": "spring_bamboo"},
            "org.cadre.assessment.cycle": lambda: {"name": "矩阵新考核"},
            "org.cadre.assessment.line": lambda: {
                "assessment_id": cls.records["org.cadre.assessment"].id,
                "indicator_id": cls.indicator.id,
            },
            "org.cadre.appointment": lambda: {"name": "矩阵新岗位"},
            "org.cadre.incentive": lambda: {
                "employee_id": cadre,
                "kind": "commendation",
                "reason": "矩阵点赞",
            },
            "org.cadre.category": lambda: {"name": "矩阵新类别"},
            "org.cadre.indicator": lambda: {"name": "矩阵新指标", "category_id": cls.category.id},
            "org.cadre.young.rule": lambda: {
                "name": "矩阵规则",
                "rank_ids": [
                    (6, 0, env["org.dictionary.item"].search([("dictionary_code", "=", "rank")], limit=1).ids)
                ],
                "max_age": 35,
            },
            "org.cadre.appointment.step": lambda: {
                "state": "cancelled",
                "checklist_template_id": env["org.checklist.template"].search([], limit=1).id,
            },
            "org.cadre.supervision": lambda: {
                "employee_id": cadre,
                "kind": "reminder",
                "reason": "矩阵提醒谈话",
            },
        }
        return factories[model]()

    # A harmless change of each model: (field, new value).
    WRITES = {
        "hr.employee": ("cadre_current_post", "改写的职务"),
        "hr.department": ("name", "改写的部门"),
        "org.cadre.resume.line": ("name", "改写的简历"),
        "org.cadre.family.member": ("name", "改写的成员"),
        "org.cadre.reward": ("name", "改写的奖惩"),
        "org.cadre.annual.result": ("grade", "basic"),
        "org.cadre.assessment": ("grade", "basic"),
        "org.cadre.training.enrollment": ("evaluation_note", "改写的评价"),
        "org.cadre.training.program": ("name", "改写的培训"),
        "org.cadre.assessment.cycle": ("name", "改写的考核"),
        "org.cadre.assessment.line": ("actual", 42.0),
        "org.cadre.appointment": ("name", "改写的岗位"),
        "org.cadre.incentive": ("reason", "改写的事由"),
        "org.cadre.category": ("name", "改写的类别"),
        "org.cadre.indicator": ("name", "改写的指标"),
        "org.cadre.young.rule": ("max_age", 36),
        "org.cadre.appointment.step": ("sequence", 99),
        "org.cadre.supervision": ("outcome", "改写的结果"),
    }

    # Paths

    def _read_paths(self, user, record):
        """``{path: reached}`` for each read path of ``user`` to ``record``."""
        Model = self.env[record._name].with_user(user)
        domain = [("id", "=", record.id)]
        attempts = {
            "search": lambda: record.id in Model.search(domain).ids,
            "read": lambda: bool(Model.browse(record.id).read(["display_name"])),
            "read_group": lambda: Model.read_group(domain, ["__count"], [])[0]["__count"] == 1,
            "export_data": lambda: bool(Model.browse(record.id).export_data(["display_name"])["datas"]),
            "name_search": lambda: record.id in [rid for rid, _name in Model.name_search("", domain)],
        }
        reached = {}
        for path, attempt in attempts.items():
            try:
                reached[path] = attempt()
            except AccessError:
                reached[path] = False
            Model.invalidate_model()
        return reached

    def _write(self, user, record, field, value):
        before = record.sudo()[field]
        try:
            record.with_user(user).write({field: value})
        except AccessError:
            record.invalidate_recordset()
            self.assertEqual(record.sudo()[field], before, "a refused write changes nothing")
            return False
        record.invalidate_recordset()
        self.assertEqual(record.sudo()[field], value)
        record.sudo().write({field: before})
        return True

    def _create(self, user, model):
        vals = self._vals(model)
        try:
            created = self.env[model].with_user(user).create(vals)
        except AccessError:
            return False
        self.assertTrue(created.exists())
        created.sudo().unlink()
        return True

    def _unlink(self, user, model):
        record = self.env[model].create(self._vals(model))
        try:
            record.with_user(user).unlink()
        except AccessError:
            self.assertTrue(record.exists(), "a refused unlink deletes nothing")
            record.unlink()
            return False
        self.assertFalse(record.exists())
        return True


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCommon):
    def _check_model(self, model):
        expected_by_role = MATRIX[model]
        record = self.records[model]
        field, value = self.WRITES[model]
        for role, user in self.users.items():
            expected = expected_by_role.get(role, "")
            with self.subTest(model=model, role=role):
                paths = dict.fromkeys(READ_PATHS, "r" in expected or "p" in expected)
                if "p" in expected:
                    paths["read_group"] = False
                self.assertEqual(self._read_paths(user, record), paths, f"{role} reads {model}")
                self.assertEqual(self._write(user, record, field, value), "w" in expected, f"{role} writes")
                self.assertEqual(self._create(user, model), "c" in expected, f"{role} creates")
                self.assertEqual(self._unlink(user, model), "u" in expected, f"{role} unlinks")

    def test_employee(self):
        self._check_model("hr.employee")

    def test_department(self):
        """hr lets every employee rename a department; here leaders and others read only."""
        self._check_model("hr.department")

    def test_dossier_records(self):
        for model in (
            "org.cadre.resume.line",
            "org.cadre.family.member",
            "org.cadre.reward",
            "org.cadre.annual.result",
            "org.cadre.assessment",
            "org.cadre.training.enrollment",
        ):
            self._check_model(model)

    def test_cadre_work(self):
        for model in (
            "org.cadre.training.program",
            "org.cadre.assessment.cycle",
            "org.cadre.assessment.line",
            "org.cadre.appointment",
            "org.cadre.incentive",
        ):
            self._check_model(model)

    def test_configuration(self):
        for model in (
            "org.cadre.category",
            "org.cadre.indicator",
            "org.cadre.young.rule",
            "org.cadre.appointment.step",
        ):
            self._check_model(model)

    def test_supervision(self):
        self._check_model("org.cadre.supervision")

    def test_supervision_never_the_cadre_concerned(self):
        """Even in the supervision group, the cadre concerned does not see their own measure."""
        user = self.users["self"]
        user.groups_id = [(4, self.env.ref("org_cadre.group_cadre_supervision").id)]
        record = self.records["org.cadre.supervision"]
        self.assertEqual(self._read_paths(user, record), dict.fromkeys(READ_PATHS, False))
        self.assertFalse(self._write(user, record, "outcome", "自己改写"))

    def test_every_model_is_in_the_matrix(self):
        """A new model of the addon cannot be added without its row."""
        models = set(
            self.env["ir.model.data"]
            .search([("module", "=", "org_cadre"), ("model", "=", "ir.model")])
            .mapped(lambda data: self.env["ir.model"].browse(data.res_id).model)
        )
        # Wizards (transient, readable by their creator only) and mixins hold nothing to list.
        kept = {name for name in models if not (self.env[name]._transient or self.env[name]._abstract)}
        self.assertEqual(kept - set(MATRIX) - EXTENDED, set())

    def test_field_limits_on_employee(self):
        """Leaders read the dossier with the ID number masked; others read no cadre field."""
        Employee = self.env["hr.employee"]
        leader = Employee.with_user(self.users["leader"]).browse(self.cadre.id)
        self.assertEqual(leader.cadre_current_post, "经开区招商局副局长")
        masked = leader.resident_id_masked
        self.assertTrue(masked and "*" in masked and masked != self.cadre.identification_id)
        for field in ("identification_id", "birthday", "place_of_birth", "gender"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                leader.invalidate_recordset()
                leader.read([field])
        for role in ("user", "officer", "configurator", "self"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                Employee.with_user(self.users[role]).browse(self.cadre.id).read(["cadre_current_post"])
        officer = Employee.with_user(self.users["cadre_officer"]).browse(self.cadre.id)
        self.assertEqual(officer.identification_id, self.cadre.identification_id)
        # No field of hr.employee leads to a supervision record.
        self.assertFalse(
            [
                name
                for name, field in Employee._fields.items()
                if field.comodel_name == "org.cadre.supervision"
            ]
        )

    def test_own_dossier_through_res_users(self):
        """res.users shows a cadre's dossier to the cadre, cadre officers and leaders only."""
        for role, expected in {
            "self": "经开区招商局副局长",
            "leader": "经开区招商局副局长",
            "cadre_officer": "经开区招商局副局长",
            "user": False,
            "officer": False,
            "configurator": False,
        }.items():
            with self.subTest(role=role):
                user = self.env["res.users"].with_user(self.users[role]).browse(self.users["self"].id)
                self.assertEqual(user.cadre_current_post, expected)

    def test_settings_are_changed_by_administrators(self):
        """The cadre rules live on res.company: read by all, changed by settings administrators."""
        company = self.env.company
        for role in ("leader", "officer", "configurator", "cadre_officer", "supervision"):
            with self.subTest(role=role):
                self.assertEqual(
                    company.with_user(self.users[role]).cadre_publicity_days, company.cadre_publicity_days
                )
                self.assertFalse(self._write(self.users[role], company, "cadre_publicity_days", 9))
                with self.assertRaises(AccessError):
                    self.env["res.config.settings"].with_user(self.users[role]).create(
                        {"cadre_publicity_days": 9}
                    )
        self.assertEqual(company.cadre_publicity_days, 5)


@tagged("post_install", "-at_install")
class TestAccessMatrixMail(AccessMatrixCommon):
    """Around the supervision record: followers, messages, activities and attachments are
    listed to the supervision group only, and never to the cadre concerned."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervision = cls.records["org.cadre.supervision"].with_user(cls.users["supervision"])
        cls.supervision.message_subscribe(partner_ids=cls.users["supervision"].partner_id.ids)
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "谈话记录.pdf",
                "raw": b"%PDF-1.4 confidential",
                "res_model": cls.supervision._name,
                "res_id": cls.supervision.id,
            }
        )
        cls.message = cls.supervision.message_post(
            body="诫勉谈话记录", message_type="comment", attachment_ids=cls.attachment.ids
        )
        cls.activity = cls.supervision.activity_schedule(
            "mail.mail_activity_data_todo", summary="跟进诫勉", user_id=cls.users["supervision"].id
        )
        cls.outsiders = ("user", "officer", "leader", "configurator", "cadre_officer", "self")

    def _listed(self, user):
        domain_doc = [("res_model", "=", "org.cadre.supervision"), ("res_id", "=", self.supervision.id)]
        return {
            "mail.followers": bool(self.env["mail.followers"].with_user(user).search(domain_doc)),
            "mail.message": bool(
                self.env["mail.message"]
                .with_user(user)
                .search([("model", "=", "org.cadre.supervision"), ("res_id", "=", self.supervision.id)])
            ),
            "mail.activity": bool(self.env["mail.activity"].with_user(user).search(domain_doc)),
            "ir.attachment": bool(self.env["ir.attachment"].with_user(user).search(domain_doc)),
        }

    def test_supervision_group_lists_them(self):
        self.assertEqual(set(self._listed(self.users["supervision"]).values()), {True})
        self.assertEqual(set(self._listed(self.users["manager"]).values()), {True})

    def test_nobody_else_lists_them(self):
        for role in self.outsiders:
            with self.subTest(role=role):
                self.assertEqual(set(self._listed(self.users[role]).values()), {False})

    def test_nobody_else_reads_them_by_id(self):
        records = {
            "mail.followers": self.supervision.sudo().message_follower_ids[:1],
            "mail.message": self.message,
            "mail.activity": self.activity,
            "ir.attachment": self.attachment,
        }
        for role in self.outsiders:
            for model, record in records.items():
                with self.subTest(role=role, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(self.users[role]).browse(record.id).read(["display_name"])

    def test_cadre_concerned_in_the_group_lists_no_message(self):
        """Even in the supervision group, the cadre concerned lists no message, activity or
        attachment of their own measure (the measure itself is hidden from them)."""
        user = self.users["self"]
        user.groups_id = [(4, self.env.ref("org_cadre.group_cadre_supervision").id)]
        listed = self._listed(user)
        del listed["mail.followers"]  # the known limit of readme/SECURITY.md
        self.assertEqual(set(listed.values()), {False})

    def test_nobody_else_changes_the_activity(self):
        for role in self.outsiders:
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.activity.with_user(self.users[role]).write({"summary": "改写"})
        self.assertEqual(self.activity.summary, "跟进诫勉")

    def test_notified_outsider_still_cannot_read(self):
        """A message on a supervision that names an outsider stays hidden from them."""
        leader = self.users["leader"]
        message = self.supervision.message_post(
            body="抄送", message_type="comment", partner_ids=leader.partner_id.ids
        )
        self.assertFalse(self.env["mail.message"].with_user(leader).search([("id", "=", message.id)]))

    def test_leader_changes_nothing_around_the_records(self):
        """Leaders read appointments but post, schedule, change activities and attach nothing
        (mail lists a record's activities to those who may post on it: not to leaders)."""
        appointment = self.records["org.cadre.appointment"]
        activity = appointment.with_user(self.users["cadre_officer"]).activity_schedule(
            "mail.mail_activity_data_todo", summary="组织考察", user_id=self.users["cadre_officer"].id
        )
        leader = self.users["leader"]
        as_leader = appointment.with_user(leader)
        attempts = {
            "message_post": lambda: as_leader.message_post(body="领导批示", message_type="comment"),
            "activity_schedule": lambda: as_leader.activity_schedule(
                "mail.mail_activity_data_todo", user_id=leader.id
            ),
            "activity write": lambda: activity.with_user(leader).write({"summary": "改写"}),
            "activity unlink": lambda: activity.with_user(leader).unlink(),
            "attachment": lambda: self.env["ir.attachment"]
            .with_user(leader)
            .create(
                {"name": "批示.pdf", "raw": b"%PDF", "res_model": appointment._name, "res_id": appointment.id}
            ),
        }
        for path, attempt in attempts.items():
            with self.subTest(path=path), self.assertRaises(AccessError):
                attempt()
        self.assertEqual(activity.summary, "组织考察")

    def test_blocked_promotion_leaves_nothing_for_the_cadre(self):
        """The appointment refuses a candidate under admonishment without a trace the cadre
        concerned can read: no message on the appointment names the reason."""
        appointment = self.records["org.cadre.appointment"].with_user(self.users["cadre_officer"])
        # Straight to the inspection stage: the earlier stages are not what is tried here.
        self.env.cr.execute(
            "UPDATE org_cadre_appointment SET state = 'inspection' WHERE id = %s", [appointment.id]
        )
        appointment.invalidate_recordset()
        count = self.env["mail.message"].search_count([("model", "=", appointment._name)])
        with self.assertRaisesRegex(Exception, "cannot be promoted"):
            appointment.action_next_stage()
        self.assertEqual(self.env["mail.message"].search_count([("model", "=", appointment._name)]), count)
        cadre = self.users["self"]
        visible = self.env["mail.message"].with_user(cadre).search([("model", "=", appointment._name)])
        self.assertFalse(visible)
        self.assertFalse(
            self.env["mail.message"].with_user(cadre).search([("body", "ilike", "诫勉")]),
            "the cadre concerned reads no message about their measure",
        )
