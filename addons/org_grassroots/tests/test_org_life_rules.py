import datetime

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.org_base.tests.common import cron_progress

from .common import GrassrootsCommon, resident_id


class OrgLifeCommon(GrassrootsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Organization = cls.env["org.party.organization"]
        cls.Meeting = cls.env["org.party.meeting"]
        cls.Compliance = cls.env["org.party.meeting.compliance"]
        cls.community = cls.env.ref("org_grassroots.party_field_community")
        cls.rural = cls.env.ref("org_grassroots.party_field_rural")
        cls.soe = cls.env.ref("org_grassroots.party_field_soe")
        cls.general_meeting = cls.env.ref("org_grassroots.meeting_type_general_meeting")
        cls.committee_meeting = cls.env.ref("org_grassroots.meeting_type_committee_meeting")
        cls.group_meeting = cls.env.ref("org_grassroots.meeting_type_group_meeting")
        cls.theme_day = cls.env.ref("org_grassroots.meeting_type_theme_day")
        cls.today = cls.env.company._org_office_today()

    @classmethod
    def _add_members(cls, organization, count, status="formal", order=300, date_formal="2006-07-01"):
        # Probationary members joined within the year; formal ones a year before their 转正.
        formal = datetime.date.fromisoformat(date_formal)
        date_join = (
            formal - relativedelta(years=1) if status == "formal" else cls.today - relativedelta(months=3)
        )
        return cls.env["org.party.member"].create(
            [
                {
                    "name": f"{organization.name}党员{index}",
                    "id_number": resident_id("420117", "19800101", order + index),
                    "organization_id": organization.id,
                    "status": status,
                    "date_join": date_join,
                    "date_formal": formal if status == "formal" else False,
                }
                for index in range(count)
            ]
        )


@tagged("post_install", "-at_install")
class TestTermByKindAndField(OrgLifeCommon):
    def test_village_and_community_organizations_serve_five_years(self):
        village, community, soe = self.Organization.create(
            [
                {"name": "某村党支部", "kind": "branch", "field_id": self.rural.id},
                {"name": "某社区党总支", "kind": "general_branch", "field_id": self.community.id},
                {"name": "某国企党支部", "kind": "branch", "field_id": self.soe.id},
            ]
        )
        self.assertEqual((village.term_years, community.term_years, soe.term_years), (5, 5, 3))
        village.date_term_start = "2021-10-01"
        soe.date_term_start = "2021-10-01"
        self.assertEqual(str(village.date_reelection_due), "2026-10-01")
        self.assertEqual(str(soe.date_reelection_due), "2024-10-01")
        # The field decides: moving the branch to another field takes that field's rule.
        village.field_id = self.soe
        self.assertEqual(village.term_rule_id, self.env.ref("org_grassroots.term_rule_branch"))
        self.assertEqual(str(village.date_reelection_due), "2024-10-01")

    def test_a_rule_of_a_field_is_data(self):
        branch = self.Organization.create(
            {
                "name": "某国企党支部",
                "kind": "branch",
                "field_id": self.soe.id,
                "date_term_start": "2022-01-01",
            }
        )
        self.assertEqual(branch.term_years, 3)
        rule = self.env["org.party.term.rule"].create(
            {"kind": "branch", "field_id": self.soe.id, "term_years": 4}
        )
        self.assertEqual(branch.term_rule_id, rule)
        self.assertEqual(str(branch.date_reelection_due), "2026-01-01")
        # One rule per kind and field.
        with self.assertRaises(ValidationError) as caught:
            self.env["org.party.term.rule"].create(
                {"kind": "branch", "field_id": self.soe.id, "term_years": 5}
            )
        self.assertIn("one rule per kind and field", str(caught.exception))
        with self.assertRaises(ValidationError):
            self.env["org.party.term.rule"].create({"kind": "branch", "term_years": 5})

    def test_the_organization_overrides_its_term(self):
        self.branch_a1.date_term_start = "2022-03-01"
        self.assertEqual(str(self.branch_a1.date_reelection_due), "2025-03-01")
        self.branch_a1.term_years_override = 5
        self.assertEqual(self.branch_a1.term_years, 5)
        self.assertEqual(str(self.branch_a1.date_reelection_due), "2027-03-01")
        self.branch_a1.term_years_override = 0
        self.assertEqual(str(self.branch_a1.date_reelection_due), "2025-03-01")
        with self.assertRaises(ValidationError) as caught:
            self.branch_a1.term_years_override = -1
        self.assertIn("测试甲一支部", str(caught.exception))

    def test_term_dates_follow_the_calendar(self):
        tomorrow = self.today + relativedelta(days=1)
        with self.assertRaises(ValidationError):
            self.branch_a1.date_term_start = tomorrow
        with self.assertRaises(ValidationError):
            self.branch_a1.write({"date_founded": "2020-01-01", "date_term_start": "2019-01-01"})
        with self.assertRaises(ValidationError):
            self.branch_a1.party_group_count = -2

    @freeze_time("2030-01-01")
    def test_appointed_bodies_have_no_reelection(self):
        self.zone.date_term_start = "2015-01-01"
        self.assertTrue(self.zone.is_appointed, "党工委 are appointed by the rule")
        self.assertFalse(self.zone.date_reelection_due)
        self.assertFalse(self.zone.is_reelection_overdue)
        self.assertNotIn(self.zone, self.Organization.search([("is_reelection_overdue", "=", True)]))
        # An organization appointed although its kind is elected (e.g. a 党组): set on it.
        self.org_b.date_term_start = "2015-01-01"
        self.assertTrue(self.org_b.is_reelection_overdue)
        self.org_b.is_appointed = True
        self.assertFalse(self.org_b.date_reelection_due)
        progress = cron_progress(self.env, "org_grassroots.ir_cron_reelection_reminders")
        reminded = self.Organization.with_context(
            ir_cron_progress_id=progress.id
        )._cron_reelection_reminders()
        self.assertFalse(reminded & (self.zone | self.org_b))
        self.assertFalse(self.zone.activity_ids | self.org_b.activity_ids)


@tagged("post_install", "-at_install")
class TestMeetingRequirements(OrgLifeCommon):
    def test_committee_from_seven_formal_members_or_set_up(self):
        branch = self.branch_a2
        self._add_members(branch, 6)
        self._add_members(branch, 2, status="probationary", order=320)
        self.assertFalse(branch.has_committee, "6 formal members: a secretary, no committee")
        self._add_members(branch, 1, order=340)
        self.assertTrue(branch.has_committee, "7 formal members elect a committee")
        self.assertFalse(self.branch_b1.has_committee)
        self.branch_b1.has_committee_set_up = True
        self.assertTrue(self.branch_b1.has_committee)

    def _requirements(self, organizations, meeting_type):
        end = datetime.date(2024, 3, 31)
        return self.Organization.search(
            [("id", "in", organizations.ids), *self.Compliance._scope_domain(meeting_type, end)]
        )

    def test_requirements_apply_only_where_the_body_exists(self):
        branches = self.branch_a1 | self.branch_a2 | self.branch_b1
        self._add_members(self.branch_a2, 7)
        self.branch_b1.party_group_count = 2
        self.assertEqual(self._requirements(branches, self.committee_meeting), self.branch_a2)
        self.assertEqual(self._requirements(branches, self.group_meeting), self.branch_b1)
        self.assertEqual(self._requirements(branches, self.theme_day), branches)
        talk = self.env.ref("org_grassroots.meeting_type_heart_talk")
        self.assertEqual((talk.frequency, talk.applies_when), ("yearly", "always"))
        self.assertEqual(self._requirements(branches, talk), branches)

    def test_the_monthly_check_turns_no_small_branch_red(self):
        self._add_members(self.branch_a2, 7)
        with freeze_time("2024-04-03"):
            checked = self.Compliance._check_all_periods()
        self.assertTrue(checked.filtered(lambda row: row.type_id == self.theme_day and row.is_final))
        with freeze_time("2024-04-20"):
            self.assertFalse(self.Compliance._check_all_periods(), "nothing left to check")
        march = datetime.date(2024, 3, 1)
        rows = self.Compliance.search(
            [
                ("period_start", "=", march),
                ("type_id", "in", (self.committee_meeting | self.group_meeting).ids),
            ]
        )
        ours = rows.filtered(lambda row: row.organization_id.parent_id in self.org_a | self.org_b)
        self.assertEqual(ours.organization_id, self.branch_a2, "only the branch with a committee is checked")
        self.assertEqual(ours.type_id, self.committee_meeting)
        self.assertEqual(ours.state, "behind")


@tagged("post_install", "-at_install")
class TestMeetingQuorum(OrgLifeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Branch 甲二: 6 formal members, one formal only since 2024-06-01, 2 probationary.
        cls.formal = cls._add_members(cls.branch_a2, 5)
        cls.late_formal = cls._add_members(cls.branch_a2, 1, order=330, date_formal="2024-06-01")
        cls.probationary = cls._add_members(cls.branch_a2, 2, status="probationary", order=350)

    def _meeting(self, attendees, date="2024-05-10", **vals):
        return self.Meeting.create(
            {
                "name": "支部党员大会",
                "organization_id": self.branch_a2.id,
                "type_id": self.general_meeting.id,
                "date": date,
                "attendee_ids": [(6, 0, attendees.ids)],
                "minutes": "<p>讨论党员发展</p>",
                **vals,
            }
        )

    def test_due_and_present_count_voting_members_at_the_date(self):
        meeting = self._meeting(self.formal[:3] | self.late_formal | self.probationary)
        self.assertEqual(meeting.expected_count, 5, "formal by the meeting's date")
        self.assertEqual(meeting.present_count, 3, "probationary members do not vote")
        self.assertEqual(meeting.attendee_count, 6)
        self.assertAlmostEqual(meeting.attendance_rate, 60.0)
        self.assertTrue(meeting.is_quorate)
        later = self._meeting(self.formal[:3], date="2024-07-10")
        self.assertEqual(later.expected_count, 6)
        self.assertFalse(later.is_quorate, "3 of 6 is not more than half")

    def test_a_general_meeting_without_quorum_does_not_count(self):
        meeting = self._meeting(self.formal[:2])
        self.assertFalse(meeting.is_quorate)
        self.assertFalse(meeting.counts_for_compliance)
        self.assertIn(meeting, self.Meeting.search([("is_quorate", "=", False)]))
        row = self.Compliance.search(
            [("organization_id", "=", self.branch_a2.id), ("type_id", "=", self.general_meeting.id)]
        )
        self.assertFalse(row.is_compliant, "no row turns green on a meeting without quorum")
        # Recording the third attendee makes it quorate: it counts, the row turns green.
        meeting.attendee_ids = [(4, self.formal[2].id)]
        self.assertTrue(meeting.is_quorate)
        row = self.Compliance.search(
            [("organization_id", "=", self.branch_a2.id), ("type_id", "=", self.general_meeting.id)]
        )
        self.assertEqual((row.meeting_count, row.state), (1, "compliant"))
        # Without listing attendees, the numbers may be entered.
        meeting.write({"attendee_ids": [(5, 0, 0)], "present_count": 2})
        self.assertFalse(meeting.is_quorate)
        self.assertEqual(row.meeting_count, 0)

    def test_other_meetings_need_no_quorum(self):
        meeting = self._meeting(self.formal[:1], type_id=self.theme_day.id)
        self.assertTrue(meeting.is_quorate)
        self.assertTrue(meeting.counts_for_compliance)

    def test_present_cannot_exceed_due(self):
        with self.assertRaises(ValidationError) as caught:
            self._meeting(self.formal, expected_count=3)
        self.assertIn("more than the 3 due to attend", str(caught.exception))
        meeting = self._meeting(self.formal[:3])
        with self.assertRaises(ValidationError):
            meeting.present_count = -1
        self.assertEqual(meeting.present_count, 3, "nothing stored changes")

    def test_quorum_is_data(self):
        with self.assertRaises(ValidationError):
            self.general_meeting.quorum_percent = 100
        self.general_meeting.quorum_percent = 75
        meeting = self._meeting(self.formal[:4])  # 4 of 5: more than 75 %
        self.assertTrue(meeting.is_quorate)
        self.general_meeting.quorum_percent = 80
        self.assertFalse(meeting.is_quorate, "4 of 5 is not more than 80 %")


@tagged("post_install", "-at_install")
class TestMeetingDates(OrgLifeCommon):
    def _meeting(self, date, **vals):
        return self.Meeting.create(
            {
                "name": "主题党日",
                "organization_id": self.branch_a1.id,
                "type_id": self.theme_day.id,
                "date": date,
                "attendee_ids": [(6, 0, self.member_a1.ids)],
                **vals,
            }
        )

    def test_a_future_meeting_is_planned_not_held(self):
        next_week = self.today + relativedelta(days=7)
        with self.assertRaises(ValidationError) as caught:
            self._meeting(next_week)
        self.assertIn("cannot be recorded as held", str(caught.exception))
        meeting = self._meeting(next_week, state="planned")
        self.assertFalse(meeting.counts_for_compliance)
        with self.assertRaises(ValidationError):
            meeting.state = "held"
        self.assertEqual(meeting.state, "planned")
        meeting.write({"date": self.today, "state": "held"})
        self.assertTrue(meeting.counts_for_compliance)

    def test_late_entry_marked_with_its_delay(self):
        recent = self._meeting(self.today - relativedelta(days=10))
        self.assertEqual(recent.entry_delay_days, 10)
        self.assertFalse(recent.is_late_entry)
        old_day = self.today - relativedelta(days=45)
        late = self._meeting(old_day)
        self.assertEqual(late.entry_delay_days, 45)
        self.assertTrue(late.is_late_entry)
        self.assertTrue(late.counts_for_compliance, "a late entry counts")
        row = self.Compliance.search(
            [
                ("organization_id", "=", self.branch_a1.id),
                ("type_id", "=", self.theme_day.id),
                ("period_start", "=", old_day.replace(day=1)),
            ]
        )
        self.assertEqual((row.state, row.meeting_count, row.late_entry_count), ("compliant", 1, 1))
        # The allowance is data of the meeting type.
        self.theme_day.late_entry_days = 60
        self.assertFalse(late.is_late_entry)
        self.theme_day.late_entry_days = 0
        self.assertFalse(late.is_late_entry, "0: never marked")
