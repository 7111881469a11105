from odoo.tests import Form, HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFormDesignerTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.configurator = new_test_user(
            cls.env, "form_tour_configurator", groups="org_base.group_org_configurator"
        )
        cls.officer = new_test_user(cls.env, "form_tour_officer", groups="org_base.group_org_user")

    def setUp(self):
        # Custom fields reload the registry: reset it after the test (it must run last).
        self.addCleanup(self.registry.reset_changes)
        super().setUp()

    def test_configurator_adds_a_required_choice(self):
        self.start_tour("/odoo", "org_form_designer_tour", login="form_tour_configurator")
        customization = self.env["org.form.customization"].search([("name", "=", "廉政风险类别")])
        self.assertEqual(customization.state, "applied")
        line = customization.field_line_ids
        self.assertEqual((line.label, line.field_type, line.is_required), ("风险类别", "selection", True))
        field_name = line.field_name
        self.assertEqual(line.new_field_id.selection_ids.mapped("name"), ["思想道德", "制度机制", "外部环境"])
        # An officer must now fill the new field to save a risk.
        risk_form = Form(self.env["org.integrity.risk"].with_user(self.officer))
        risk_form.name = "选人用人中的说情打招呼"
        with self.assertRaises(AssertionError):
            risk_form.save()
        risk_form[field_name] = "制度机制"
        risk = risk_form.save()
        self.assertEqual(risk[field_name], "制度机制")
