"""The monthly run: one line per liable member and month, idempotent, set-based."""

import datetime

from psycopg2 import IntegrityError

from odoo.tests import tagged

from .common import FEB, JAN, DuesCommon


@tagged("post_install", "-at_install")
class TestMonthlyLines(DuesCommon):
    def test_one_line_per_member_and_month(self):
        lines = self._lines(JAN)
        by_member = {line.member_id: line for line in lines}
        self.assertEqual(by_member[self.member_a1].amount, 40.0)
        self.assertEqual(by_member[self.member_a1].organization_id, self.branch_a1)
        # 预备党员 pay too; a fixed category without a base pays the category's amount
        self.assertEqual(self.member_b1.status, "probationary")
        self.assertEqual(by_member[self.member_b1].amount, 0.2)

    def test_running_twice_creates_nothing(self):
        first = self._lines(JAN)
        self.assertTrue(first)
        again = self.Line._cron_create_monthly_lines(JAN)
        self.assertFalse(again)
        self.assertEqual(self.Line.search_count([("month", "=", JAN)]), len(first))
        self.assertRefused(
            IntegrityError,
            "member_month_uniq",
            lambda: self.Line.create(
                {
                    "member_id": self.member_a1.id,
                    "organization_id": self.branch_a1.id,
                    "month": JAN,
                    "amount": 1,
                }
            ),
        )

    def test_excluded_members(self):
        Member = self.env["org.party.member"]
        transferred = Member.create(
            {"name": "转出党员", "organization_id": self.branch_a1.id, "dues_category_id": self.student.id}
        )
        transferred.active = False  # what an approved transfer out does
        uncategorized = Member.create({"name": "未分类党员", "organization_id": self.branch_a1.id})
        no_base = Member.create(
            {
                "name": "未申报基数",
                "organization_id": self.branch_a1.id,
                "dues_category_id": self.in_service.id,
            }
        )
        later = Member.create(
            {
                "name": "二月入党",
                "organization_id": self.branch_a1.id,
                "dues_category_id": self.student.id,
                "date_join": "2025-02-10",
            }
        )
        members = self._lines(JAN).member_id
        self.assertEqual(members & (transferred | uncategorized | no_base | later), Member)
        self.assertIn(later, self._lines(FEB).member_id)

    def test_set_based(self):
        """The same number of queries for 2 members as for 22 (no reminder due here)."""
        self.env["ir.config_parameter"].set_param("org_party_dues.reminder_months", 99)
        self._lines(JAN)
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        self.Line._cron_create_monthly_lines(FEB)
        self.env.flush_all()
        few = self.env.cr.sql_log_count - start
        self.env["org.party.member"].create(
            [
                {
                    "name": f"批量{index}",
                    "organization_id": self.branch_a2.id,
                    "dues_category_id": self.student.id,
                }
                for index in range(20)
            ]
        )
        # their February too: the members' months unpaid are then alike (one UPDATE), as before
        self.Line._cron_create_monthly_lines(FEB)
        march = datetime.date(2025, 3, 1)
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        self.Line._cron_create_monthly_lines(march)
        self.env.flush_all()
        self.assertEqual(self.env.cr.sql_log_count - start, few)
        self.assertEqual(self.Line.search_count([("month", "=", march)]), 22)

    def test_cron_record_runs_the_current_month(self):
        cron = self.env.ref("org_party_dues.ir_cron_dues_monthly_lines")
        cron.method_direct_trigger()
        month = self.env.company._org_office_today().replace(day=1)
        self.assertIn(self.member_b1, self.Line.search([("month", "=", month)]).member_id)

    def test_a_line_stays_with_its_organization(self):
        line = self._lines(JAN).filtered(lambda line: line.member_id == self.member_a1)
        manual = self.Line.with_user(self.secretary_a).create(
            {"member_id": self.member_a1.id, "month": FEB, "amount": 40}
        )
        self.assertEqual(manual.organization_id, self.branch_a1)
        self.member_a1.organization_id = self.branch_a2  # moved within the zone
        self.assertEqual((line.organization_id, manual.organization_id), (self.branch_a1, self.branch_a1))
