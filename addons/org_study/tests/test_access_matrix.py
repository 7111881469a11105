"""The access matrix of readme/SECURITY.md, cell by cell: each role, made with new_test_user,
tries each model through every ORM path (search, read, read_group, export_data, name_search,
write, create, unlink) and the side paths (chatter messages, followers, activities,
attachments, /web/content, the study record at /report/pdf)."""

import base64
from datetime import date, datetime

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.org_base.tests.access_paths import AccessPathsMixin
from odoo.addons.org_base.tests.fixtures import resident_id
from odoo.addons.org_roster.tests.roster_fixtures import build_xlsx

from .common import OrgStudyCommon

# "concerned" is the employee the attendance and ledger line are about; "employee" another
# plain internal user (an employee too, but not the one concerned).
ROLES = ("employee", "concerned", "officer", "leader", "configurator", "manager", "study")
GROUPS = {
    "officer": "org_base.group_org_user",
    "leader": "org_base.group_org_leader",
    "configurator": "org_base.group_org_configurator",
    "manager": "org_base.group_org_manager",
    "study": "org_study.group_study_officer",
}
ALL, READ, NONE = "crwu", "r", ""
# model: (employee, concerned, officer, leader, configurator, manager, study officer);
# c create, r read, w write, u unlink. The same table as readme/SECURITY.md.
MATRIX = {
    "org.study.type": (READ, READ, READ, READ, READ, ALL, ALL),
    "org.study.session": (READ, READ, READ, READ, READ, ALL, ALL),
    "org.study.requirement": (READ, READ, READ, READ, READ, ALL, ALL),
    "org.study.attendance": (NONE, READ, READ, READ, NONE, ALL, ALL),
    "org.study.ledger": (NONE, READ, READ, READ, NONE, READ, READ),
    "org.study.plan": (NONE, NONE, READ, READ, NONE, ALL, ALL),
    "org.study.plan.line": (NONE, NONE, READ, READ, NONE, ALL, ALL),
    "org.research.visit": (NONE, NONE, READ, READ, NONE, ALL, ALL),
    "org.research.problem": (NONE, NONE, READ, READ, NONE, ALL, ALL),
    "org.community.service": (NONE, NONE, READ, READ, NONE, ALL, ALL),
}


