from datetime import datetime

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from odoo.addons.org_base.tests.common import cron_progress

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

    def test_reminder_batches_report_progress(self):
        """A run reminds one batch and tells the cron what waits; the next run moves on to those
        not reminded yet, and the cron stops when nobody waits."""
        Session = self.env["org.study.session"]
        with freeze_time("2026-03-09 03:00:00"):
            progress = cron_progress(self.env, "org_study.ir_cron_study_session_reminder")
            first = Session.with_context(ir_cron_progress_id=progress.id)._cron_remind_participants(
                batch_size=1
            )
            self.assertEqual((progress.done, progress.remaining), (1, 1))
            progress = cron_progress(self.env, "org_study.ir_cron_study_session_reminder")
            second = Session.with_context(ir_cron_progress_id=progress.id)._cron_remind_participants(
                batch_size=1
            )
            self.assertEqual((progress.done, progress.remaining), (1, 0))
        self.assertEqual(first | second, self.attendance_a | self.attendance_b)
        activities = self._activities(self.session, "org_study.mail_activity_type_study_session")
        self.assertEqual(activities.user_id, self.user_a + self.user_b)

    def test_pace_check_one_activity_per_officer(self):
        # Two requirements with people behind: each officer still gets one activity for all.
        unit = self.env["hr.department"].create({"name": "人才科"})
        self.employee_b.department_id = unit
        self.env["org.study.requirement"].create(
            {"name": "人才科人员", "hours": 24, "sequence": 20, "department_ids": [(6, 0, unit.ids)]}
        )
        officer_2 = new_test_user(self.env, "study_officer_2", groups="org_study.group_study_officer")
        officers = self.officer + officer_2
        with freeze_time(datetime(2026, 7, 1, 2)):
            activities = self.env["org.study.requirement"]._cron_check_hour_pace()
            self.assertEqual(len(activities), len(activities.user_id), "one activity per officer")
            activities = activities.filtered(lambda activity: activity.user_id in officers)
            self.assertEqual(activities.user_id, officers)
            for activity in activities:
                self.assertIn("张学习", activity.note)
                self.assertIn("李笃行", activity.note)
                self.assertIn("人才科人员", activity.note)
            self.assertFalse(self.env["org.study.requirement"]._cron_check_hour_pace())
        with freeze_time(datetime(2026, 8, 1, 2)):
            self.assertLessEqual(
                officers,
                self.env["org.study.requirement"]._cron_check_hour_pace().user_id,
                "a new month, a new activity",
            )

    def test_pace_check_names_the_furthest_behind(self):
        # 60 more cadres without any hour: the note names the 50 furthest behind (no hour
        # done), not 张学习 who has 2.5 hours, and leaves the others to the ledger.
        self.session.action_mark_all_present()
        self.session.action_set_held()
        self.env["hr.employee"].create(
            [
                {
                    "name": f"落后学员{index:02d}",
                    "category_ids": [(6, 0, self.cadre_tag.ids)],
                    "study_level_id": self.level_township.id,
                }
                for index in range(60)
            ]
        )
        with freeze_time(datetime(2026, 6, 1, 2)):
            activity = (
                self.env["org.study.requirement"]
                ._cron_check_hour_pace()
                .filtered(lambda activity: activity.user_id == self.officer)
            )
        self.assertEqual(activity.note.count("<li>"), 50)
        self.assertEqual(activity.note.count(": 0.0 of 37.5 hours due"), 50)
        self.assertNotIn("张学习", activity.note, "2.5 hours done: not among the 50 furthest behind")
        self.assertIn("the study-hour ledger shows the other", activity.note)

    def test_pace_check_notifies_officers_once(self):
        # Employee A (乡科级, 90 hours a year) has 2.5 hours by June: behind 90 × 5/12.
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
