from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestOfficerTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        ours = cls.env["ir.module.module"].search([("name", "=like", "org\\_%"), ("state", "=", "installed")])
        cls.env["ir.module.module"]._load_module_terms(ours.mapped("name"), ["zh_CN"], overwrite=True)
        cls.officer = new_test_user(
            cls.env, "tour_officer", groups="org_base.group_org_user", lang="zh_CN", name="王组工"
        )

    def test_officer_opens_every_app_in_chinese(self):
        self.assertFalse(
            self.officer.has_group("base.group_system"), "the tour runs as an officer, not admin"
        )
        self.start_tour("/odoo", "org_officer_apps_tour", login="tour_officer")
