from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import OrgStudyCommon


@tagged("post_install", "-at_install")
class TestStudyCrons(OrgStudyCommon):
    def _activities(self, record, xml_id):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("activity_type_id", "=", self.env.ref(xml_id).id),
            ]
        )

    def test_reminder_the_day_before(self):
        # The session starts 2026-03-10 19:00 in Shanghai.
        Session = self.env["org.study.session"]
        with freeze_time("2026-03-08 03:00:00"):
            self.assertFalse(Session._cron_remind_participants(), "two days ahead: no reminder yet")
        with freeze_time("2026-03-09 03:00:00"):
            Session._cron_remind_participants()
            activities = self._activities(self.session, "org_study.mail_activity_type_study_session")
            self.assertEqual(activities.user_id, self.user_a + self.user_b)
            self.assertIn("车谷会堂", activities[0].summary)
            Session._cron_remind_participants()
            self.assertEqual(
                self._activities(self.session, "org_study.mail_activity_type_study_session"),
                activities,
                "idempotent: nobody is reminded twice",
            )

    def test_reminder_skips_excused_and_batches(self):
        self.attendance_b.write({"state": "excused", "reason": "病假"})
        with freeze_time("2026-03-09 03:00:00"):
            reminded = self.env["org.study.session"]._cron_remind_participants(batch_size=1)
            self.assertEqual(reminded, self.attendance_a)
            activities = self._activities(self.session, "org_study.mail_activity_type_study_session")
            self.assertEqual(activities.user_id, self.user_a)

    def test_pace_check_notifies_officers_once(self):
        # Employee A (cadre, 110 hours a year) has 2.5 hours by June: behind 110 × 5/12.
        self.session.action_mark_all_present()
        self.session.action_set_held()
        requirement = self.env.ref("org_study.requirement_cadre")
        with freeze_time(datetime(2026, 6, 1, 2)):
            self.env["org.study.requirement"]._cron_check_hour_pace()
            activities = self._activities(requirement, "org_study.mail_activity_type_study_pace")
            mine = activities.filtered(lambda activity: activity.user_id == self.officer)
            self.assertEqual(len(mine), 1)
            self.assertIn("张学习", mine.note)
            self.assertNotIn("李笃行", mine.note, "employee B has no cadre requirement")
            self.env["org.study.requirement"]._cron_check_hour_pace()
            self.assertEqual(
                self._activities(requirement, "org_study.mail_activity_type_study_pace"),
                activities,
                "idempotent within the month",
            )
        with freeze_time(datetime(2026, 1, 5, 2)):
            self.assertFalse(
                self.env["org.study.requirement"]._cron_check_hour_pace(), "nothing is due in January"
            )
