from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import GrassrootsCommon


@tagged("post_install", "-at_install")
class TestHappinessList(GrassrootsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.board = cls.env.ref("org_grassroots.project_happiness")
        cls.Task = cls.env["project.task"]
        ref = cls.env.ref
        cls.collected = ref("org_grassroots.stage_happiness_collected")
        cls.claimed = ref("org_grassroots.stage_happiness_claimed")
        cls.handling = ref("org_grassroots.stage_happiness_handling")
        cls.done = ref("org_grassroots.stage_happiness_done")
        cls.visit = ref("org_grassroots.stage_happiness_visit")

    def _item(self, organization, **vals):
        return self.Task.create(
            {
                "name": "小区加装电梯",
                "project_id": self.board.id,
                "org_party_organization_id": organization.id,
                "org_happiness_community": "东风小区",
                "org_happiness_category_id": self.env.ref("org_grassroots.happiness_category_elevator").id,
                "org_reporter": "王大爷",
                **vals,
            }
        )

    def test_item_runs_from_collected_to_follow_up(self):
        item = self._item(self.branch_a1)
        self.assertEqual(item.stage_id, self.collected)
        self.assertEqual(item.org_board_type_code, "happiness")
        self.assertEqual(item.org_responsible_user_id, self.secretary_a, "the branch's reminder user")
        for stage in (self.claimed, self.handling, self.done):
            item.stage_id = stage
        with self.assertRaisesRegex(UserError, "小区加装电梯.*Follow-up Visit.*satisfaction of 王大爷"):
            item.stage_id = self.visit
        self.assertEqual(item.stage_id, self.done)
        item.org_satisfaction = "4"
        item.stage_id = self.visit
        self.assertTrue(item.org_is_closed)
        self.assertEqual(item.org_satisfaction_score, 4)
        with self.assertRaisesRegex(UserError, "小区加装电梯.*王大爷"):
            item.org_satisfaction = False
        self.assertEqual(item.org_deadline_status, "closed")

    def test_past_deadline_reminds_the_secretary(self):
        item = self._item(self.branch_a1, date_deadline="2024-05-10 10:00:00")
        with freeze_time("2024-05-12"):
            overdue = self.Task._cron_org_overdue_activities()
        self.assertIn(item, overdue)
        self.assertEqual(item.activity_ids.user_id, self.secretary_a)
        with freeze_time("2024-05-13"):
            self.assertNotIn(item, self.Task._cron_org_overdue_activities(), "idempotent")

    def test_secretary_sees_and_edits_own_subtree_cards_only(self):
        own = self._item(self.branch_a1)
        other = self._item(self.branch_b1, name="乙小区停车难")
        Task = self.Task.with_user(self.secretary_a)
        self.assertEqual(Task.search([("project_id", "=", self.board.id)]), own)
        with self.assertRaises(AccessError):
            Task.browse(other.id).read(["name"])
        groups = Task.read_group([("project_id", "=", self.board.id)], ["stage_id"], ["stage_id"])
        self.assertEqual(sum(group["stage_id_count"] for group in groups), 1)
        Task.browse(own.id).write({"stage_id": self.claimed.id})
        self.assertEqual(own.stage_id, self.claimed)
        with self.assertRaises(AccessError):
            Task.browse(other.id).write({"stage_id": self.claimed.id})
        created = Task.create(
            {
                "name": "新收集事项",
                "project_id": self.board.id,
                "org_party_organization_id": self.branch_a2.id,
            }
        )
        self.assertEqual(created.org_responsible_user_id, self.secretary_a)
        with self.assertRaises(AccessError):
            Task.create(
                {
                    "name": "越权事项",
                    "project_id": self.board.id,
                    "org_party_organization_id": self.branch_b1.id,
                }
            )
        # Through the card form, as the web client shows it to the secretary.
        with Form(Task.browse(own.id)) as form:
            form.org_reporter = "王大爷"
            form.org_happiness_community = "东风小区二期"
        self.assertEqual(own.org_happiness_community, "东风小区二期")
        with Form(Task.with_context(default_project_id=self.board.id)) as form:
            form.name = "楼道堆放杂物"
            form.org_party_organization_id = self.branch_a1
        self.assertEqual(form.record.org_responsible_user_id, self.secretary_a)
        self.assertEqual(form.record.stage_id, self.collected)
        self.secretary_a.groups_id += self.env.ref("base.group_allow_export")
        with self.assertRaises(AccessError):
            Task.browse(other.id).export_data(["name"])
        # Officers see every item of the board, even without following it.
        self.assertEqual(
            self.Task.with_user(self.user_officer).search([("project_id", "=", self.board.id)])
            & (own | other),
            own | other,
        )


@tagged("post_install", "-at_install")
class TestFiveYearPlan(GrassrootsCommon):
    def test_yearly_targets(self):
        board = self.env.ref("org_grassroots.project_old_community_plan")
        targets = self.env["project.task"].create(
            [
                {
                    "name": f"{year}年老旧小区物业服务覆盖",
                    "project_id": board.id,
                    "org_plan_year": year,
                    "org_target_value": 20,
                    "org_actual_value": actual,
                    "org_target_unit": "个小区",
                }
                for year, actual in ((2024, 25), (2025, 10))
            ]
        )
        self.assertEqual(targets.mapped("org_target_rate"), [125.0, 50.0])
        self.assertEqual(set(targets.mapped("org_board_type_code")), {"old_community_plan"})
        self.assertEqual(targets[0].stage_id, self.env.ref("org_checklist.stage_todo"))
