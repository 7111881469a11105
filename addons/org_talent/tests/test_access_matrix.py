"""The access matrix of readme/SECURITY.md, cell by cell: each role, made with new_test_user,
tries each model through every ORM path (search, read, read_group, export_data, name_search,
write, create, unlink) and the side paths (chatter messages, followers, activities,
attachments, /web/content, /report/pdf, res.partner)."""

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.org_base.tests.access_paths import AccessPathsMixin

from .common import TalentCommon

ROLES = {
    "employee": "base.group_user",
    "officer": "org_base.group_org_user",
    "leader": "org_base.group_org_leader",
    "configurator": "org_base.group_org_configurator",
    "manager": "org_base.group_org_manager",
    "talent": "org_talent.group_talent_officer",
}
ALL = "crwu"
READ = "r"
NONE = ""
# model: (employee, officer, leader, configurator, manager, talent officer); c create, r read,
# w write, u unlink. The same table as readme/SECURITY.md.
MATRIX = {
    "org.talent.tier": (NONE, READ, READ, ALL, ALL, ALL),
    "org.talent.card.benefit": (NONE, READ, READ, ALL, ALL, ALL),
    "org.talent.service.type": (NONE, READ, READ, ALL, ALL, ALL),
    "org.talent.platform": (NONE, READ, READ, NONE, ALL, ALL),
    "org.talent.project": (NONE, READ, READ, NONE, ALL, ALL),
    "org.talent": (NONE, READ, READ, NONE, ALL, ALL),
    "org.talent.policy": (NONE, READ, READ, NONE, ALL, ALL),
    "org.talent.policy.item": (NONE, READ, READ, NONE, ALL, ALL),
    "org.talent.application": (NONE, NONE, READ, NONE, ALL, ALL),
    "org.talent.card": (NONE, READ, READ, NONE, ALL, ALL),
}
# A talent's contact (res.partner): read only by talent officers (managers) and leaders.
PARTNER_READERS = {"leader", "manager", "talent"}


