"""org_department's access matrix (readme/SECURITY.md): the integrity risk register, proven cell
by cell for each role, and its chatter, which the leader reads and never changes."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.org_base.tests.access_matrix import AccessMatrixMixin, role_users

READERS = frozenset({"officer", "leader", "manager"})
OFFICERS = frozenset({"officer", "manager"})
MANAGER = frozenset({"manager"})


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = role_users(cls.env, "matrix")
        cls.other_officer = new_test_user(cls.env, "matrix_other_officer", groups="org_base.group_org_user")

    def test_matrix(self):
        self._check_rows(
            [
                (
                    "org.integrity.risk",
                    {"name": "矩阵风险点", "owner_id": self.other_officer.id},
                    {"level": "high"},
                    READERS,
                    OFFICERS,
                    OFFICERS,
                    MANAGER,
                )
            ]
        )

    def test_leader_touches_no_risk_chatter(self):
        """On the integrity risk register, too, the leader reads and changes nothing."""
        risk = self.env["org.integrity.risk"].create({"name": "矩阵风险", "owner_id": self.other_officer.id})
        activity = risk.activity_schedule("mail.mail_activity_data_todo", user_id=self.other_officer.id)
        leader = self.users["leader"]
        self.assertEqual(risk.with_user(leader).name, "矩阵风险")
        with self.assertRaises(AccessError):
            risk.with_user(leader).message_post(
                body="不应出现", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        with self.assertRaises(AccessError):
            activity.with_user(leader).write({"summary": "篡改"})
        with self.assertRaises(AccessError):
            activity.with_user(leader).unlink()
        self.assertTrue(activity.exists())
