"""Payments: oldest months first, whole months only; the bank statement import through the
roster engine names the rows it cannot match and pays nothing twice."""

import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.org_roster.tests.roster_fixtures import build_xlsx

from .common import APR, FEB, JAN, MAR, DuesCommon

HEADERS = ["户名", "身份证号", "交易金额", "交易日期", "流水号"]


@tagged("post_install", "-at_install")
class TestPayments(DuesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lines = cls._lines(JAN, FEB, MAR, APR).filtered(lambda line: line.member_id == cls.member_a1)
        cls.Payment = cls.env["org.party.dues.payment"]

    def _line(self, month):
        return self.lines.filtered(lambda line: line.month == month)

    def test_payment_pays_the_oldest_months(self):
        payment = self.Payment.create(
            {"member_id": self.member_a1.id, "date": "2025-04-10", "amount": 90, "payment_way": "wechat"}
        )
        self.assertEqual(payment.line_ids, self._line(JAN) | self._line(FEB))
        self.assertEqual((payment.amount_allocated, payment.amount_unallocated), (80.0, 10.0))
        self.assertEqual(self._line(JAN).date_paid.isoformat(), "2025-04-10")
        self.assertEqual(self._line(JAN).payment_way, "wechat")
        self.assertEqual(self._line(MAR).state, "unpaid")
        with self.assertRaisesRegex(UserError, "测试党员甲"):
            payment.amount = 10
        payment.unlink()
        self.assertEqual(set(self.lines.mapped("state")), {"unpaid"})

    def _wizard(self, rows, user=None):
        return (
            self.env["org.roster.import"]
            .with_user(user or self.user_officer)
            .create(
                {
                    "roster": "party_dues_payment",
                    "file": base64.b64encode(build_xlsx(rows, HEADERS, title="银行代收党费流水")),
                    "file_name": "党费流水.xlsx",
                }
            )
        )

    def test_bank_statement_import(self):
        number_a1 = self.member_a1.id_number
        rows = [
            ["测试党员甲", number_a1, 80, "2025-04-02", "B001"],
            ["不存在的人", "", 40, "2025-04-02", "B002"],
            ["测试党员甲", number_a1, 10, "2025-04-03", "B003"],  # less than a month
            ["测试党员乙", "", 0.2, "2025-04-03", "B004"],  # no line yet: refused
        ]
        wizard = self._wizard(rows)
        wizard.action_dry_run()
        errors = {line.row: line.message for line in wizard.error_line_ids}
        # the title is row 1, the header row 2: the data rows are 3 to 6
        self.assertEqual(sorted(errors), [4, 5])
        self.assertIn("不存在的人", errors[4])
        self.assertIn("10", errors[5])
        self.assertFalse(self.Payment.search([("member_id", "=", self.member_a1.id)]))
        # the good rows only
        wizard = self._wizard([rows[0], ["测试党员甲", number_a1, 45, "2025-04-05", "B005"]])
        wizard.action_dry_run()
        self.assertFalse(wizard.error_line_ids.mapped("message"))
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.created_count), ("done", 2))
        self.assertEqual(self.lines.filtered(lambda line: line.state == "paid"), self.lines - self._line(APR))
        payment = self.Payment.search([("reference", "=", "B005")])
        self.assertEqual((payment.payment_way, payment.amount_unallocated), ("bank", 5.0))
        # the same statement again pays nothing twice
        wizard = self._wizard([rows[0], ["测试党员甲", number_a1, 45, "2025-04-05", "B005"]])
        wizard.action_dry_run()
        self.assertFalse(wizard.error_line_ids.mapped("message"))
        wizard.action_import()
        self.assertEqual(wizard.created_count, 0)
        self.assertEqual(self.Payment.search_count([("member_id", "=", self.member_a1.id)]), 2)
        self.assertEqual(self._line(APR).state, "unpaid")

    def test_import_by_name_only(self):
        wizard = self._wizard([["测试党员甲", "", 40, "2025-04-02", ""]])
        wizard.action_dry_run()
        self.assertFalse(wizard.error_line_ids.mapped("message"))
        wizard.action_import()
        self.assertEqual(self._line(JAN).state, "paid")