class StudyMatrixCommon(OrgStudyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {"employee": cls.user_b, "concerned": cls.user_a}
        for role, group in GROUPS.items():
            cls.users[role] = new_test_user(
                cls.env, f"smx_{role}", groups=f"{group},base.group_allow_export", name=f"学习矩阵{role}"
            )
        cls.users["employee"].groups_id += cls.env.ref("base.group_allow_export")
        cls.users["concerned"].groups_id += cls.env.ref("base.group_allow_export")
        cls.partner = cls.env["res.partner"].create({"name": "学习矩阵企业", "is_company": True})
        cls.requirement = cls.env["org.study.requirement"].create({"name": "学习矩阵学时", "hours": 40})
        plan = cls.env["org.study.plan"].create(
            {"name": "学习矩阵计划", "line_ids": [(0, 0, {"topic": "学习矩阵专题", "month": "3"})]}
        )
        visit = cls.env["org.research.visit"].create(
            {"name": "学习矩阵调研", "partner_id": cls.partner.id, "date": date(2026, 3, 1)}
        )
        cls.records = {
            "org.study.type": cls.study_type,
            "org.study.session": cls.session,
            "org.study.requirement": cls.requirement,
            "org.study.attendance": cls.attendance_a,
            "org.study.ledger": cls.env["org.study.ledger"].search(
                [("employee_id", "=", cls.employee_a.id), ("year", "=", 2026)]
            ),
            "org.study.plan": plan,
            "org.study.plan.line": plan.line_ids,
            "org.research.visit": visit,
            "org.research.problem": cls.env["org.research.problem"].create(
                {"visit_id": visit.id, "name": "学习矩阵问题"}
            ),
            "org.community.service": cls.env["org.community.service"].create(
                {"employee_id": cls.employee_a.id, "community": "学习矩阵社区", "date": date(2026, 3, 2)}
            ),
        }

    _counter = 0

    def _new_vals(self, model):
        StudyMatrixCommon._counter += 1
        n = StudyMatrixCommon._counter
        if model == "org.study.attendance":
            employee = self.env["hr.employee"].create({"name": f"学习矩阵职工{n}"})
            return {"session_id": self.session.id, "employee_id": employee.id}
        return {
            "org.study.type": {"name": f"学习矩阵类型{n}"},
            "org.study.session": {
                "name": f"学习矩阵会{n}",
                "type_id": self.study_type.id,
                "date_start": datetime(2026, 4, 1, 2, 0),
            },
            "org.study.requirement": {"name": f"学习矩阵学时{n}", "hours": n},
            "org.study.plan": {"name": f"学习矩阵计划{n}"},
            "org.study.plan.line": {"plan_id": self.records["org.study.plan"].id, "topic": f"专题{n}"},
            "org.research.visit": {"name": f"学习矩阵调研{n}", "partner_id": self.partner.id},
            "org.research.problem": {"visit_id": self.records["org.research.visit"].id, "name": f"问题{n}"},
            "org.community.service": {"employee_id": self.employee_b.id, "community": f"社区{n}"},
            "org.study.ledger": {"year": 2000 + n},
        }[model]

    @staticmethod
    def _write_vals(model):
        return {
            "org.study.attendance": {"reason": "矩阵"},
            "org.study.plan.line": {"topic": "矩阵改"},
            "org.community.service": {"community": "矩阵改"},
            "org.study.ledger": {"year": 1999},
        }.get(model, {"name": "矩阵改名"})


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessPathsMixin, StudyMatrixCommon):
    def test_matrix(self):
        self.assertTrue(self.records["org.study.ledger"])
        for model, cells in MATRIX.items():
            record = self.records[model]
            for role, perms in zip(ROLES, cells, strict=True):
                env = self.env(user=self.users[role])
                with self.subTest(model=model, role=role):
                    self.assertEqual(self._reads(env, model, record), "r" in perms, "read")
                    mine = env[model].browse(record.id)
                    self.assertEqual(self._can(mine.write, self._write_vals(model)), "w" in perms, "write")
                    self.assertEqual(
                        self._can(env[model].create, self._new_vals(model)), "c" in perms, "create"
                    )
                    # The ledger is a database view: nothing to create, nobody deletes it.
                    fresh = (
                        record
                        if model == "org.study.ledger"
                        else self.env[model].create(self._new_vals(model))
                    )
                    self.assertEqual(self._can(fresh.with_env(env).unlink), "u" in perms, "unlink")

    def test_chatter_follows_the_record(self):
        """Messages, followers, activities and attachments of a record: seen by who reads the
        record (activities: by who writes it, as Odoo has it), posted, scheduled or changed by
        who writes it, by no one else."""
        watcher = self.users["study"].partner_id
        for model, cells in MATRIX.items():
            record = self.records[model]
            if "message_ids" not in record._fields:
                continue
            record.message_post(body="学习矩阵留言", message_type="comment")
            record.message_subscribe(partner_ids=watcher.ids)
            activity = self.env["mail.activity"].create(
                {
                    "res_model_id": self.env["ir.model"]._get_id(model),
                    "res_id": record.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                    "summary": "学习矩阵待办",
                    "user_id": self.users["study"].id,
                }
            )
            attachment = self.env["ir.attachment"].create(
                {"name": "学习矩阵.txt", "raw": b"matrix", "res_model": model, "res_id": record.id}
            )
            for role, perms in zip(ROLES, cells, strict=True):
                env = self.env(user=self.users[role])
                reads, writes = "r" in perms, "w" in perms
                mine = env[model].browse(record.id)
                with self.subTest(model=model, role=role):
                    message = [
                        ("model", "=", model),
                        ("res_id", "=", record.id),
                        ("body", "ilike", "学习矩阵留言"),
                    ]
                    self.assertEqual(self._sees(env, "mail.message", message, ["body"]), reads, "message")
                    follower = [
                        ("res_model", "=", model),
                        ("res_id", "=", record.id),
                        ("partner_id", "=", watcher.id),
                    ]
                    self.assertEqual(
                        self._sees(env, "mail.followers", follower, ["partner_id"]), reads, "followers"
                    )
                    by_id = [("id", "=", activity.id)]
                    self.assertEqual(
                        self._sees(env, "mail.activity", by_id, ["summary"]),
                        writes or role == "study",
                        "activity",
                    )
                    by_id = [("id", "=", attachment.id)]
                    self.assertEqual(self._sees(env, "ir.attachment", by_id, ["raw"]), reads, "attachment")
                    self.assertEqual(self._can(mine.message_post, body="学习矩阵回复"), writes, "post")
                    self.assertEqual(
                        self._can(env["mail.activity"].browse(activity.id).write, {"summary": "改"}),
                        writes or role == "study",
                        "activity write",
                    )
                    self.assertEqual(
                        self._can(
                            env["ir.attachment"].create,
                            {"name": "矩阵.txt", "raw": b"x", "res_model": model, "res_id": record.id},
                        ),
                        writes,
                        "attachment create",
                    )

    def test_related_fields_stay_in_scope(self):
        """What readable records lead to: an employee reads the session but only their own
        attendance of it and their own ledger's attendance; the problem's card stage is
        shown to who reads the problem without opening the board."""
        session = self.session.with_user(self.user_b)
        self.assertEqual(session.attendance_ids, self.attendance_b)
        self.assertEqual(session.read(["attendance_ids"])[0]["attendance_ids"], self.attendance_b.ids)
        self.session.state = "held"
        self.attendance_a.state = self.attendance_b.state = "present"
        ledger = self.env["org.study.ledger"].with_user(self.user_a).search([("year", "=", 2026)])
        self.assertEqual(ledger.employee_id, self.employee_a)
        self.assertEqual(ledger.attendance_ids, self.attendance_a)
        with self.assertRaises(AccessError):
            self.env["org.study.attendance"].with_user(self.user_a).browse(self.attendance_b.id).read(
                ["hours"]
            )

    def test_no_id_number_oracle(self):
        """A sign-in sheet matches people by ID number with the importer's own rights (the numbers are HR's):
        who may not record attendance learns nothing from a dry run, not even whether a
        guessed number belongs to an employee."""
        number = resident_id(birth="19900101", order=135)
        self.employee_b.sudo().identification_id = number
        content = build_xlsx([[1, "李笃行", number]], ["序号", "姓名", "公民身份号码"], title="签到表")
        vals = {
            "roster": "study_attendance",
            "file": base64.b64encode(content),
            "file_name": "签到表.xlsx",
            "study_session_id": self.session.id,
        }
        for role in ("employee", "concerned", "officer", "leader", "configurator", "study"):
            # Officers and configurators open the wizard (org_base's rights); the dry run is
            # refused before any row is looked up. The others cannot open it. A study officer
            # may not read ID numbers either (HR's), so a column matched on them is refused.
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.env["org.roster.import"].with_user(self.users[role]).create(vals).action_dry_run()
        # A study officer who also reads HR's ID numbers gets the match.
        self.users["study"].groups_id += self.env.ref("hr.group_hr_user")
        wizard = self.env["org.roster.import"].with_user(self.users["study"]).create(vals)
        wizard.action_dry_run()
        self.assertFalse(wizard.error_line_ids)


