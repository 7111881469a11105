from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import OrgStudyCommon

SMALL, LARGE = 4, 24
# The session of each measure is held on 2026-03-10 at 19:00 in Shanghai: reminded the day before.
TOMORROW = datetime(2026, 3, 10, 11, 0)
TODAY = "2026-03-09 03:00:00"


@tagged("post_install", "-at_install")
class TestStudyCronQueryCounts(OrgStudyCommon):
    """The session reminder costs the same queries for a few people as for many: each person's
    assignment notice (inbox or e-mail, as they chose) is sent in one batch, not one
    message_notify per person; and each run reminds one batch however many wait."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The common session is held another day: only the people made here are reminded.
        cls.session.date_start = datetime(2026, 4, 10, 11, 0)
        # Half of them read their notifications in Odoo, half by e-mail.
        cls.people = cls.env["hr.employee"].create(
            [
                {
                    "name": f"学员{index:02d}",
                    "user_id": new_test_user(
                        cls.env,
                        f"study_reminded_{index}",
                        groups="base.group_user",
                        notification_type=("inbox", "email")[index % 2],
                    ).id,
                }
                for index in range(LARGE)
            ]
        )

    def _count(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        result = function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - start, result

    def _make(self, size):
        """A session held tomorrow with ``size`` registered people: their attendances."""
        session = self.env["org.study.session"].create(
            {
                "name": f"明日学习{size}",
                "type_id": self.study_type.id,
                "date_start": TOMORROW,
                "place": "车谷会堂",
                "attendance_ids": [(0, 0, {"employee_id": person.id}) for person in self.people[:size]],
            }
        )
        return session.attendance_ids

    def _notified(self, attendances):
        """How many of the people of ``attendances`` were told of their session (one
        notification each, inbox or e-mail)."""
        return self.env["mail.notification"].search_count(
            [
                ("mail_message_id.model", "=", "org.study.session"),
                ("mail_message_id.res_id", "in", attendances.session_id.ids),
                ("res_partner_id", "in", attendances.employee_id.user_id.partner_id.ids),
            ]
        )

    def test_cron_remind_participants_flat(self):
        """One run reminding 4 or 24 people (inbox and e-mail alike) costs the same queries."""
        Session = self.env["org.study.session"]
        counts = []
        with freeze_time(TODAY):
            # A first run of size 1 warms the caches (groups, models, views) up.
            for size in (1, SMALL, LARGE):
                with self.env.cr.savepoint() as savepoint:
                    attendances = self._make(size)
                    count, reminded = self._count(Session._cron_remind_participants)
                    counts.append(count)
                    self.assertEqual(reminded, attendances)
                    self.assertEqual(self._notified(attendances), size, f"every one of {size} told")
                    savepoint.rollback()
                self.env.invalidate_all()
        self.assertLessEqual(abs(counts[2] - counts[1]), 2, counts)

    def test_cron_remind_participants_batched(self):
        """Over 2 and over 12 people waiting, with batches of 2 (and the ORM's INSERT
        statements of 2 rows, as 100 rows are at the real size): a run reminds one batch,
        costs the same queries, and tells the cron worker whether some wait."""
        Session = self.env["org.study.session"]
        cron = self.env.ref("org_study.ir_cron_study_session_reminder")
        counts = []
        with freeze_time(TODAY), patch("odoo.models.INSERT_BATCH_SIZE", 2):
            for size in (2, 2, 12):
                with self.env.cr.savepoint() as savepoint:
                    attendances = self._make(size)
                    progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
                    run = Session.with_context(ir_cron_progress_id=progress.id)._cron_remind_participants
                    count, reminded = self._count(lambda run=run: run(batch_size=2))
                    counts.append(count)
                    self.assertEqual(len(reminded & attendances), 2)
                    self.assertEqual(self._notified(reminded), 2)
                    self.assertEqual((progress.done, bool(progress.remaining)), (2, size > 2))
                    savepoint.rollback()
                self.env.invalidate_all()
        self.assertLessEqual(abs(counts[2] - counts[1]), 2, counts)

    def test_reminder_keeps_each_preference(self):
        """The person who reads notifications in Odoo gets an inbox notification and no
        e-mail; the one who chose e-mail gets an e-mail (queued, to them alone) and no inbox
        notification: the batch keeps each user's preference, as mail's own notices do."""
        inbox_user, email_user = self.people[:2].user_id
        self.assertEqual((inbox_user.notification_type, email_user.notification_type), ("inbox", "email"))
        with freeze_time(TODAY):
            attendances = self._make(2)
            self.env["org.study.session"]._cron_remind_participants()
        messages = self.env["mail.message"].search(
            [("model", "=", "org.study.session"), ("res_id", "=", attendances.session_id.id)]
        )
        notices = messages.filtered(lambda message: message.message_type == "user_notification")
        self.assertEqual(len(notices), 2, "one assignment notice per person")
        for notice in notices:
            self.assertEqual(len(notice.partner_ids), 1, "each notice is addressed to its person alone")
            self.assertIn("车谷会堂", notice.body)
        inbox = self.env["mail.notification"].search([("mail_message_id", "in", notices.ids)])
        by_partner = {notification.res_partner_id: notification for notification in inbox}
        self.assertEqual(set(by_partner), {inbox_user.partner_id, email_user.partner_id})
        self.assertEqual(by_partner[inbox_user.partner_id].notification_type, "inbox")
        self.assertFalse(by_partner[inbox_user.partner_id].mail_mail_id)
        self.assertFalse(by_partner[inbox_user.partner_id].is_read, "unread in the inbox")
        self.assertEqual(by_partner[email_user.partner_id].notification_type, "email")
        mail = by_partner[email_user.partner_id].mail_mail_id
        self.assertTrue(mail, "the e-mail of the notice")
        self.assertEqual(mail.state, "outgoing")
        self.assertIn("车谷会堂", mail.body_html)
        mails = self.env["mail.mail"].search([("mail_message_id", "in", notices.ids)])
        self.assertEqual(mails, mail, "no e-mail to the person who reads the inbox")
