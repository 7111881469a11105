from datetime import date, datetime, time

from freezegun import freeze_time

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestActivityScheduler(TransactionCase):
    """mail.activity._org_schedule_batch: the platform's one batch reminder scheduler."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(cls.env, "helper_officer", groups="org_base.group_org_user")
        cls.other = new_test_user(cls.env, "helper_other", groups="org_base.group_org_user")
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")
        cls.Activity = cls.env["mail.activity"]

    def _partners(self, count):
        return self.env["res.partner"].create([{"name": f"提醒对象{index}"} for index in range(count)])

    def _plans(self, partners, user=None, **values):
        user = user or self.officer
        return [(partner, {"user_id": user.id, "summary": "请跟进", **values}) for partner in partners]

    def _schedule(self, partners, **options):
        count = self.env.cr.sql_log_count
        activities = self.Activity._org_schedule_batch(
            "mail.mail_activity_data_todo", self._plans(partners), **options
        )
        self.env.flush_all()
        return activities, self.env.cr.sql_log_count - count

    def test_one_activity_per_record(self):
        partners = self._partners(3)
        activities = self.Activity._org_schedule_batch(
            self.todo, self._plans(partners, date_deadline=date(2026, 6, 1)), automated=True
        )
        self.assertEqual(len(activities), 3)
        self.assertEqual(set(activities.mapped("res_id")), set(partners.ids))
        self.assertEqual(set(activities.mapped("res_model")), {"res.partner"})
        self.assertEqual(activities.activity_type_id, self.todo)
        self.assertEqual(activities.user_id, self.officer)
        self.assertEqual(set(activities.mapped("summary")), {"请跟进"})
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2026, 6, 1)})
        self.assertTrue(all(activities.mapped("automated")))

    def test_no_duplicate_and_nobody_to_remind(self):
        """A record that has an open activity of the type for the user gets no second one; one
        for another user or of another type does not count; a plan without user is left out."""
        reminded, for_other, other_type, fresh, nobody = self._partners(5)
        self.Activity._org_schedule_batch(self.todo, self._plans(reminded))
        self.Activity._org_schedule_batch(self.todo, self._plans(for_other, user=self.other))
        self.Activity._org_schedule_batch("mail.mail_activity_data_call", self._plans(other_type))
        plans = self._plans(reminded + for_other + other_type + fresh + fresh)
        plans.append((nobody, {"user_id": False, "summary": "无人"}))
        created = self.Activity._org_schedule_batch(self.todo, plans)
        self.assertEqual(sorted(created.mapped("res_id")), sorted((for_other + other_type + fresh).ids))
        self.assertEqual(len(reminded.activity_ids), 1)
        self.assertFalse(nobody.activity_ids)
        # Asked to, it schedules again (an escalation, a second period).
        again = self.Activity._org_schedule_batch(self.todo, self._plans(reminded), skip_existing=False)
        self.assertEqual(len(again), 1)
        self.assertEqual(len(reminded.activity_ids), 2)

    def test_queries_do_not_grow_with_the_batch(self):
        self._schedule(self._partners(1))  # caches warm (the model's id, the type)
        small, small_count = self._schedule(self._partners(3))
        large, large_count = self._schedule(self._partners(30))
        self.assertEqual((len(small), len(large)), (3, 30))
        self.assertEqual(small_count, large_count)
        # Scheduling again finds them all in one search and creates nothing.
        none, _count = self._schedule(
            small.mapped(lambda activity: self.env["res.partner"].browse(activity.res_id))
        )
        self.assertFalse(none)

    def test_notify(self):
        """Without ``notify``, the reminded person gets no assignment message per activity."""
        quiet, loud = self._partners(2)
        messages = self.env["mail.message"].search_count([("partner_ids", "in", self.officer.partner_id.ids)])
        self.Activity._org_schedule_batch(self.todo, self._plans(quiet))
        self.assertEqual(
            self.env["mail.message"].search_count([("partner_ids", "in", self.officer.partner_id.ids)]),
            messages,
        )
        self.Activity._org_schedule_batch(self.todo, self._plans(loud), notify=True)
        self.assertGreater(
            self.env["mail.message"].search_count([("partner_ids", "in", self.officer.partner_id.ids)]),
            messages,
        )

    def test_followers_in_one_batch_2_vs_12_people(self):
        """The reminded follow their records as mail makes them (default subtypes), in one batch:
        12 reminders to 12 people cost the queries of 2 to 2 people (issue 19, B2)."""
        users = [
            new_test_user(self.env, f"helper_person_{index}", groups="base.group_user") for index in range(14)
        ]

        def schedule(partners, people):
            self.env.flush_all()
            self.env.invalidate_all()
            count = self.env.cr.sql_log_count
            activities = self.Activity._org_schedule_batch(
                self.todo,
                [
                    (partner, {"user_id": user.id, "summary": "请跟进", "date_deadline": date(2026, 6, 1)})
                    for partner, user in zip(partners, people, strict=True)
                ],
            )
            self.env.flush_all()
            return activities, self.env.cr.sql_log_count - count

        schedule(self._partners(1), users[:1])  # the caches of a first run
        small_partners, large_partners = self._partners(2), self._partners(12)
        small_activities, small = schedule(small_partners, users[:2])
        large_activities, large = schedule(large_partners, users[2:])
        self.assertEqual(len(large_activities), 12)
        # ± 1: a registry cache may be refilled in either run (seen once in a full run: 11 vs
        # 10); a query per person would add about five a person, fifty here.
        self.assertAlmostEqual(small, large, delta=1, msg="as many queries for 12 people as for 2")
        default = self.env["mail.message.subtype"].default_subtypes("res.partner")[0]
        for partner, user in zip(large_partners, users[2:], strict=True):
            follower = partner.message_follower_ids.filtered(
                lambda f, user=user: f.partner_id == user.partner_id
            )
            self.assertEqual(follower.subtype_ids, default, f"{user.login} follows {partner.name}")
        # A person who already follows the record keeps their subscription.
        already = small_partners[0]
        before = already.message_follower_ids
        self.Activity._org_schedule_batch(
            "mail.mail_activity_data_call", [(already, {"user_id": users[0].id, "summary": "再跟进"})]
        )
        self.assertEqual(already.message_follower_ids, before)


@tagged("post_install", "-at_install")
class TestOfficeTimeZone(TransactionCase):
    """res.company._org_office_tz and its days: the company address's time zone, else China's."""

    def test_company_time_zone(self):
        company = self.env.company
        company.partner_id.tz = "Europe/Paris"
        self.assertEqual(company._org_office_tz().zone, "Europe/Paris")
        with freeze_time("2026-06-09 22:30:00"):  # 00:30 on the 10th in Paris (summer time)
            self.assertEqual(company._org_office_today(), date(2026, 6, 10))
        self.assertEqual(company._org_office_date(datetime(2026, 6, 9, 22, 30)), date(2026, 6, 10))
        self.assertEqual(company._org_office_datetime(date(2026, 6, 10)), datetime(2026, 6, 9, 22, 0))

    def test_default_china_time(self):
        company = self.env.company
        company.partner_id.tz = False
        self.assertEqual(company._org_office_tz().zone, "Asia/Shanghai")
        with freeze_time("2026-06-09 16:30:00"):  # 00:30 on the 10th in Beijing
            self.assertEqual(company._org_office_today(), date(2026, 6, 10))
            self.assertEqual(self.env["res.company"]._org_office_today(), date(2026, 6, 10))
        self.assertEqual(company._org_office_date(datetime(2026, 6, 9, 15, 59)), date(2026, 6, 9))
        self.assertEqual(company._org_office_datetime(date(2026, 6, 10)), datetime(2026, 6, 9, 16, 0))
        self.assertEqual(
            company._org_office_datetime(date(2026, 6, 10), time(17, 0)), datetime(2026, 6, 10, 9, 0)
        )
