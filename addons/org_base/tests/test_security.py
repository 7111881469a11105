from odoo.tests import tagged

from .common import OrgBaseCommon


@tagged("post_install", "-at_install")
class TestGroups(OrgBaseCommon):
    def test_group_xml_ids_and_implications(self):
        manager = self.env.ref("org_base.group_org_manager")
        for xml_id in (
            "org_base.group_org_user",
            "org_base.group_org_leader",
            "org_base.group_org_configurator",
        ):
            self.assertIn(self.env.ref(xml_id), manager.trans_implied_ids, xml_id)
        self.assertTrue(self.user_manager.has_group("org_base.group_org_user"))
        self.assertFalse(self.user_officer.has_group("org_base.group_org_configurator"))
        self.assertFalse(self.user_leader.has_group("org_base.group_org_user"))

    def test_configuration_menu_visibility(self):
        root = self.env.ref("org_base.menu_org_config_root")
        for user in (self.user_officer, self.user_leader, self.user_configurator, self.user_manager):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(root.id, visible, user.login)
        visible = self.env["ir.ui.menu"].with_user(self.user_employee)._visible_menu_ids()
        self.assertNotIn(root.id, visible, "a plain employee does not see the configuration app")
