"""The rules of bases, lines, categories and remittances, each refused with a message naming
the values, nothing stored changing (README › Rules)."""

import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import JAN, DuesCommon


@tagged("post_install", "-at_install")
class TestDuesRules(DuesCommon):
    def test_base_amount_from_the_category(self):
        self.assertEqual((self.base_a1.amount_standard, self.base_a1.amount), (40.0, 40.0))
        self.base_a1.voluntary_amount = 100
        self.assertEqual(self.base_a1.amount, 100.0)
        # the category changes (retired): the base follows
        self.member_a1.dues_category_id = self.retired
        self.assertEqual(self.base_a1.amount_standard, 20.0)

    def test_income_category_needs_the_income(self):
        self.assertRefused(
            ValidationError,
            "income",
            lambda: self.env["org.party.dues.base"].create({"member_id": self.member_a1.id, "year": 2024}),
        )

    def test_one_base_per_year(self):
        self.assertRefused(
            IntegrityError,
            "member_year_uniq",
            lambda: self.env["org.party.dues.base"].create(
                {"member_id": self.member_a1.id, "year": 2025, "income": 1}
            ),
        )

    def test_year_between_2008_and_next_year(self):
        for year in (2007, self.env.company._org_office_today().year + 2):
            with self.subTest(year=year):
                self.assertRefused(
                    ValidationError,
                    str(year),
                    lambda year=year: self.env["org.party.dues.base"].create(
                        {"member_id": self.member_a1.id, "year": year, "income": 1}
                    ),
                )

    def test_fixed_amount_within_the_range(self):
        self.member_b1.dues_category_id = self.farmer
        base = self.env["org.party.dues.base"].create(
            {"member_id": self.member_b1.id, "year": 2025, "fixed_amount": 1}
        )
        self.assertEqual(base.amount, 1.0)
        self.assertRefused(ValidationError, "1.5", lambda: base.write({"fixed_amount": 1.5}))
        self.assertEqual(base.fixed_amount, 1.0)

    def test_voluntary_amount_only_higher(self):
        self.assertRefused(ValidationError, "30", lambda: self.base_a1.write({"voluntary_amount": 30}))
        self.assertFalse(self.base_a1.voluntary_amount)

    def test_no_base_without_a_category(self):
        self.member_b1.dues_category_id = False
        self.assertRefused(
            ValidationError,
            "category",
            lambda: self.env["org.party.dues.base"].create({"member_id": self.member_b1.id, "year": 2025}),
        )

    def test_paid_line_needs_date_and_way(self):
        line = self._lines(JAN)[0]
        self.assertRefused(ValidationError, "2025-01-20", lambda: line.write({"date_paid": "2025-01-20"}))
        self.assertRefused(ValidationError, "date", lambda: line.write({"payment_way": "cash"}))
        future = self.env.company._org_office_today() + datetime.timedelta(days=1)
        self.assertRefused(
            ValidationError, str(future), lambda: line.write({"date_paid": future, "payment_way": "cash"})
        )
        self.assertEqual(line.state, "unpaid")
        line.write({"date_paid": "2025-01-20", "payment_way": "cash"})
        self.assertEqual(line.state, "paid")
        self.assertRefused(UserError, "测试党员甲", lambda: line.write({"amount": 1}))
        self.assertEqual(line.amount, 40.0)

    def test_mark_paid_today_in_cash(self):
        line = self._lines(JAN).filtered(lambda line: line.member_id == self.member_a1)
        line.with_user(self.secretary_a).action_mark_paid()
        self.assertEqual(
            (line.state, line.date_paid, line.payment_way),
            ("paid", self.env.company._org_office_today(), "cash"),
        )
        line.action_mark_unpaid()
        self.assertEqual((line.state, line.date_paid, line.payment_way), ("unpaid", False, False))

    def test_month_is_the_first_day(self):
        self.assertRefused(
            ValidationError,
            "2025-01-15",
            lambda: self.Line.create(
                {
                    "member_id": self.member_a1.id,
                    "organization_id": self.branch_a1.id,
                    "month": "2025-01-15",
                    "amount": 1,
                }
            ),
        )

    def test_category_rules(self):
        self.assertRefused(ValidationError, "0.2 to 0.1", lambda: self.farmer.write({"fixed_max": 0.1}))
        self.assertEqual(self.farmer.fixed_max, 1.0)
        bracket = self.in_service.bracket_ids[0]
        self.assertRefused(ValidationError, "150", lambda: bracket.write({"rate": 150}))
        self.assertEqual(bracket.rate, 0.5)
