"""The monthly run is batched: the same queries for a batch whatever the backlog, the backlog
finished in several runs, each member's line made exactly once."""

import datetime
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.org_base.tests.common import cron_progress

from .common import JAN, MAR, DuesCommon

CRON = "org_party_dues.ir_cron_dues_monthly_lines"
TODAY = "odoo.addons.org_base.models.res_company.ResCompany._org_office_today"


@tagged("post_install", "-at_install")
class TestQueryCounts(DuesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The members of DuesCommon have their March lines: the runs below make the new ones'.
        cls.Line._cron_create_monthly_lines(MAR, remind=False)

    def _members(self, size):
        return self.env["org.party.member"].create(
            [
                {
                    "name": f"批量党员{index}",
                    "organization_id": self.branch_a2.id,
                    "dues_category_id": self.student.id,
                }
                for index in range(size)
            ]
        )

    def _run(self, function):
        """(queries, result, progress) of ``function(progress)`` with a cold cache."""
        progress = cron_progress(self.env, CRON)
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        result = function(progress)
        self.env.flush_all()
        return self.env.cr.sql_log_count - start, result, progress

    def _assert_batched(self, make, run, handled):
        """A batch of 2 over 2 and over 12 records waiting (the ORM's INSERT of 2 rows, as 100
        rows are at the real size): the same queries, one batch handled, the worker told whether
        records wait."""
        counts = []
        with patch("odoo.models.INSERT_BATCH_SIZE", 2), patch("odoo.models.UPDATE_BATCH_SIZE", 2):
            for size in (2, 2, 12):  # the first run warms the caches up
                with self.env.cr.savepoint() as savepoint:
                    records = make(size)
                    count, result, progress = self._run(run)
                    counts.append(count)
                    self.env.invalidate_all()
                    self.assertEqual(handled(records, result), 2, f"one batch of the {size} records handled")
                    self.assertEqual((progress.done, bool(progress.remaining)), (2, size > 2))
                    savepoint.rollback()
                self.env.invalidate_all()
        self.assertEqual(counts[1], counts[2], counts)
        return counts

    def test_cron_monthly_lines(self):
        self.env["ir.config_parameter"].set_param("org_party_dues.reminder_months", 99)

        def run(progress):
            return self.Line.with_context(ir_cron_progress_id=progress.id)._cron_create_monthly_lines(
                MAR, batch_size=2
            )

        self._assert_batched(self._members, run, lambda members, lines: len(lines.member_id & members))

    def test_cron_arrears_reminders(self):
        """Members who owe the reminder's months, reminded a batch a run (the lines of the month
        all made already)."""
        self.env["ir.config_parameter"].set_param("org_party_dues.reminder_months", 1)
        self.member_a1.active = False
        self.member_b1.active = False
        kind = self.env.ref("org_party_dues.mail_activity_type_dues_arrears")

        def make(size):
            members = self._members(size)
            self.Line.create([{"member_id": member.id, "month": JAN, "amount": 0.2} for member in members])
            self.Line.create([{"member_id": member.id, "month": MAR, "amount": 0.2} for member in members])
            return members

        def run(progress):
            return self.Line.with_context(ir_cron_progress_id=progress.id)._cron_create_monthly_lines(
                MAR, batch_size=2
            )

        def handled(members, _lines):
            activities = self.env["mail.activity"].search(
                [
                    ("activity_type_id", "=", kind.id),
                    ("res_model", "=", "org.party.member"),
                    ("res_id", "in", members.ids),
                ]
            )
            return len(activities)

        with patch(TODAY, return_value=datetime.date(2025, 4, 15)):
            self._assert_batched(make, run, handled)

    def test_backlog_in_several_runs(self):
        """12 members in batches of 5: three runs make one line each, a fourth run none."""
        self.env["ir.config_parameter"].set_param("org_party_dues.reminder_months", 99)
        members = self._members(12)
        runs = []
        for _run in range(4):
            progress = cron_progress(self.env, CRON)
            lines = self.Line.with_context(ir_cron_progress_id=progress.id)._cron_create_monthly_lines(
                MAR, batch_size=5
            )
            runs.append((len(lines), progress.done, progress.remaining))
        self.assertEqual(runs, [(5, 5, 1), (5, 5, 1), (2, 2, 0), (0, 0, 0)])
        lines = self.Line.search([("month", "=", MAR), ("member_id", "in", members.ids)])
        self.assertEqual(sorted(lines.member_id.ids), sorted(members.ids))
