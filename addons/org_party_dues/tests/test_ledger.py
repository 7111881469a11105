"""The ledger per organization and month (due, collected, passed up, kept) and the 上缴 rule."""

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import FEB, JAN, MAR, DuesCommon


@tagged("post_install", "-at_install")
class TestLedger(DuesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._lines(JAN, FEB, MAR)
        Payment = cls.env["org.party.dues.payment"]
        Payment.create({"member_id": cls.member_a1.id, "date": "2025-02-10", "amount": 80})  # Jan, Feb
        Payment.create({"member_id": cls.member_b1.id, "date": "2025-03-05", "amount": 0.6})  # Jan–Mar
        cls.Ledger = cls.env["org.party.dues.ledger"]

    def _row(self, organization, month):
        self.env.flush_all()
        self.env.invalidate_all()
        row = self.Ledger.search([("organization_id", "=", organization.id), ("month", "=", month)])
        return row.read(
            ["count_due", "amount_due", "count_unpaid", "amount_collected", "amount_remitted", "amount_kept"]
        )[0]

    def _values(self, row):
        return tuple(
            row[name]
            for name in (
                "count_due",
                "amount_due",
                "count_unpaid",
                "amount_collected",
                "amount_remitted",
                "amount_kept",
            )
        )

    def test_sums(self):
        self.assertEqual(self._values(self._row(self.branch_a1, JAN)), (1, 40.0, 0, 0.0, 0.0, 0.0))
        self.assertEqual(self._values(self._row(self.branch_a1, FEB)), (1, 40.0, 0, 80.0, 0.0, 80.0))
        self.assertEqual(self._values(self._row(self.branch_a1, MAR)), (1, 40.0, 1, 0.0, 0.0, 0.0))
        self.assertEqual(self._values(self._row(self.branch_b1, MAR)), (1, 0.2, 0, 0.6, 0.0, 0.6))
        self.env["org.party.dues.remittance"].create(
            {"organization_id": self.branch_a1.id, "month": FEB, "date": "2025-02-28", "amount": 80}
        )
        self.assertEqual(self._values(self._row(self.branch_a1, FEB)), (1, 40.0, 0, 80.0, 80.0, 0.0))
        total = self.Ledger.read_group(
            [("organization_id", "=", self.branch_a1.id)], ["amount_collected:sum", "amount_due:sum"], []
        )
        self.assertEqual((total[0]["amount_collected"], total[0]["amount_due"]), (80.0, 120.0))

    def test_remittance_not_above_what_was_collected(self):
        Remittance = self.env["org.party.dues.remittance"]
        self.assertRefused(
            ValidationError,
            "10",
            lambda: Remittance.create(
                {"organization_id": self.branch_a1.id, "month": JAN, "date": "2025-01-31", "amount": 10}
            ),
        )
        first = Remittance.create(
            {"organization_id": self.branch_a1.id, "month": FEB, "date": "2025-03-01", "amount": 50}
        )
        self.assertEqual(first.to_organization_id, self.org_a)
        self.assertRefused(
            ValidationError,
            "50",
            lambda: Remittance.create(
                {"organization_id": self.branch_a1.id, "month": MAR, "date": "2025-03-31", "amount": 31}
            ),
        )
        Remittance.create(
            {"organization_id": self.branch_a1.id, "month": MAR, "date": "2025-03-31", "amount": 30}
        )
        self.assertRefused(ValidationError, "2025-01-15", lambda: first.write({"date": "2025-01-15"}))

    def test_secretary_sees_the_own_subtree(self):
        rows = self.Ledger.with_user(self.secretary_a).search([])
        self.assertEqual(rows.organization_id, self.branch_a1)
        rows = self.Ledger.with_user(self.user_leader).search([])
        self.assertEqual(rows.organization_id, self.branch_a1 | self.branch_b1)
