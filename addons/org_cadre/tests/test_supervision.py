import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CadreCommon


@tagged("post_install", "-at_install")
class TestSupervision(CadreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create({"name": "测试工作日", "tz": "Asia/Shanghai"})
        cls.env.company.resource_calendar_id = cls.calendar
        Supervision = cls.env["org.cadre.supervision"].with_user(cls.user_supervisor)
        cls.inquiry = Supervision.create(
            {"employee_id": cls.cadre.id, "kind": "inquiry", "date": "2024-04-01", "reason": "群众反映"}
        )
        cls.admonishment = Supervision.create(
            {
                "employee_id": cls.cadre_b.id,
                "kind": "admonishment",
                "date": "2024-04-01",
                "reason": "工作失误",
            }
        )
        cls.domain = [("employee_id", "in", (cls.cadre | cls.cadre_b).ids)]

    def test_defaults_from_the_rules(self):
        # 15 working days from Monday 2024-04-01: Friday 2024-04-19.
        self.assertEqual(self.inquiry.reply_due_date, datetime.date(2024, 4, 19))
        self.assertEqual(self.inquiry.effect_months, 0)
        self.assertEqual(self.admonishment.effect_months, 6)
        self.assertEqual(self.admonishment.effect_date_end, datetime.date(2024, 10, 1))
        self.assertFalse(self.admonishment.reply_due_date)
        self.assertTrue(self.inquiry.reference.startswith("JD"))

    def test_supervision_group_reads_and_writes(self):
        records = self.env["org.cadre.supervision"].with_user(self.user_supervisor).search(self.domain)
        self.assertEqual(records, self.inquiry | self.admonishment)
        records[0].reply = "已书面说明"

    def test_others_cannot_find_supervision(self):
        for user in (self.user_officer, self.user_leader, self.user_org_officer, self.user_cadre):
            user.groups_id = [(4, self.env.ref("base.group_allow_export").id)]
            Supervision = self.env["org.cadre.supervision"].with_user(user)
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Supervision.search([])
                with self.assertRaises(AccessError):
                    Supervision.search_count([])
                with self.assertRaises(AccessError):
                    Supervision.read_group([], ["kind"], ["kind"])
                with self.assertRaises(AccessError):
                    self.inquiry.with_user(user).read(["reason"])
                with self.assertRaises(AccessError):
                    self.inquiry.with_user(user).export_data(["reason"])
                with self.assertRaises(AccessError):
                    Supervision.create({"employee_id": self.cadre.id, "kind": "reminder", "reason": "x"})

    def test_never_the_cadre_concerned(self):
        # The cadre concerned is themselves in the supervision group: still not their own record.
        self.user_cadre.groups_id = [(4, self.env.ref("org_cadre.group_cadre_supervision").id)]
        records = self.env["org.cadre.supervision"].with_user(self.user_cadre).search(self.domain)
        self.assertEqual(records, self.admonishment)
        with self.assertRaises(AccessError):
            self.inquiry.with_user(self.user_cadre).read(["reason"])

    def test_no_employee_field_leaks_supervision(self):
        fields = self.env["hr.employee"]._fields.values()
        self.assertFalse(
            [f.name for f in fields if getattr(f, "comodel_name", None) == "org.cadre.supervision"]
        )
        for user in (self.user_officer, self.user_leader):
            views = (
                self.env["hr.employee"]
                .with_user(user)
                .get_views([(False, "form"), (False, "list"), (False, "search")])
            )
            for view in views["views"].values():
                self.assertNotIn("supervision", view["arch"], user.login)

    def test_menu_only_for_supervision(self):
        menu = self.env.ref("org_cadre.menu_org_cadre_supervision")
        for user, visible in (
            (self.user_officer, False),
            (self.user_leader, False),
            (self.user_supervisor, True),
            (self.user_manager, True),
        ):
            menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertEqual(menu.id in menus, visible, user.login)

    def test_manager_has_supervision(self):
        self.assertTrue(self.user_manager.has_group("org_cadre.group_cadre_supervision"))
        fresh = new_test_user(self.env, "cadre_super2", groups="org_cadre.group_cadre_supervision")
        self.assertTrue(fresh.has_group("org_cadre.group_cadre_officer"))
        self.assertFalse(self.user_officer.has_group("org_cadre.group_cadre_supervision"))

    def test_cron_inquiry_reply_due(self):
        Supervision = self.env["org.cadre.supervision"]
        with freeze_time("2024-04-18"):
            Supervision._cron_inquiry_reply_due()
        self.assertFalse(self.inquiry.activity_ids)
        with freeze_time("2024-04-19"):
            Supervision._cron_inquiry_reply_due()
            Supervision._cron_inquiry_reply_due()
        self.assertEqual(len(self.inquiry.activity_ids), 1)
        self.assertEqual(self.inquiry.activity_ids.user_id, self.user_supervisor)
        replied = Supervision.create(
            {
                "employee_id": self.cadre.id,
                "kind": "inquiry",
                "date": "2024-04-01",
                "reason": "x",
                "reply_date": "2024-04-10",
            }
        )
        with freeze_time("2024-05-01"):
            Supervision._cron_inquiry_reply_due()
        self.assertFalse(replied.activity_ids)

    def test_cron_effect_end(self):
        Supervision = self.env["org.cadre.supervision"]
        with freeze_time("2024-10-01"):
            Supervision._cron_effect_end()
            self.assertTrue(self.admonishment.is_effective)
            self.assertEqual(Supervision._restricted_employees(self.cadre_b), self.cadre_b)
        with freeze_time("2024-10-02"):
            Supervision._cron_effect_end()
            self.assertFalse(self.admonishment.is_effective)
            self.assertFalse(Supervision._restricted_employees(self.cadre_b))
