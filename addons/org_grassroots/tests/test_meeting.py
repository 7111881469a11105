import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.org_base.tests.common import cron_progress

from .common import GrassrootsCommon


@tagged("post_install", "-at_install")
class TestMeetingCompliance(GrassrootsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.theme_day = cls.env.ref("org_grassroots.meeting_type_theme_day")
        cls.general_meeting = cls.env.ref("org_grassroots.meeting_type_general_meeting")
        cls.lecture = cls.env.ref("org_grassroots.meeting_type_party_lecture")
        cls.Meeting = cls.env["org.party.meeting"]
        cls.Compliance = cls.env["org.party.meeting.compliance"]

    def _run_compliance(self):
        """Run the cron as Odoo's cron worker does: again while it reports work left (a run
        handles one type and period); returns every row it wrote."""
        rows = self.Compliance.browse()
        for _run in range(50):
            progress = cron_progress(self.env, "org_grassroots.ir_cron_meeting_compliance")
            rows |= self.Compliance.with_context(ir_cron_progress_id=progress.id)._cron_meeting_compliance()
            if not progress.remaining:
                self.assertFalse(progress.done, "the last run finds nothing left")
                return rows
        raise AssertionError("the compliance cron never ran out of work")

    def _rows(self, organization, meeting_type, start):
        return self.Compliance.search(
            [
                ("organization_id", "=", organization.id),
                ("type_id", "=", meeting_type.id),
                ("period_start", "=", start),
            ]
        )

    def _activities(self, organization):
        activity_type = self.env.ref("org_grassroots.mail_activity_type_meeting_behind")
        return organization.activity_ids.filtered(lambda activity: activity.activity_type_id == activity_type)

    def test_meeting_attendance(self):
        meeting = self.Meeting.create(
            {
                "name": "主题党日活动",
                "organization_id": self.branch_a1.id,
                "type_id": self.theme_day.id,
                "date": "2024-03-15",
                "attendee_ids": [(6, 0, self.member_a1.ids)],
            }
        )
        self.assertEqual(meeting.attendee_count, 1)

    def test_periods_that_just_ended(self):
        periods = self.Compliance._last_periods(datetime.date(2024, 4, 3))
        self.assertEqual(periods[self.theme_day], (datetime.date(2024, 3, 1), datetime.date(2024, 3, 31)))
        self.assertEqual(
            periods[self.general_meeting], (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
        )
        yearly = self.env.ref("org_grassroots.meeting_type_life_meeting")
        self.assertNotIn(yearly, periods)
        periods = self.Compliance._last_periods(datetime.date(2025, 1, 5))
        self.assertEqual(periods[yearly], (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)))
        self.assertNotIn(self.general_meeting, self.Compliance._last_periods(datetime.date(2024, 5, 3)))

    def test_monthly_check_records_compliance_and_reminds_those_behind(self):
        self.Meeting.create(
            [
                {
                    "name": "三月主题党日",
                    "organization_id": self.branch_a1.id,
                    "type_id": self.theme_day.id,
                    "date": "2024-03-20",
                    "attendee_ids": [(6, 0, self.member_a1.ids)],
                },
                {
                    "name": "一季度党员大会",
                    "organization_id": self.branch_a1.id,
                    "type_id": self.general_meeting.id,
                    "date": "2024-02-02",
                    # The branch's one voting member attends: quorate.
                    "attendee_ids": [(6, 0, self.member_a1.ids)],
                    "minutes": "<p>通报一季度工作</p>",
                },
                {
                    "name": "四月主题党日",
                    "organization_id": self.branch_a2.id,
                    "type_id": self.theme_day.id,
                    "date": "2024-04-01",
                    # Attendance entered as numbers, without listing the attendees.
                    "expected_count": 1,
                    "present_count": 1,
                },
            ]
        )
        with freeze_time("2024-04-03"):
            rows = self._run_compliance()
        march = datetime.date(2024, 3, 1)
        self.assertTrue(self._rows(self.branch_a1, self.theme_day, march).is_compliant)
        self.assertEqual(self._rows(self.branch_a1, self.theme_day, march).meeting_count, 1)
        self.assertTrue(
            self._rows(self.branch_a1, self.general_meeting, datetime.date(2024, 1, 1)).is_compliant
        )
        behind = self._rows(self.branch_a2, self.theme_day, march)
        self.assertFalse(behind.is_compliant, "April's meeting does not count for March")
        self.assertFalse(self._rows(self.org_a, self.theme_day, march), "主题党日 is for branches")
        self.assertTrue(self._rows(self.org_a, self.lecture, datetime.date(2024, 1, 1)), "党课 is for all")
        # The branch has no secretary of its own: the committee's secretary is reminded.
        activities = self._activities(self.branch_a2)
        self.assertEqual(activities.user_id, self.secretary_a)
        self.assertFalse(self._activities(self.branch_a1).filtered(lambda a: "主题党日" in a.summary))
        self.assertIn(behind, rows)

        count = self.Compliance.search_count([])
        with freeze_time("2024-04-20"):
            self.assertFalse(self.Compliance._cron_meeting_compliance(), "idempotent")
        self.assertEqual(self.Compliance.search_count([]), count)
        self.assertEqual(len(self._activities(self.branch_a2)), len(activities))

        with freeze_time("2024-05-02"):
            self._run_compliance()
        april = self._rows(self.branch_a2, self.theme_day, datetime.date(2024, 4, 1))
        self.assertTrue(april.is_compliant)
        self.assertTrue(april.is_final)
        # The second quarter was opened on April 3 and is not checked before July.
        quarter = self._rows(self.branch_a2, self.general_meeting, datetime.date(2024, 4, 1))
        self.assertEqual(quarter.state, "pending")
        self.assertFalse(quarter.is_final)

    def test_batches(self):
        with freeze_time("2024-04-03"):
            progress = cron_progress(self.env, "org_grassroots.ir_cron_meeting_compliance")
            first = self.Compliance.with_context(ir_cron_progress_id=progress.id)._cron_meeting_compliance(
                batch_size=3
            )
            self.assertEqual(len(first), 3)
            # The cron runs again while a run finds work.
            self.assertEqual((progress.done, progress.remaining), (3, 1))
            rest = self._run_compliance()
        self.assertFalse(first & rest)
        ours = (first | rest).filtered(
            lambda row: row.organization_id in self.branch_a1 | self.branch_a2 | self.branch_b1
            and row.period_start == datetime.date(2024, 3, 1)
        )
        self.assertEqual(len(ours.filtered(lambda row: row.type_id == self.theme_day)), 3)

    def test_runs_resume_ahead_and_still_check_those_left_behind(self):
        """A run resumes after the last organization checked; the organizations before it that
        have no row (the row of a later one opened by its meeting, an organization that entered
        the scope) are still checked before the cron reports nothing left."""
        scope = self.env["org.party.organization"].search(
            self.Compliance._scope_domain(self.theme_day, datetime.date(2024, 4, 30)), order="id"
        )
        self.assertGreaterEqual(len(scope), 3)
        with freeze_time("2024-04-03"):
            # The last organization records its April meeting first: its April row opens.
            self.Meeting.create(
                {
                    "name": "四月主题党日",
                    "organization_id": scope[-1].id,
                    "type_id": self.theme_day.id,
                    "date": "2024-04-02",
                    "attendee_ids": [(6, 0, scope[-1].member_ids[:1].ids)],
                }
            )
            self.assertEqual(len(self._rows(scope[-1], self.theme_day, datetime.date(2024, 4, 1))), 1)
            runs = 0
            while self.Compliance._cron_meeting_compliance(batch_size=1):
                runs += 1
                self.assertLess(runs, 200, "the compliance cron never ran out of work")
        for start, final in ((datetime.date(2024, 3, 1), True), (datetime.date(2024, 4, 1), False)):
            rows = self.Compliance.search([("type_id", "=", self.theme_day.id), ("period_start", "=", start)])
            self.assertEqual(rows.organization_id, scope, f"every organization has its row of {start}")
            self.assertEqual(len(rows), len(scope), "one row each")
            self.assertEqual(set(rows.mapped("is_final")), {final})
        self.assertEqual(self._rows(scope[-1], self.theme_day, datetime.date(2024, 4, 1)).state, "compliant")

    def test_open_period_turns_green_when_a_meeting_is_recorded(self):
        with freeze_time("2024-04-03"):
            self._run_compliance()
        april = datetime.date(2024, 4, 1)
        row = self._rows(self.branch_a1, self.theme_day, april)
        self.assertEqual(row.state, "pending")
        self.assertFalse(self._activities(self.branch_a1).filtered(lambda a: "2024-04" in a.summary))
        # The secretary records the meeting from the row; the row follows at once.
        action = row.with_user(self.secretary_a).action_record_meeting()
        self.assertEqual(action["context"]["default_organization_id"], self.branch_a1.id)
        meeting = (
            self.Meeting.with_user(self.secretary_a)
            .with_context(**action["context"])
            .create({"name": "四月主题党日", "attendee_ids": [(6, 0, self.member_a1.ids)]})
        )
        self.assertEqual(meeting.date, datetime.date(2024, 4, 30), "dated within the row's period")
        self.assertEqual(row.state, "compliant")
        self.assertEqual(row.meeting_count, 1)
        # Moving the meeting to another month takes the row back.
        meeting.date = "2024-05-02"
        self.assertEqual(row.state, "pending")
        may = self._rows(self.branch_a1, self.theme_day, datetime.date(2024, 5, 1))
        self.assertEqual(may.state, "compliant")
        meeting.unlink()
        self.assertEqual(may.meeting_count, 0)
        # At the end of April the open row is checked and the secretary reminded.
        with freeze_time("2024-05-03"):
            rows = self._run_compliance()
        self.assertIn(row, rows)
        self.assertEqual(row.state, "behind")
        self.assertTrue(self._activities(self.branch_a1).filtered(lambda a: "2024-04-30" in a.summary))

    def test_a_late_meeting_turns_a_checked_period_green(self):
        with freeze_time("2024-04-03"):
            self._run_compliance()
        march = self._rows(self.branch_a1, self.theme_day, datetime.date(2024, 3, 1))
        self.assertEqual(march.state, "behind")
        self.Meeting.create(
            {
                "name": "补录三月主题党日",
                "organization_id": self.branch_a1.id,
                "type_id": self.theme_day.id,
                "date": "2024-03-28",
                "attendee_ids": [(6, 0, self.member_a1.ids)],
            }
        )
        self.assertEqual(march.state, "compliant")

    def test_secretary_sees_only_the_own_meetings(self):
        meeting_b = self.Meeting.create(
            {
                "name": "乙支部党课",
                "organization_id": self.branch_b1.id,
                "type_id": self.lecture.id,
                "date": "2024-03-01",
                "attendee_ids": [(6, 0, self.member_b1.ids)],
            }
        )
        Meeting = self.Meeting.with_user(self.secretary_a)
        own = Meeting.create(
            {
                "name": "甲支部党课",
                "organization_id": self.branch_a1.id,
                "type_id": self.lecture.id,
                "date": "2024-03-01",
                "attendee_ids": [(6, 0, self.member_a1.ids)],
            }
        )
        self.assertEqual(Meeting.search([("id", "in", (own | meeting_b).ids)]), own)
        with self.assertRaises(AccessError):
            Meeting.browse(meeting_b.id).read(["name"])
        with freeze_time("2024-04-03"):
            self._run_compliance()
        rows = self.Compliance.with_user(self.secretary_a).search([])
        self.assertTrue(rows)
        self.assertLessEqual(rows.organization_id, self.org_a | self.branch_a1 | self.branch_a2)


@tagged("post_install", "-at_install")
class TestRecordMeetingFromRow(GrassrootsCommon):
    """补录会议 from a compliance row opens a new meeting; only a saved held meeting, with its
    attendees, turns the row 已开展."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.theme_day = cls.env.ref("org_grassroots.meeting_type_theme_day")
        cls.general_meeting = cls.env.ref("org_grassroots.meeting_type_general_meeting")
        cls.Meeting = cls.env["org.party.meeting"]
        cls.row = cls.env["org.party.meeting.compliance"].create(
            {
                "organization_id": cls.branch_a1.id,
                "type_id": cls.theme_day.id,
                "period_start": "2024-04-01",
                "period_end": "2024-04-30",
            }
        )

    def _zh_cn(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["org_grassroots"], ["zh_CN"], overwrite=True)

    def test_the_action_opens_a_new_form_and_creates_nothing(self):
        before = self.Meeting.search_count([])
        with freeze_time("2024-05-03"):
            action = self.row.with_user(self.secretary_a).action_record_meeting()
        self.assertEqual(
            (action["type"], action["res_model"]), ("ir.actions.act_window", "org.party.meeting")
        )
        self.assertEqual(action["views"], [(False, "form")])
        self.assertNotIn("res_id", action, "a new record, not one created beforehand")
        context = action["context"]
        self.assertEqual(context["default_organization_id"], self.branch_a1.id)
        self.assertEqual(context["default_type_id"], self.theme_day.id)
        self.assertEqual(context["default_date"], "2024-04-30", "a date within the row's period")
        self.assertEqual(self.Meeting.search_count([]), before, "nothing is created")
        self.assertEqual(self.row.state, "pending")

    def test_a_held_meeting_without_attendees_is_refused_in_chinese(self):
        self._zh_cn()
        action = self.row.action_record_meeting()
        Meeting = self.Meeting.with_user(self.secretary_a).with_context(lang="zh_CN", **action["context"])
        with self.assertRaises(ValidationError) as caught:
            Meeting.create({"name": "四月主题党日"})
        self.assertIn("需要", str(caught.exception))
        self.assertIn("2024-04-30", str(caught.exception))
        self.assertIn("四月主题党日", str(caught.exception), "the message names the meeting")
        self.assertEqual(self.row.state, "pending", "the row stays not held")
        # A planned meeting needs no attendees, and does not turn the row held either.
        planned = Meeting.create({"name": "四月主题党日", "state": "planned"})
        self.assertEqual(self.row.state, "pending")
        with self.assertRaises(ValidationError):
            planned.state = "held"
        planned.write({"state": "held", "attendee_ids": [(6, 0, self.member_a1.ids)]})
        self.assertEqual(self.row.state, "compliant", "已开展 once held with its attendees")
        with self.assertRaises(ValidationError):
            planned.attendee_ids = [(5, 0, 0)]
        self.assertEqual(planned.attendee_ids, self.member_a1, "nothing stored changes")

    def test_a_type_requiring_minutes_refuses_a_held_meeting_without_them(self):
        self.assertTrue(self.general_meeting.requires_minutes)
        vals = {
            "name": "一季度党员大会",
            "organization_id": self.branch_a1.id,
            "type_id": self.general_meeting.id,
            "date": "2024-02-02",
            "attendee_ids": [(6, 0, self.member_a1.ids)],
        }
        with self.assertRaises(ValidationError) as caught:
            self.Meeting.create({**vals, "minutes": "<p><br></p>"})
        self.assertIn("支部党员大会", str(caught.exception))
        meeting = self.Meeting.create({**vals, "minutes": "<p>通报一季度工作</p>"})
        self.assertTrue(meeting.counts_for_compliance)
        # A type that does not ask for minutes takes the meeting without them.
        self.assertFalse(self.theme_day.requires_minutes)
        self.Meeting.create({**vals, "type_id": self.theme_day.id})