class MatrixCommon(TalentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            # Export is a right of its own (base.group_allow_export): given to every role here, so
            # that the export path meets the record rules.
            role: new_test_user(
                cls.env, f"mx_{role}", groups=f"{group},base.group_allow_export", name=f"矩阵{role}"
            )
            for role, group in ROLES.items()
        }
        cls.card = cls.env["org.talent.card"].create({"talent_id": cls.talent_a.id})
        cls.records = {
            "org.talent.tier": cls.tier_leading,
            "org.talent.card.benefit": cls.env["org.talent.card.benefit"].create({"name": "矩阵权益"}),
            "org.talent.service.type": cls.env["org.talent.service.type"].create(
                {"name": "矩阵服务", "code": "mx_service"}
            ),
            "org.talent.platform": cls.platform,
            "org.talent.project": cls.env["org.talent.project"].create(
                {"name": "矩阵项目", "platform_id": cls.platform.id}
            ),
            "org.talent": cls.talent_a,
            "org.talent.policy": cls.policy,
            "org.talent.policy.item": cls.item_rent,
            "org.talent.application": cls._claim(cls.talent_a, cls.item_rent, 1000),
            "org.talent.card": cls.card,
        }

    _counter = 0

    def _new_vals(self, model):
        MatrixCommon._counter += 1
        n = MatrixCommon._counter
        return {
            "org.talent.tier": {"name": f"矩阵层次{n}", "code": f"mx_tier_{n}"},
            "org.talent.card.benefit": {"name": f"矩阵权益{n}"},
            "org.talent.service.type": {"name": f"矩阵服务{n}", "code": f"mx_service_{n}"},
            "org.talent.platform": {"name": f"矩阵平台{n}"},
            "org.talent.project": {"name": f"矩阵项目{n}", "platform_id": self.platform.id},
            "org.talent": {"name": f"矩阵人才{n}"},
            "org.talent.policy": {"name": f"矩阵政策{n}", "date_start": date(2025, 1, 1)},
            "org.talent.policy.item": {
                "policy_id": self.policy.id,
                "name": f"矩阵事项{n}",
                "kind": "housing",
                "period": "year",
            },
            "org.talent.application": {
                "talent_id": self.talent_b.id,
                "policy_item_id": self.item_rent.id,
                "amount": n,
                "period_year": 2000 + n,
            },
            "org.talent.card": {"talent_id": self.talent_b.id},
        }[model]

    @staticmethod
    def _write_vals(model):
        return {"org.talent.application": {"note": "<p>矩阵</p>"}, "org.talent.card": {"note": "矩阵"}}.get(
            model, {"name": "矩阵改名"}
        )


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessPathsMixin, MatrixCommon):
    def test_matrix(self):
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
                    fresh = self.env[model].create(self._new_vals(model)).with_env(env)
                    self.assertEqual(self._can(fresh.unlink), "u" in perms, "unlink")

    def test_chatter_follows_the_record(self):
        """Messages, followers, activities and attachments of a record: seen by who reads the
        record, posted, scheduled or changed by who writes it, by no one else."""
        for model, cells in MATRIX.items():
            record = self.records[model]
            if "message_ids" not in record._fields:
                continue
            record.message_post(body="矩阵留言", message_type="comment")
            record.message_subscribe(partner_ids=self.user_talent.partner_id.ids)
            # An activity of someone else (the talent officer) on the record; on a model without
            # activities, one attached to it by hand.
            activity = self.env["mail.activity"].create(
                {
                    "res_model_id": self.env["ir.model"]._get_id(model),
                    "res_id": record.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                    "summary": "矩阵待办",
                    "user_id": self.user_talent.id,
                }
            )
            attachment = self.env["ir.attachment"].create(
                {"name": "矩阵附件.txt", "raw": b"matrix", "res_model": model, "res_id": record.id}
            )
            for role, perms in zip(ROLES, cells, strict=True):
                env = self.env(user=self.users[role])
                reads, writes = "r" in perms, "w" in perms
                mine = env[model].browse(record.id)
                with self.subTest(model=model, role=role):
                    message = [
                        ("model", "=", model),
                        ("res_id", "=", record.id),
                        ("body", "ilike", "矩阵留言"),
                    ]
                    self.assertEqual(self._sees(env, "mail.message", message, ["body"]), reads, "message")
                    follower = [
                        ("res_model", "=", model),
                        ("res_id", "=", record.id),
                        ("partner_id", "=", self.user_talent.partner_id.id),
                    ]
                    self.assertEqual(
                        self._sees(env, "mail.followers", follower, ["partner_id"]),
                        reads,
                        "followers",
                    )
                    # Odoo shows the activities of a chatter document to who writes it
                    # (_mail_post_access) and to whom they are assigned.
                    by_id = [("id", "=", activity.id)]
                    self.assertEqual(self._sees(env, "mail.activity", by_id, ["summary"]), writes, "activity")
                    by_id = [("id", "=", attachment.id)]
                    self.assertEqual(self._sees(env, "ir.attachment", by_id, ["raw"]), reads, "attachment")
                    self.assertEqual(self._can(mine.message_post, body="矩阵回复"), writes, "post")
                    self.assertEqual(
                        self._can(env["mail.activity"].browse(activity.id).write, {"summary": "改"}),
                        writes,
                        "activity write",
                    )
                    if "activity_ids" in mine._fields:
                        self.assertEqual(
                            self._can(
                                mine.activity_schedule, "mail.mail_activity_data_todo", user_id=env.user.id
                            ),
                            writes,
                            "activity create",
                        )
                    self.assertEqual(
                        self._can(
                            env["ir.attachment"].create,
                            {"name": "矩阵.txt", "raw": b"x", "res_model": model, "res_id": record.id},
                        ),
                        writes,
                        "attachment create",
                    )

    def test_talent_contact_is_hidden_outside_the_talent_area(self):
        """A talent's contact (name, mobile, employer) through res.partner."""
        self.talent_a.mobile = "13800000000"
        contact = self.talent_a.partner_id
        self.assertTrue(contact.org_talent_contact)
        # Not marked: the employer (a company), users' and employees' contacts stay readable.
        employee = self.env["hr.employee"].create({"name": "矩阵职工"})
        readable = self.employer | self.user_talent.partner_id | employee.work_contact_id
        self.assertFalse(readable.filtered("org_talent_contact"))
        for role in ROLES:
            env = self.env(user=self.users[role])
            with self.subTest(role=role):
                self.assertEqual(self._reads(env, "res.partner", contact), role in PARTNER_READERS)
                self.assertEqual(
                    bool(env["res.partner"].search([("mobile", "=", "13800000000")])), role in PARTNER_READERS
                )
                self.assertEqual(env["res.partner"].search([("id", "in", readable.ids)]), readable)
                # The talent's form still names the contact for who reads the talent.
                if role in ("officer", "leader", "manager", "talent"):
                    data = (
                        env["org.talent"]
                        .browse(self.talent_a.id)
                        .web_read({"partner_id": {"fields": {"display_name": {}}}, "mobile": {}})[0]
                    )
                    self.assertIn("张测试", data["partner_id"]["display_name"])
        # Who may create contacts still cannot change a talent's (the rule holds for writes).
        partner_manager = new_test_user(
            self.env, "mx_partner_manager", groups="base.group_user,base.group_partner_manager"
        )
        with self.assertRaises(AccessError):
            contact.with_user(partner_manager).write({"mobile": "1"})
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(partner_manager).create(
                {"name": "冒充", "org_talent_contact": True}
            )
        self.assertEqual(contact.mobile, "13800000000")

    def test_related_and_computed_fields_stay_in_scope(self):
        """Fields of readable records that point at what the role may not read."""
        officer = self.env(user=self.users["officer"])
        talent = officer["org.talent"].browse(self.talent_a.id)
        # The claims of a talent: counted for talent officers only, never read by an officer.
        self.assertEqual(talent.application_count, 0)
        self.assertEqual(self.talent_a.with_user(self.user_talent).application_count, 1)
        with self.assertRaises(AccessError):
            talent.application_ids.read(["amount"])
        # The ID number: masked for every role but the talent officer.
        with self.assertRaises(AccessError):
            talent.read(["id_number"])
        self.assertIn("*", talent.resident_id_masked)
        # The card's employer is the talent's (a company, readable); the contact is not.
        card = officer["org.talent.card"].browse(self.card.id)
        self.assertEqual(card.employer_id.name, "测试汽车有限公司")
        with self.assertRaises(AccessError):
            talent.partner_id.read(["mobile"])

    def test_leader_and_officer_cannot_move_a_claim(self):
        claim = self.records["org.talent.application"]
        for role in ("leader", "officer", "configurator"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                claim.with_user(self.users[role]).action_submit()
        self.assertEqual(claim.state, "draft")

    def test_settings_are_for_administrators(self):
        for role in ROLES:
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.env["res.config.settings"].with_user(self.users[role]).create(
                    {"org_talent_sod_pay": False}
                )
        self.assertTrue(self.env.company.org_talent_sod_pay)


@tagged("post_install", "-at_install")
class TestAccessMatrixHttp(HttpCase, MatrixCommon):
    """/web/content of attachments and /report/pdf of the talent card, by role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The second factor (administrators, the supervision group) is org_base's TestAccounts'
        # concern: here every role logs in with the password alone.
        cls.env["res.groups"].search([("org_require_totp", "=", True)]).org_require_totp = False

    def test_attachments_and_report_by_http(self):
        attachments = {
            model: self.env["ir.attachment"].create(
                {"name": f"矩阵{model}.txt", "raw": b"matrix-secret", "res_model": model, "res_id": record.id}
            )
            for model, record in self.records.items()
            if model in ("org.talent", "org.talent.application", "org.talent.card")
        }
        for role in ROLES:
            self.authenticate(f"mx_{role}", f"mx_{role}")
            for model, attachment in attachments.items():
                reads = "r" in MATRIX[model][list(ROLES).index(role)]
                with self.subTest(role=role, model=model), mute_logger("odoo.http"):
                    response = self.url_open(f"/web/content/{attachment.id}")
                    self.assertEqual(response.status_code == 200, reads, response.status_code)
                    self.assertEqual(b"matrix-secret" in response.content, reads)
            reads = "r" in MATRIX["org.talent.card"][list(ROLES).index(role)]
            with self.subTest(role=role, report="talent card"), mute_logger("odoo.http"):
                response = self.url_open(f"/report/pdf/org_talent.report_talent_card/{self.card.id}")
                self.assertEqual(response.status_code == 200, reads, response.status_code)
                self.assertEqual("张测试".encode() in response.content, reads)
