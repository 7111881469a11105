from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import CadreCommon, resident_id


@tagged("post_install", "-at_install")
class TestDossier(CadreCommon):
    def test_id_number_validated_normalized_and_masked(self):
        with self.assertRaisesRegex(ValidationError, "测试干部丙"):
            self.env["hr.employee"].create(
                {"name": "测试干部丙", "is_cadre": True, "identification_id": resident_id()[:-1] + "0"}
            )
        employee = self.env["hr.employee"].create(
            {
                "name": "测试干部丁",
                "is_cadre": True,
                "identification_id": resident_id(birth="19880808", order=222),
            }
        )
        self.assertEqual(str(employee.birthday), "1988-08-08")
        self.assertEqual(employee.gender, "female")
        self.assertTrue(employee.resident_id_masked.startswith("4*"))
        self.assertIn("*", employee.resident_id_masked)

    def test_completeness(self):
        self.assertLess(self.cadre.cadre_completeness, 100)
        label = self.cadre._fields["cadre_ethnicity_id"]._description_string(self.env)
        self.assertIn(label, self.cadre.cadre_missing_items)
        self.assertIn("cadre_ethnicity_id", self.cadre.cadre_missing_fields.split(","))
        before = self.cadre.cadre_completeness
        self.cadre.cadre_family_member_ids = [(0, 0, {"name": "王芳", "relation": "妻子"})]
        self.assertGreater(self.cadre.cadre_completeness, before)

    def test_missing_items_in_the_readers_language(self):
        """The missing items are named when read, in the reader's language: a dossier saved
        by someone working in English reads "民族" to someone working in Chinese."""
        self.env["res.lang"].with_context(active_test=False).search([("code", "=", "zh_CN")]).active = True
        field = self.env["ir.model.fields"]._get("hr.employee", "cadre_ethnicity_id")
        field.update_field_translations("field_description", {"zh_CN": "民族（测试）"})
        self.env.registry.clear_cache()
        self.cadre.with_context(lang="en_US").cadre_native_place = "湖北武汉"
        english = self.cadre.with_context(lang="en_US").cadre_missing_items
        self.assertIn(field.with_context(lang="en_US").field_description, english)
        self.assertIn("民族（测试）", self.cadre.with_context(lang="zh_CN").cadre_missing_items)

    def test_young_cadre_by_rank_and_age(self):
        section = self.env.ref("org_base.rank_l10")
        with freeze_time("2020-06-01"):
            employee = self.env["hr.employee"].create(
                {
                    "name": "测试年轻干部",
                    "is_cadre": True,
                    "birthday": "1986-01-01",
                    "cadre_rank_id": section.id,
                }
            )
            self.assertTrue(employee.is_young_cadre)
        with freeze_time("2021-12-31"):
            # 35 years old on the last day of 2021: still young, nothing to recompute.
            self.assertNotIn(employee, self.env["hr.employee"]._cron_recompute_young_cadres())
            self.assertTrue(employee.is_young_cadre)
        with freeze_time("2022-01-01"):
            self.assertIn(employee, self.env["hr.employee"]._cron_recompute_young_cadres())
            self.assertFalse(employee.is_young_cadre)
            self.assertNotIn(employee, self.env["hr.employee"]._cron_recompute_young_cadres(), "done once")
        division = self.env.ref("org_base.rank_l08")
        with freeze_time("2022-06-01"):
            employee.cadre_rank_id = division
            self.assertTrue(employee.is_young_cadre)

    def test_young_cadre_rule_change_recomputes(self):
        section = self.env.ref("org_base.rank_l10")
        employee = self.env["hr.employee"].create(
            {"name": "测试干部戊", "is_cadre": True, "birthday": "1950-01-01", "cadre_rank_id": section.id}
        )
        self.assertFalse(employee.is_young_cadre)
        self.env.ref("org_cadre.young_rule_section").max_age = 200
        self.assertTrue(employee.is_young_cadre)

    def test_officer_edits_dossier_in_form(self):
        with Form(self.cadre.with_user(self.user_officer)) as form:
            form.cadre_health = "健康"
            form.cadre_ethnicity_id = self.env.ref("org_base.ethnicity_01")
        self.assertEqual(self.cadre.cadre_health, "健康")
        self.cadre.with_user(self.user_officer).cadre_family_member_ids = [
            (0, 0, {"relation": "妻子", "name": "王芳"})
        ]
        self.assertEqual(self.cadre.cadre_family_member_ids.name, "王芳")

    def test_own_dossier_without_sensitive_fields(self):
        user = self.cadre.user_id.with_user(self.user_cadre)
        values = user.read(["cadre_native_place", "cadre_current_post", "cadre_resume_line_ids"])[0]
        self.assertEqual(values["cadre_native_place"], "湖北武汉")
        lines = (
            self.env["org.cadre.resume.line"]
            .with_user(self.user_cadre)
            .browse(values["cadre_resume_line_ids"])
        )
        self.assertEqual(lines.read(["name"])[0]["name"], "经开区管委会科员")
        # Neither the ID number nor the employee record itself.
        with self.assertRaises(AccessError):
            self.cadre.with_user(self.user_cadre).read(["identification_id"])
        # Not another cadre's sub-records.
        other = self.env["org.cadre.resume.line"].with_user(self.user_cadre).search([])
        self.assertEqual(other, self.cadre.cadre_resume_line_ids)
        with self.assertRaises(AccessError):
            self.cadre_b.cadre_resume_line_ids.with_user(self.user_cadre).read(["name"])

    def test_other_user_cannot_read_a_dossier_through_users(self):
        values = self.cadre.user_id.with_user(self.user_org_officer).read(
            ["cadre_native_place", "cadre_resume_line_ids", "cadre_training_enrollment_ids"]
        )[0]
        self.assertFalse(values["cadre_native_place"])
        self.assertFalse(values["cadre_resume_line_ids"])
        values = self.cadre.user_id.with_user(self.user_officer).read(["cadre_native_place"])[0]
        self.assertEqual(values["cadre_native_place"], "湖北武汉")

    def test_my_dossier_view_loads(self):
        action = self.env["res.users"].with_user(self.user_cadre)._action_my_cadre_dossier()
        self.assertEqual(action["res_id"], self.user_cadre.id)
        views = self.env["res.users"].with_user(self.user_cadre).get_views(action["views"])
        self.assertIn("cadre_resume_line_ids", views["models"]["res.users"]["fields"])

    def test_leader_reads_dossier_without_id_number(self):
        cadre = self.cadre.with_user(self.user_leader)
        self.assertEqual(cadre.cadre_current_post, "经开区招商局副局长")
        self.assertIn("*", cadre.resident_id_masked)
        with self.assertRaises(AccessError):
            cadre.read(["identification_id"])
        with self.assertRaises(AccessError):
            cadre.write({"cadre_health": "良好"})

    def test_views_load_for_each_role(self):
        for user in (self.user_officer, self.user_leader, self.user_supervisor):
            views = (
                self.env["hr.employee"]
                .with_user(user)
                .get_views(
                    [(self.env.ref("org_cadre.hr_employee_cadre_view_list").id, "list"), (False, "form")]
                )
            )
            fields = views["models"]["hr.employee"]["fields"]
            self.assertIn("cadre_completeness", fields, user.login)
            self.assertEqual("identification_id" in fields, user != self.user_leader, user.login)

    def test_my_dossier_menu_action_runs_for_any_user(self):
        action = self.env.ref("org_cadre.res_users_action_my_cadre_dossier")
        result = action.with_user(self.user_cadre).run()
        self.assertEqual(result["res_id"], self.user_cadre.id)
        self.assertEqual(result["res_model"], "res.users")
