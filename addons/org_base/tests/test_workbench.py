from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestWorkbench(TransactionCase):
    """我的工作台 is where each user lands: the first application of the home screen (Odoo's
    web client opens the first root menu when the user has no home action), a client action
    fed by one call, org.workbench.get_sections()."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(cls.env, "wb_officer", groups="org_base.group_org_user")
        cls.leader = new_test_user(cls.env, "wb_leader", groups="org_base.group_org_leader")
        cls.configurator = new_test_user(cls.env, "wb_configurator", groups="org_base.group_org_configurator")

    def test_workbench_is_the_first_application(self):
        menu = self.env.ref("org_base.menu_org_workbench")
        for user in (self.officer, self.leader, self.configurator):
            roots = self.env["ir.ui.menu"].with_user(user).load_menus(False)["root"]["children"]
            self.assertEqual(roots[0], menu.id, f"{user.login} lands on the workbench, not on Discuss")
        action = self.env.ref("org_base.org_workbench_action")
        self.assertEqual((menu.action, action.tag), (action, "org_base.workbench"))

    def test_sections_are_ordered_and_complete(self):
        for user in (self.officer, self.leader, self.configurator):
            sections = self.env["org.workbench"].with_user(user).get_sections()
            self.assertEqual(
                sections, sorted(sections, key=lambda section: (section["sequence"], section["key"]))
            )
            for section in sections:
                self.assertIn(section["state"], ("red", "yellow", "normal"))
                self.assertTrue({"key", "title", "count", "rows", "res_model", "domain"} <= set(section))

    def test_section_of_a_model_the_user_may_not_read_is_left_out(self):
        Workbench = self.env["org.workbench"].with_user(self.officer)
        self.assertIsNone(Workbench._org_workbench_section("x", "X", "ir.config_parameter", []))
        section = Workbench._org_workbench_section(
            "org_base.test", "Dictionaries", "org.dictionary", [], red_domain=[("id", "=", 0)]
        )
        self.assertEqual(
            section["count"], self.env["org.dictionary"].with_user(self.officer).search_count([])
        )
        self.assertEqual(section["state"], "yellow" if section["count"] else "normal")
        self.assertEqual(len(section["rows"]), min(section["count"], 5))