@tagged("post_install", "-at_install")
class TestAccessMatrixHttp(HttpCase, StudyMatrixCommon):
    """/web/content of attachments and the personal study record at /report/pdf, by role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # HttpCase keeps its HTTP session in ``session``: the study session is in the records.
        cls.session = None
        # The second factor (administrators, the supervision group) is org_base's TestAccounts'
        # concern: here every role logs in with the password alone.
        cls.env["res.groups"].search([("org_require_totp", "=", True)]).org_require_totp = False

    def test_attachments_and_study_record_by_http(self):
        for user in (self.user_a, self.user_b):
            user.password = user.login
        attachments = {
            model: self.env["ir.attachment"].create(
                {
                    "name": f"学习矩阵{model}.txt",
                    "raw": b"matrix-secret",
                    "res_model": model,
                    "res_id": record.id,
                }
            )
            for model, record in self.records.items()
            if model in ("org.study.session", "org.study.attendance", "org.research.visit")
        }
        ledger = self.records["org.study.ledger"]
        for role in ROLES:
            user = self.users[role]
            self.authenticate(user.login, user.login)
            index = ROLES.index(role)
            for model, attachment in attachments.items():
                reads = "r" in MATRIX[model][index]
                with self.subTest(role=role, model=model), mute_logger("odoo.http"):
                    response = self.url_open(f"/web/content/{attachment.id}")
                    self.assertEqual(response.status_code == 200, reads, response.status_code)
                    self.assertEqual(b"matrix-secret" in response.content, reads)
            reads = "r" in MATRIX["org.study.ledger"][index]
            with self.subTest(role=role, report="study record"), mute_logger("odoo.http"):
                response = self.url_open(f"/report/pdf/org_study.report_study_record/{ledger.id}")
                self.assertEqual(response.status_code == 200, reads, response.status_code)
                self.assertEqual("张学习".encode() in response.content, reads)
