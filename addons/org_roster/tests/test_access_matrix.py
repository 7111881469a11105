"""org_roster's access matrix (readme/SECURITY.md): rosters and their columns are read by every
internal user and changed by configurators; the import works for officers and configurators
(each import is its creator's alone: TestRosterImportOwner)."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.org_base.tests.access_matrix import CONFIGURATORS, ROLES, AccessMatrixMixin, role_users


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = role_users(cls.env, "matrix")

    def test_rosters(self):
        roster = self.env.ref("org_roster.roster_employee")
        for role in ROLES:
            with self.subTest(role=role):
                self._check_read("org.roster", roster, role, True)
                self._check_read("org.roster.column", roster.column_ids[:1], role, True)
                self._check_write("org.roster", roster, {"name": "改"}, role, role in CONFIGURATORS)
                for model in ("org.roster", "org.roster.column"):
                    Model = self.env[model].with_user(self.users[role])
                    for operation in ("create", "write", "unlink"):
                        self.assertEqual(
                            Model.has_access(operation), role in CONFIGURATORS, f"{role} {operation} {model}"
                        )
                Import = self.env["org.roster.import"].with_user(self.users[role])
                self.assertEqual(Import.has_access("create"), role in {"officer", "configurator", "manager"})
