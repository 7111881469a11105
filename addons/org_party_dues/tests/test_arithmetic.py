"""The dues arithmetic of the 2008 rules: the bracket of the whole income, bounds included,
half up to the fen, in integer fen (no float surprises)."""

from odoo.tests import TransactionCase, tagged

from ..tools.dues import allocate_fen, monthly_dues_fen, to_fen, to_yuan


@tagged("post_install", "-at_install")
class TestDuesArithmetic(TransactionCase):
    def _standard(self, category, income, fixed=0.0):
        return to_yuan(
            self.env.ref(f"org_party_dues.dues_category_{category}")._org_standard_fen(income, fixed)
        )

    def test_in_service_brackets_at_their_bounds(self):
        cases = [
            (0.01, 0.0),  # 0.00005 rounds to 0
            (1, 0.01),  # 0.005 rounds half up to 0.01
            (2999.99, 15.0),
            (3000, 15.0),  # “3000元以下（含3000元）”: 0.5 %
            (3000.01, 30.0),  # above 3,000: 1 % of the whole income
            (5000, 50.0),  # bound included: 1 %
            (5000.01, 75.0),  # 1.5 %: 75.00015
            (10000, 150.0),  # bound included: 1.5 %
            (10000.01, 200.0),  # 2 %
            (4321.5, 43.22),  # 43.215 half up
            (1234.9, 6.17),  # 6.1745 -> 6.17
        ]
        for income, expected in cases:
            with self.subTest(income=income):
                self.assertEqual(self._standard("in_service", income), expected)

    def test_retirees(self):
        for income, expected in ((5000, 25.0), (5000.01, 50.0), (4000, 20.0), (8888, 88.88)):
            with self.subTest(income=income):
                self.assertEqual(self._standard("retired", income), expected)

    def test_fixed_categories(self):
        self.assertEqual(self._standard("farmer", 0), 0.2)  # the smallest when none is chosen
        self.assertEqual(self._standard("farmer", 0, 0.8), 0.8)
        for code in ("student", "unemployed", "allowance"):
            self.assertEqual(self._standard(code, 9999), 0.2)

    def test_no_float_surprise(self):
        # 0.1 + 0.2 != 0.3 in floats; in fen it is
        self.assertEqual(to_fen(0.1) + to_fen(0.2), to_fen(0.3))
        self.assertEqual(to_fen(1.005), 101)  # the float 1.005 is 1.00499…: read as the decimal text
        self.assertEqual(monthly_dues_fen(to_fen(3000.5), [(300000, "0.5"), (None, "1")]), 3001)

    def test_allocation_oldest_first_whole_months(self):
        lines = [(1, 4000), (2, 4000), (3, 4000)]
        self.assertEqual(allocate_fen(8000, lines), ([1, 2], 0))
        self.assertEqual(allocate_fen(9000, lines), ([1, 2], 1000))
        self.assertEqual(allocate_fen(3999, lines), ([], 3999))
        self.assertEqual(allocate_fen(20000, lines), ([1, 2, 3], 8000))
