from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common import GrassrootsCommon, resident_id


def sections_by_key(user):
    return {section["key"]: section for section in user.env["org.workbench"].with_user(user).get_sections()}


@tagged("post_install", "-at_install")
class TestWorkbenchGrassroots(GrassrootsCommon):
    """我的工作台, the grassroots sections: a secretary counts their own subtree only, an officer
    the zone, a leader the meetings behind by organization."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = cls.env.company._org_office_today()
        cls.today = today
        meeting_type = cls.env["org.party.meeting.type"].create(
            {"name": "工作台测试会议", "frequency": "monthly"}
        )
        Compliance = cls.env["org.party.meeting.compliance"]
        last_month = today.replace(day=1) - relativedelta(months=1)
        this_month = today.replace(day=1)

        def row(organization, start, **values):
            return {
                "organization_id": organization.id,
                "type_id": meeting_type.id,
                "period_start": start,
                "period_end": start + relativedelta(months=1, days=-1),
                **values,
            }

        cls.behind_a1 = Compliance.create(row(cls.branch_a1, last_month, is_final=True))
        Compliance.create(
            [
                row(cls.branch_a2, last_month, is_final=True, is_compliant=True, meeting_count=1),
                row(cls.branch_a2, this_month),
                row(cls.branch_b1, this_month),
                row(cls.branch_a1, this_month, is_compliant=True, meeting_count=1),
                # Behind long ago: no longer on the workbench.
                row(cls.branch_b1, this_month - relativedelta(months=8), is_final=True),
            ]
        )
        # 转正: member_b1 (测试乙) is long overdue; one of 甲 ends in ten days, one next year.
        Member = cls.env["org.party.member"]
        cls.due_a = Member.create(
            {
                "name": "测试预备甲",
                "id_number": resident_id("420115", "19920301", 215),
                "organization_id": cls.branch_a1.id,
                "status": "probationary",
                "date_join": today - relativedelta(years=1) + relativedelta(days=10),
            }
        )
        Member.create(
            {
                "name": "测试预备乙",
                "id_number": resident_id("420115", "19930401", 317),
                "organization_id": cls.branch_a2.id,
                "status": "probationary",
                "date_join": today - relativedelta(months=2),
            }
        )
        # 换届: 甲一支部 is due in two months, 乙党委 in two years.
        cls.branch_a1.write(
            {"date_term_start": today - relativedelta(years=3, months=-2), "term_years_override": 3}
        )
        cls.org_b.write({"date_term_start": today - relativedelta(years=3), "term_years_override": 5})

    def test_secretary_sees_own_subtree(self):
        sections = sections_by_key(self.secretary_a)
        self.assertEqual(sections["org_grassroots.meetings_behind"]["count"], 1)
        self.assertEqual(sections["org_grassroots.meetings_behind"]["state"], "red")
        self.assertEqual(sections["org_grassroots.meetings_behind"]["rows"][0]["res_id"], self.behind_a1.id)
        self.assertEqual(sections["org_grassroots.meetings_due"]["count"], 1, "甲二支部 this month")
        self.assertEqual(sections["org_grassroots.meetings_due"]["state"], "yellow")
        self.assertEqual(sections["org_grassroots.probation_due"]["count"], 1)
        self.assertEqual(sections["org_grassroots.probation_due"]["rows"][0]["res_id"], self.due_a.id)
        self.assertEqual(sections["org_grassroots.probation_due"]["state"], "yellow")
        self.assertEqual(sections["org_grassroots.reelection_due"]["count"], 1)
        self.assertEqual(sections["org_grassroots.reelection_due"]["rows"][0]["res_id"], self.branch_a1.id)
        self.assertEqual(sections["org_grassroots.publicity_ending"]["count"], 0)

        sections = sections_by_key(self.secretary_b)
        self.assertEqual(sections["org_grassroots.meetings_behind"]["count"], 0)
        self.assertEqual(sections["org_grassroots.meetings_behind"]["state"], "normal")
        self.assertEqual(sections["org_grassroots.meetings_due"]["count"], 1, "乙一支部 this month")
        self.assertEqual(sections["org_grassroots.probation_due"]["count"], 1)
        self.assertEqual(sections["org_grassroots.probation_due"]["state"], "red", "测试党员乙 is overdue")
        self.assertEqual(sections["org_grassroots.reelection_due"]["count"], 0)

    def test_officer_sees_the_zone(self):
        sections = sections_by_key(self.user_officer)
        self.assertEqual(sections["org_grassroots.meetings_behind"]["count"], 1)
        self.assertEqual(sections["org_grassroots.meetings_due"]["count"], 2)
        self.assertEqual(sections["org_grassroots.probation_due"]["count"], 2)
        self.assertEqual(sections["org_grassroots.probation_due"]["state"], "red")
        self.assertEqual(sections["org_grassroots.reelection_due"]["count"], 1)

    def test_leader_sees_counts_by_organization(self):
        sections = sections_by_key(self.user_leader)
        self.assertNotIn("org_grassroots.meetings_due", sections)
        section = sections["org_grassroots.meetings_behind"]
        self.assertEqual(section["count"], 1)
        self.assertEqual([(row["name"], row["count"]) for row in section["rows"]], [("测试甲一支部", 1)])

    def test_behind_row_opens_a_new_meeting(self):
        section = sections_by_key(self.secretary_a)["org_grassroots.meetings_behind"]
        action = getattr(
            self.env[section["res_model"]].with_user(self.secretary_a).browse(section["rows"][0]["res_id"]),
            section["row_method"],
        )()
        self.assertEqual(action["res_model"], "org.party.meeting")
        self.assertEqual(action["context"]["default_organization_id"], self.branch_a1.id)

    def test_employee_without_party_role_has_no_grassroots_section(self):
        self.assertFalse(
            [key for key in sections_by_key(self.user_employee) if key.startswith("org_grassroots.")]
        )

    def test_publicity_ending(self):
        today = self.today
        candidate = self.env["org.party.candidate"].create(
            {
                "name": "测试发展对象",
                "id_number": resident_id("420115", "19980510", 317),
                "organization_id": self.branch_a2.id,
                "stage_id": self.env.ref("org_grassroots.candidate_stage_development").id,
                "date_application": today - relativedelta(years=2),
                "date_activist": today - relativedelta(years=1, months=6),
                "date_development": today - relativedelta(months=3),
                "date_publicity_start": today - relativedelta(days=2),
                "date_publicity_end": today + relativedelta(days=3),
            }
        )
        section = sections_by_key(self.secretary_a)["org_grassroots.publicity_ending"]
        self.assertEqual(section["count"], 1)
        self.assertEqual(section["rows"][0]["res_id"], candidate.id)
        self.assertEqual(sections_by_key(self.secretary_b)["org_grassroots.publicity_ending"]["count"], 0)
        candidate.date_publicity_end = today + relativedelta(days=20)
        self.assertEqual(sections_by_key(self.secretary_a)["org_grassroots.publicity_ending"]["count"], 0)
