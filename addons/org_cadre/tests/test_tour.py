from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCadreTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(cls.env, "cadre_tour_officer", groups="org_cadre.group_cadre_officer")
        # The tour is about the flow, not the documents: no item needs a file here.
        cls.env["org.checklist.template.item"].search(
            [("template_id.model", "=", "org.cadre.appointment")]
        ).evidence_required = False

    def test_officer_imports_appoints_and_prints(self):
        self.start_tour(
            "/odoo/action-org_cadre.hr_employee_cadre_action",
            "org_cadre_tour",
            login="cadre_tour_officer",
            timeout=180,
        )
        employee = self.env["hr.employee"].search([("name", "=", "导入干部")])
        self.assertTrue(employee.is_cadre)
        self.assertEqual(employee.cadre_family_member_ids.name, "王芳")
        appointment = self.env["org.cadre.appointment"].search([("employee_ids", "in", employee.ids)])
        self.assertEqual(appointment.state, "publicity")
        self.assertTrue(appointment.date_publicity_end)
