import base64
import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.org_base.tests.fixtures import resident_id

from ..models.hr_employee import age_band
from .common import CadreCommon, lrmx_bytes


@tagged("post_install", "-at_install")
class TestDossierViews(CadreCommon):
    """The cadre menu's actions open the 干部档案 form, the 干部名册 list and its search; the
    stock employee form stays hr's."""

    def test_roster_action_opens_dossier_form_list_and_search(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("org_cadre.hr_employee_cadre_action")
        self.assertEqual(
            action["views"],
            [
                (self.env.ref("org_cadre.hr_employee_cadre_view_list").id, "list"),
                (self.env.ref("org_cadre.hr_employee_cadre_view_form").id, "form"),
            ],
        )
        self.assertEqual(
            action["search_view_id"][0], self.env.ref("org_cadre.hr_employee_cadre_view_search_roster").id
        )
        analysis = self.env["ir.actions.act_window"]._for_xml_id(
            "org_cadre.hr_employee_cadre_analysis_action"
        )
        self.assertEqual([mode for _view, mode in analysis["views"]], ["graph", "pivot", "list", "form"])
        self.assertEqual(analysis["views"][3][0], self.env.ref("org_cadre.hr_employee_cadre_view_form").id)

    def test_dossier_form_per_role(self):
        form = self.env.ref("org_cadre.hr_employee_cadre_view_form")
        for user, sees_id, sees_supervision in (
            (self.user_officer, True, False),
            (self.user_supervisor, True, True),
            (self.user_leader, False, False),
        ):
            views = self.env["hr.employee"].with_user(user).get_views([(form.id, "form")])
            arch = views["views"]["form"]["arch"]
            fields = views["models"]["hr.employee"]["fields"]
            for page in ("resume", "rewards", "annual_results", "family", "appointments", "training"):
                self.assertIn(f'name="{page}"', arch, user.login)
            self.assertIn("cadre_current_post_date", fields, user.login)
            self.assertEqual("identification_id" in fields, sees_id, user.login)
            self.assertEqual("action_cadre_open_supervisions" in arch, sees_supervision, user.login)
            # hr keeps the employees' activities to HR officers: no chatter for leaders.
            self.assertEqual("<chatter" in arch, sees_id, user.login)
            # None of hr's noise: skills, work contact, onboarding.
            for noise in (
                "work_phone",
                "work_email",
                "mobile_phone",
                "resume_line_ids",
                "employee_skill_ids",
            ):
                self.assertNotIn(f'name="{noise}"', arch, user.login)

    def test_stock_employee_form_stays_hr(self):
        views = self.env["hr.employee"].with_user(self.user_officer).get_views([(False, "form")])
        self.assertEqual(views["views"]["form"]["id"], self.env.ref("hr.view_employee_form").id)
        self.assertNotIn("o_org_cadre_dossier", views["views"]["form"]["arch"])

    def test_roster_list_columns_and_analysis_views(self):
        for user in (self.user_officer, self.user_leader):
            views = (
                self.env["hr.employee"]
                .with_user(user)
                .get_views(
                    [
                        (self.env.ref("org_cadre.hr_employee_cadre_view_list").id, "list"),
                        (self.env.ref("org_cadre.hr_employee_cadre_view_graph").id, "graph"),
                        (self.env.ref("org_cadre.hr_employee_cadre_view_pivot").id, "pivot"),
                        (self.env.ref("org_cadre.hr_employee_cadre_view_search_roster").id, "search"),
                    ]
                )
            )
            arch = views["views"]["list"]["arch"]
            for name in (
                "name",
                "cadre_gender",
                "cadre_birth_month",
                "cadre_age",
                "cadre_ethnicity_id",
                "cadre_native_place",
                "cadre_fulltime_education_id",
                "cadre_current_post",
                "cadre_current_post_date",
                "cadre_rank_id",
            ):
                self.assertIn(f'name="{name}"', arch, user.login)
            self.assertIn("cadre_age_band", views["views"]["graph"]["arch"])
            self.assertIn("group_age_band", views["views"]["search"]["arch"])
            groups = (
                self.env["hr.employee"]
                .with_user(user)
                .read_group([("is_cadre", "=", True)], ["cadre_age:avg"], ["cadre_age_band"])
            )
            self.assertTrue(groups, user.login)


@tagged("post_install", "-at_install")
class TestCadreAge(CadreCommon):
    def test_age_bands(self):
        self.assertEqual(
            [age_band(age) for age in (25, 35, 36, 40, 41, 45, 46, 50, 51, 55, 56, 60)],
            ["35", "35", "36_40", "36_40", "41_45", "41_45", "46_50", "46_50", "51_55", "51_55", "56", "56"],
        )

    def test_age_on_office_date_and_cron(self):
        # 测试干部乙 is born 1990-01-01 (resident ID).
        self.assertEqual(self.cadre_b.birthday, datetime.date(1990, 1, 1))
        with freeze_time("2025-12-31 15:00:00"):  # 23:00 in Shanghai, still 2025-12-31
            self.cadre_b.invalidate_recordset(["birthday"])
            self.env.add_to_compute(self.cadre_b._fields["cadre_age"], self.cadre_b)
            self.cadre_b.flush_recordset()
            self.assertEqual(self.cadre_b.cadre_age, 35)
            self.assertEqual(self.cadre_b.cadre_age_band, "35")
            self.assertEqual(self.cadre_b.cadre_birth_month, "1990.01")
            self.assertFalse(self.env["hr.employee"]._cron_recompute_cadre_ages() & self.cadre_b)
        with freeze_time("2025-12-31 16:30:00"):  # 00:30 on 2026-01-01 in Shanghai: the birthday
            stale = self.env["hr.employee"]._cron_recompute_cadre_ages()
            self.assertIn(self.cadre_b, stale)
            self.assertNotIn(self.cadre, stale, "ages that did not change are left alone")
            self.assertEqual(self.cadre_b.cadre_age, 36)
            self.assertEqual(self.cadre_b.cadre_age_band, "36_40")
            # The daily young-cadre cron runs it too.
            self.cadre_b.cadre_age = 20
            self.env["hr.employee"]._cron_recompute_young_cadres()
            self.assertEqual(self.cadre_b.cadre_age, 36)

    def test_gender_for_leaders(self):
        leader_view = self.cadre_b.with_user(self.user_leader)
        self.assertEqual(leader_view.cadre_gender, "female")
        self.assertEqual(leader_view.cadre_gender, self.cadre_b.gender)


@tagged("post_install", "-at_install")
class TestDossierNoise(CadreCommon):
    def test_no_onboarding_note_on_a_new_cadre(self):
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        cadre = Employee.create({"name": "测试干部丙", "is_cadre": True})
        other = Employee.create({"name": "普通员工"})
        self.assertFalse(cadre.message_ids.filtered(lambda message: "plan_wizard_action" in message.body))
        self.assertTrue(other.message_ids.filtered(lambda message: "plan_wizard_action" in message.body))

    def test_lrmx_import_opens_the_dossier_form(self):
        number = resident_id(birth="19860712", order=215)
        wizard = (
            self.env["org.cadre.lrmx.import"]
            .with_user(self.user_officer)
            .create(
                {
                    "file": base64.b64encode(lrmx_bytes(name="导入干部", number=number)),
                    "file_name": "导入干部.lrmx",
                }
            )
        )
        action = wizard.action_import()
        self.assertEqual(action["res_model"], "hr.employee")
        self.assertEqual(
            action["views"], [(self.env.ref("org_cadre.hr_employee_cadre_view_form").id, "form")]
        )
