"""org_form_designer's access matrix (readme/SECURITY.md): the designer and its wizards are the
configurators' alone, for every operation."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.org_base.tests.access_matrix import CONFIGURATORS, ROLES, role_users


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = role_users(cls.env, "matrix")

    def test_designer_models(self):
        for role in ROLES:
            for model in (
                "org.form.customization",
                "org.form.customization.line",
                "org.form.customization.delete",
                "org.form.customization.import",
            ):
                Model = self.env[model].with_user(self.users[role])
                for operation in ("read", "create", "write", "unlink"):
                    self.assertEqual(
                        Model.has_access(operation), role in CONFIGURATORS, f"{role} {operation} {model}"
                    )
