from odoo.tests import Form, HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFormDesignerTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.configurator = new_test_user(
            cls.env, "form_tour_configurator", groups="org_base.group_org_configurator"
        )
        # An officer who keeps employees' files (HR officer).
        cls.officer = new_test_user(
            cls.env, "form_tour_officer", groups="org_base.group_org_user,hr.group_hr_user"
        )

    def setUp(self):
        # Custom fields reload the registry: reset it after the test (it must run last).
        self.addCleanup(self.registry.reset_changes)
        super().setUp()

    def test_configurator_adds_a_required_choice(self):
        self.start_tour("/odoo", "org_form_designer_tour", login="form_tour_configurator")
        customization = self.env["org.form.customization"].search([("name", "=", "员工补充信息")])
        self.assertEqual(customization.state, "applied")
        self.assertEqual(customization.model, "hr.employee")
        line = customization.field_line_ids
        self.assertEqual((line.label, line.field_type, line.is_required), ("政治面貌", "selection", True))
        field_name = line.field_name
        self.assertEqual(line.new_field_id.selection_ids.mapped("name"), ["中共党员", "共青团员", "群众"])
        # An officer must now fill the new field to save an employee.
        employee_form = Form(self.env["hr.employee"].with_user(self.officer))
        employee_form.name = "张三"
        with self.assertRaises(AssertionError):
            employee_form.save()
        employee_form[field_name] = "共青团员"
        employee = employee_form.save()
        self.assertEqual(employee[field_name], "共青团员")
