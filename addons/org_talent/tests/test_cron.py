from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.org_base.tests.common import cron_progress

from .common import TalentCommon


@tagged("post_install", "-at_install")
class TestCron(TalentCommon):
    def _cards(self, count, date_issue, date_expiry, talent=None):
        talents = self.env["org.talent"].create(
            [{"name": f"持卡人{index}", "tier_id": self.tier_young.id} for index in range(count)]
        )
        cards = self.env["org.talent.card"].create(
            [
                {
                    "talent_id": talent.id,
                    "date_issue": date_issue,
                    "date_expiry": date_expiry,
                    "user_id": self.user_talent.id,
                }
                for talent in talents
            ]
        )
        cards.action_issue()
        return cards

    def _activities(self, records, xmlid):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("activity_type_id", "=", self.env.ref(xmlid).id),
            ]
        )

    def test_card_expiry_reminds_then_expires(self):
        soon = self._cards(1, date(2022, 6, 1), date(2025, 6, 20))
        later = self._cards(1, date(2023, 6, 1), date(2026, 6, 1))
        past = self._cards(1, date(2022, 1, 1), date(2025, 5, 31))
        Card = self.env["org.talent.card"]
        with freeze_time("2025-06-01"):
            Card._cron_card_expiry()
            Card._cron_card_expiry()
        self.assertEqual(past.state, "expired")
        self.assertEqual(soon.state, "active")
        reminders = self._activities(soon | later | past, "org_talent.mail_activity_type_card_expiry")
        self.assertEqual(
            reminders.mapped("res_id"), soon.ids, "one reminder, for the card due within 30 days"
        )
        self.assertEqual(reminders.user_id, self.user_talent)
        self.assertEqual(reminders.date_deadline, date(2025, 6, 20))
        with freeze_time("2025-06-21"):
            Card._cron_card_expiry()
        self.assertEqual(soon.state, "expired")
        self.assertFalse(self._activities(soon, "org_talent.mail_activity_type_card_expiry"))

    def test_card_reminder_days_are_configurable(self):
        card = self._cards(1, date(2022, 6, 1), date(2025, 7, 20))
        self.env["ir.config_parameter"].set_param("org_talent.card_reminder_days", "60")
        with freeze_time("2025-06-01"):
            self.env["org.talent.card"]._cron_card_expiry()
        self.assertTrue(self._activities(card, "org_talent.mail_activity_type_card_expiry"))

    def test_card_cron_is_batched(self):
        self._cards(3, date(2022, 1, 1), date(2025, 5, 1))
        Card = self.env["org.talent.card"]
        progress = cron_progress(self.env, "org_talent.ir_cron_card_expiry")
        with freeze_time("2025-06-01"):
            expired, expiring = Card.with_context(ir_cron_progress_id=progress.id)._cron_card_expiry(
                batch_size=2
            )
        self.assertEqual(len(expired), 2)
        # The expired card left for the next batch gets no reminder of its expiry.
        self.assertFalse(expiring)
        # The cron is told that a card waits: its worker runs it again for it.
        self.assertEqual((progress.done, progress.remaining), (2, 1))
        progress = cron_progress(self.env, "org_talent.ir_cron_card_expiry")
        with freeze_time("2025-06-01"):
            expired, expiring = Card.with_context(ir_cron_progress_id=progress.id)._cron_card_expiry(
                batch_size=2
            )
        self.assertEqual(len(expired), 1)
        self.assertEqual((progress.done, progress.remaining), (1, 0))

    def _requests(self, count, deadline):
        board = self.env.ref("org_talent.project_talent_service")
        service_type = self.env["org.talent.service.type"].create(
            {"name": f"测试服务{count}", "code": f"t_service_{count}", "sla_days": 5}
        )
        return self.env["project.task"].create(
            [
                {
                    "name": f"测试服务请求{index}",
                    "project_id": board.id,
                    "org_talent_id": self.talent_a.id,
                    "org_talent_service_type_id": service_type.id,
                    "user_ids": [(4, self.user_talent.id)],
                    "date_deadline": deadline,
                }
                for index in range(count)
            ]
        )

    def test_service_requests_past_their_service_level(self):
        late, on_time = self._requests(2, fields.Datetime.now() - timedelta(days=1))
        on_time.date_deadline = fields.Datetime.now() + timedelta(days=5)
        closed = self._requests(1, fields.Datetime.now() - timedelta(days=1))
        closed.write({"org_satisfaction": "4"})
        closed.checklist_line_ids.write({"done": True})
        closed.stage_id = closed.project_id.type_ids.filtered("org_closing")
        Task = self.env["project.task"]
        marked = Task._cron_talent_service_sla()
        self.assertIn(late, marked)
        self.assertFalse((on_time | closed) & marked)
        self.assertTrue(late.org_talent_sla_breached)
        self.assertFalse(on_time.org_talent_sla_breached or closed.org_talent_sla_breached)
        self.assertIn("Service level missed", late.message_ids[0].body)
        self.assertFalse(Task._cron_talent_service_sla(), "idempotent")
        # org_base's overdue cron reminds the handler of the late request.
        Task._cron_org_overdue_activities()
        self.assertTrue(self._activities(late, "org_checklist.mail_activity_type_org_overdue"))
        # The mark stays once the request is closed late.
        late.write({"org_satisfaction": "3"})
        late.checklist_line_ids.write({"done": True})
        late.stage_id = late.project_id.type_ids.filtered("org_closing")
        self.assertTrue(late.org_talent_sla_breached)

    def test_claims_stuck_in_review(self):
        slow_policy = self.policy.copy({"name": "测试慢政策", "review_days": 30})
        slow_item = self.item_rent.copy({"policy_id": slow_policy.id})
        with freeze_time("2025-03-01 08:00:00"):
            stuck = self._run_to(self._claim(self.talent_a, self.item_rent, 1000), "first_review")
            patient = self._run_to(self._claim(self.talent_a, slow_item, 1000), "first_review")
            done = self._run_to(self._claim(self.talent_b, self.item_rent, 1000), "approved")
        with freeze_time("2025-03-08 08:00:00"):
            fresh = self._run_to(self._claim(self.talent_b, self.item_salary, 1000), "submitted")
        Application = self.env["org.talent.application"]
        with freeze_time("2025-03-15 08:00:00"):
            reminded = Application._cron_stuck_reminders()
            self.assertFalse(Application._cron_stuck_reminders(), "idempotent")
        self.assertEqual(reminded, stuck)
        activity = self._activities(
            stuck | patient | done | fresh, "org_talent.mail_activity_type_application_stuck"
        )
        self.assertEqual(activity.res_id, stuck.id)
        self.assertEqual(activity.user_id, stuck.user_id)
        self.assertIn("over the 10 days allowed", activity.summary)
        # Moving on closes the reminder's reason: a new step starts a new count.
        with freeze_time("2025-03-16 08:00:00"):
            stuck.action_pass_first_review()
            stuck.action_pass_second_review()
            self._end_notice(stuck)
            stuck.action_approve()
        self.assertFalse(self._activities(stuck, "org_talent.mail_activity_type_application_stuck"))

    def _count(self, method, *args):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = method(*args)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before, result

    def test_cron_queries_do_not_grow_with_volume(self):
        Card = self.env["org.talent.card"]
        Task = self.env["project.task"]
        Application = self.env["org.talent.application"]
        counts = {}
        for size in (5, 60):
            self.env["org.talent.card"].search([("state", "=", "active")]).write({"state": "revoked"})
            expired = self._cards(size, date(2022, 1, 1), date(2025, 5, 1))
            expiring = self._cards(size, date(2022, 7, 1), date(2025, 6, 20))
            self.env["project.task"].search([("org_talent_service_type_id", "!=", False)]).write(
                {"org_talent_sla_breached": True}
            )
            # Late on 2025-06-01, when the crons run.
            late = self._requests(size, datetime(2025, 5, 30, 9, 0))
            talents = self.env["org.talent"].create(
                [{"name": f"审核人{size}-{index}", "tier_id": self.tier_young.id} for index in range(size)]
            )
            with freeze_time("2025-03-01 08:00:00"):
                applications = Application.create(
                    [
                        {
                            "talent_id": talent.id,
                            "policy_item_id": self.item_rent.id,
                            "amount": 100,
                            "date_claim": "2025-03-01",
                            "period_year": 2025,
                            "user_id": self.user_talent.id,
                        }
                        for talent in talents
                    ]
                )
                applications.write({"state": "first_review"})
            with freeze_time("2025-06-01"):
                card_count, (card_expired, card_expiring) = self._count(Card._cron_card_expiry)
                service_count, marked = self._count(Task._cron_talent_service_sla)
                claim_count, reminded = self._count(Application._cron_stuck_reminders)
            # Each cron did its work on every record made for it, or it measured nothing.
            self.assertEqual(card_expired, expired, f"cards expired at {size}")
            self.assertEqual(card_expiring, expiring, f"cards reminded at {size}")
            self.assertEqual(marked, late, f"requests marked late at {size}")
            self.assertEqual(reminded, applications, f"claims reminded at {size}")
            counts[size] = (card_count, service_count, claim_count)
            applications.write({"state": "approved"})
        for small, large, name in zip(counts[5], counts[60], ("card", "service", "claims"), strict=True):
            self.assertLessEqual(large, small + 2, f"{name} cron: {small} queries for 5, {large} for 60")

    def test_card_reminders_2_vs_12_cards_and_officers(self):
        """Reminding 12 cards of four officers costs the queries of 2 cards of one (issue 19,
        B2): the officers follow the cards in one batch, not one officer at a time."""
        officers = [self.user_talent] + [
            new_test_user(self.env, f"tl_officer_{index}", groups="org_talent.group_talent_officer")
            for index in range(3)
        ]
        Card = self.env["org.talent.card"]

        def remind(count, people):
            cards = self._cards(count, date(2022, 7, 1), date(2025, 6, 20))
            for index, card in enumerate(cards):
                card.user_id = people[index % len(people)]
            with freeze_time("2025-06-01"):
                queries, (_expired, expiring) = self._count(Card._cron_card_expiry)
            self.assertEqual(expiring, cards)
            self.assertEqual(cards.activity_ids.user_id, cards.user_id)
            return queries

        remind(1, officers[:1])  # the caches of a first run
        self.assertEqual(remind(2, officers[:1]), remind(12, officers))
