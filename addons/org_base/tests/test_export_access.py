"""Who may export lists to Excel (Odoo's Export in the action menu, base.group_allow_export):
officers and managers of every area; not leaders, configurators or plain internal users."""

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestExportAccess(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        roles = {
            "officer": "org_base.group_org_user",
            "manager": "org_base.group_org_manager",
            "leader": "org_base.group_org_leader",
            "configurator": "org_base.group_org_configurator",
            "user": "base.group_user",
        }
        cls.users = {
            role: new_test_user(cls.env, f"exp_{role}", groups=group) for role, group in roles.items()
        }

    def test_officers_and_managers_export(self):
        for role in ("officer", "manager"):
            with self.subTest(role=role):
                user = self.users[role]
                self.assertTrue(user.has_group("base.group_allow_export"), role)
                # The export path works and is audited (org_base's audit log).
                dictionary = self.env["org.dictionary"].search([], limit=1)
                rows = dictionary.with_user(user).export_data(["name"])["datas"]
                self.assertEqual(rows, [[dictionary.name]])
                logged = (
                    self.env["org.audit.log"]
                    .sudo()
                    .search(
                        [
                            ("action", "=", "export"),
                            ("user_id", "=", user.id),
                            ("res_model", "=", "org.dictionary"),
                        ]
                    )
                )
                self.assertEqual(logged.mapped("res_id"), dictionary.ids, role)

    def test_others_do_not_export(self):
        for role in ("leader", "configurator", "user"):
            with self.subTest(role=role):
                self.assertFalse(self.users[role].has_group("base.group_allow_export"), role)

    def test_existing_officers_gain_export(self):
        """Users already in the officer group get the export right with the group (upgrade)."""
        user = new_test_user(self.env, "exp_later", groups="base.group_user")
        self.assertFalse(user.has_group("base.group_allow_export"))
        self.env.ref("org_base.group_org_user").users = [(4, user.id)]
        self.assertTrue(user.has_group("base.group_allow_export"))
