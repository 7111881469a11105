from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestGrassrootsTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A secretary of the test's own (never the demo `secretary`, who would see the demo
        # organizations too): only the committee below.
        cls.secretary = new_test_user(
            cls.env, "gr_tour_secretary", groups="base.group_user,org_grassroots.group_party_secretary"
        )
        cls.officer = new_test_user(cls.env, "gr_tour_officer", groups="org_base.group_org_user")
        Organization = cls.env["org.party.organization"]
        cls.committee = Organization.create(
            {"name": "测试东风党委", "kind": "committee", "secretary_user_id": cls.secretary.id}
        )
        cls.branch = Organization.create(
            {"name": "测试东风一支部", "kind": "branch", "parent_id": cls.committee.id}
        )
        cls.happy_branch = Organization.create({"name": "测试幸福支部", "kind": "branch"})
        Member = cls.env["org.party.member"]
        Member.create({"name": "测试东风党员", "organization_id": cls.branch.id})
        cls.matrix_branch, cls.matrix_branch_2 = Organization.create(
            [
                {"name": "测试矩阵一支部", "kind": "branch", "parent_id": cls.committee.id},
                {"name": "测试矩阵二支部", "kind": "branch", "parent_id": cls.committee.id},
            ]
        )
        Member.create({"name": "测试矩阵党员", "organization_id": cls.matrix_branch_2.id})
        cls.theme_day = cls.env.ref("org_grassroots.meeting_type_theme_day")

    def test_secretary_records_a_theme_day(self):
        Compliance = self.env["org.party.meeting.compliance"]
        start, end = Compliance._period_of(self.theme_day, fields.Date.context_today(Compliance))
        row = Compliance.create(
            {
                "organization_id": self.branch.id,
                "type_id": self.theme_day.id,
                "period_start": start,
                "period_end": end,
            }
        )
        self.assertEqual(row.state, "pending")
        self.start_tour("/odoo", "org_grassroots_secretary_tour", login="gr_tour_secretary")
        self.assertEqual(row.state, "compliant")
        meeting = self.env["org.party.meeting"].search([("organization_id", "=", self.branch.id)])
        self.assertEqual(meeting.name, "学习贯彻主题党日")
        self.assertEqual(meeting.type_id, self.theme_day)
        self.assertEqual(meeting.create_uid, self.secretary)

    def test_secretary_reads_the_matrix_and_records_a_meeting(self):
        Compliance = self.env["org.party.meeting.compliance"]
        today = fields.Date.context_today(Compliance)
        year = today.year

        def row(branch, month, **vals):
            start, end = Compliance._period_of(self.theme_day, today.replace(month=month, day=1))
            return Compliance.create(
                {
                    "organization_id": branch.id,
                    "type_id": self.theme_day.id,
                    "period_start": start,
                    "period_end": end,
                    **vals,
                }
            )

        row(self.matrix_branch, 1, meeting_count=1, is_compliant=True, is_final=True)
        row(self.matrix_branch, 2, is_final=True)
        row(self.matrix_branch, 3, meeting_count=1, late_entry_count=1, is_compliant=True, is_final=True)
        pending = row(self.matrix_branch_2, today.month)
        # Another year's rows stay out of this year's matrix.
        Compliance.create(
            {
                "organization_id": self.matrix_branch_2.id,
                "type_id": self.theme_day.id,
                "period_start": f"{year - 1}-{today.month:02d}-01",
                "period_end": f"{year - 1}-{today.month:02d}-28",
                "is_final": True,
            }
        )
        self.start_tour("/odoo", "org_grassroots_matrix_tour", login="gr_tour_secretary")
        self.assertEqual(pending.state, "compliant")
        meeting = self.env["org.party.meeting"].search([("organization_id", "=", self.matrix_branch_2.id)])
        self.assertEqual(meeting.attendee_ids.name, "测试矩阵党员")
        self.assertEqual(meeting.create_uid, self.secretary)

    def test_officer_runs_a_happiness_item(self):
        self.start_tour("/odoo", "org_grassroots_happiness_tour", login="gr_tour_officer")
        item = self.env["project.task"].search([("name", "=", "幸福小区加装电梯")])
        self.assertEqual(item.project_id, self.env.ref("org_grassroots.project_happiness"))
        self.assertEqual(item.stage_id, self.env.ref("org_grassroots.stage_happiness_visit"))
        self.assertEqual(item.org_party_organization_id, self.happy_branch)
        self.assertEqual(item.org_satisfaction, "5")
        self.assertEqual(item.org_satisfaction_note, "电梯已装好，很满意")
        self.assertEqual(item.org_reporter, "李阿姨")
        self.assertTrue(item.org_is_closed)
