from odoo.tests import TransactionCase, new_test_user


class OrgBaseCommon(TransactionCase):
    """Least-privileged users of each role; no demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer = new_test_user(cls.env, "test_officer", groups="org_base.group_org_user")
        cls.user_leader = new_test_user(cls.env, "test_leader", groups="org_base.group_org_leader")
        cls.user_configurator = new_test_user(
            cls.env, "test_configurator", groups="org_base.group_org_configurator"
        )
        cls.user_manager = new_test_user(cls.env, "test_manager", groups="org_base.group_org_manager")
        cls.user_employee = new_test_user(cls.env, "test_employee", groups="base.group_user")
