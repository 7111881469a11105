from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.org_base.tests.common import cron_progress

from .common import GrassrootsCommon


@tagged("post_install", "-at_install")
class TestReelectionReminders(GrassrootsCommon):
    def _activities(self, organization):
        activity_type = self.env.ref("org_grassroots.mail_activity_type_reelection")
        return organization.activity_ids.filtered(lambda activity: activity.activity_type_id == activity_type)

    def _run(self, date):
        with freeze_time(date):
            return self.env["org.party.organization"]._cron_reelection_reminders()

    def test_six_months_three_months_overdue_once_each(self):
        # 党委: 5-year term from 2021-07-01, due 2026-07-01; secretary_a is reminded.
        self.org_a.date_term_start = "2021-07-01"
        self.assertEqual(str(self.org_a.date_reelection_due), "2026-07-01")
        self.assertNotIn(self.org_a, self._run("2025-12-01"), "7 months ahead: not yet")
        self.assertFalse(self._activities(self.org_a))

        self.assertIn(self.org_a, self._run("2026-01-05"))
        activities = self._activities(self.org_a)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.secretary_a)
        self.assertEqual(self.org_a.reelection_reminder_level, 1)
        self.assertNotIn(self.org_a, self._run("2026-01-06"), "idempotent")
        self.assertEqual(len(self._activities(self.org_a)), 1)

        self.assertIn(self.org_a, self._run("2026-04-02"))
        self.assertEqual(self.org_a.reelection_reminder_level, 2)
        self.assertEqual(len(self._activities(self.org_a)), 2)

        self.assertIn(self.org_a, self._run("2026-07-02"))
        self.assertEqual(self.org_a.reelection_reminder_level, 3)
        self.assertIn("overdue", self._activities(self.org_a).mapped("summary")[-1])
        self.assertNotIn(self.org_a, self._run("2026-08-01"))
        self.assertEqual(len(self._activities(self.org_a)), 3)

    def test_new_term_starts_over_and_branch_reminds_the_higher_secretary(self):
        # A branch without its own secretary: the committee's secretary is reminded.
        self.branch_a1.date_term_start = "2021-01-01"  # 3 years: due 2024-01-01
        self.assertIn(self.branch_a1, self._run("2024-02-01"))
        self.assertEqual(self.branch_a1.reelection_reminder_level, 3, "overdue at once")
        self.assertEqual(self._activities(self.branch_a1).user_id, self.secretary_a)
        self.assertTrue(
            self.branch_a1.message_ids.filtered(lambda message: "overdue" in (message.body or ""))
        )
        self.branch_a1.date_term_start = "2024-03-01"
        self.assertEqual(self.branch_a1.reelection_reminder_level, 0)
        self.assertNotIn(self.branch_a1, self._run("2024-04-01"))
        self.assertIn(self.branch_a1, self._run("2026-09-15"))
        self.assertEqual(self.branch_a1.reelection_reminder_level, 1)

    def test_configurable_months_and_batches(self):
        rule = self.env.ref("org_grassroots.term_rule_branch")
        rule.write({"remind_months_first": 2, "remind_months_second": 0})
        branches = self.branch_a1 | self.branch_a2 | self.branch_b1
        branches.write({"date_term_start": "2021-06-01"})
        self.assertFalse(
            self._run("2024-03-15") & branches, "3 months ahead: nothing with a first reminder at 2"
        )
        Organization = self.env["org.party.organization"]
        progress = cron_progress(self.env, "org_grassroots.ir_cron_reelection_reminders")
        with freeze_time("2024-04-15"):
            first = Organization.with_context(ir_cron_progress_id=progress.id)._cron_reelection_reminders(
                batch_size=2
            )
        self.assertEqual(len(first), 2)
        # The cron is told that more organizations wait: its worker runs it again.
        self.assertEqual(progress.done, 2)
        self.assertGreater(progress.remaining, 0)
        progress = cron_progress(self.env, "org_grassroots.ir_cron_reelection_reminders")
        with freeze_time("2024-04-15"):
            rest = Organization.with_context(ir_cron_progress_id=progress.id)._cron_reelection_reminders()
        self.assertEqual((progress.done, progress.remaining), (len(rest), 0))
        self.assertFalse(first & rest)
        self.assertLessEqual(branches, first | rest)
        self.assertEqual(set(branches.mapped("reelection_reminder_level")), {1})

    def test_community_branches_are_due_after_five_years_by_their_field_rule(self):
        community = self.env.ref("org_grassroots.party_field_community")
        self.branch_a2.write({"field_id": community.id, "date_term_start": "2021-06-01"})
        self.branch_a1.date_term_start = "2021-06-01"
        # Three years on, the ordinary branch is overdue; the community branch is not due.
        reminded = self._run("2024-07-01")
        self.assertIn(self.branch_a1, reminded)
        self.assertNotIn(self.branch_a2, reminded)
        self.assertFalse(self.branch_a2.reelection_reminder_level)
        # The community rule's own reminders: 4 months ahead of 2026-06-01, then overdue.
        self.env.ref("org_grassroots.term_rule_branch_community").remind_months_first = 4
        self.assertNotIn(self.branch_a2, self._run("2026-01-15"), "5 months ahead: not yet")
        self.assertIn(self.branch_a2, self._run("2026-02-02"))
        self.assertEqual(self.branch_a2.reelection_reminder_level, 1)
        self.assertIn(self.branch_a2, self._run("2026-06-02"))
        self.assertEqual(self.branch_a2.reelection_reminder_level, 3)
