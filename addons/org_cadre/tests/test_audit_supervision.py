from odoo.tests import tagged

from .common import CadreCommon


@tagged("post_install", "-at_install")
class TestAuditSupervision(CadreCommon):
    """Reading supervision records writes org_base's audit log, which the supervision group
    reads for supervision records only; the group logs in with two-factor authentication."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Supervision = cls.env["org.cadre.supervision"].with_user(cls.user_supervisor)
        cls.records = Supervision.create(
            [
                {"employee_id": cls.cadre.id, "kind": "inquiry", "reason": "群众反映"},
                {"employee_id": cls.cadre_b.id, "kind": "reminder", "reason": "工作提醒"},
            ]
        )

    def test_reads_are_logged_and_visible_to_the_supervision_group(self):
        Log = self.env["org.audit.log"]
        self.records.with_user(self.user_supervisor).read(["reason"])
        rows = Log.search([("action", "=", "read_confidential"), ("user_id", "=", self.user_supervisor.id)])
        self.assertEqual(set(rows.mapped("res_id")), set(self.records.ids))
        self.assertEqual(set(rows.mapped("res_model")), {"org.cadre.supervision"})
        Log._log("export", self.cadre)
        seen = Log.with_user(self.user_supervisor).search([])
        self.assertEqual(set(seen.mapped("res_model")), {"org.cadre.supervision"})
        self.assertEqual(set(seen.ids), set(rows.ids))

    def test_supervision_group_needs_two_factor(self):
        self.assertEqual(self.user_supervisor._mfa_type(), "totp_mail")
        self.assertIsNone(self.user_officer._mfa_type())
