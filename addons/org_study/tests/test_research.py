from datetime import date

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import OrgStudyCommon


@tagged("post_install", "-at_install")
class TestResearchAndService(OrgStudyCommon):
    def test_shipped_problem_board_has_closing_stage(self):
        board = self.env.ref("org_study.project_research_problems")
        self.assertEqual(board.org_board_type_id.code, "research_problem")
        self.assertTrue(board.type_ids.filtered("org_closing"))

    def test_problems_become_cards_once(self):
        enterprise = self.env["res.partner"].create({"name": "某智能网联汽车企业", "is_company": True})
        visit = (
            self.env["org.research.visit"]
            .with_user(self.officer)
            .create(
                {
                    "name": "进企业调研",
                    "partner_id": enterprise.id,
                    "date": date(2026, 4, 2),
                    "participant_ids": [(6, 0, self.employee_a.ids)],
                    "problem_ids": [
                        (
                            0,
                            0,
                            {"name": "用工招聘难", "measure": "组织专场招聘会", "user_id": self.officer.id},
                        ),
                        (0, 0, {"name": "子女入学难", "kind": "public", "date_deadline": date(2026, 8, 31)}),
                    ],
                }
            )
        )
        action = visit.action_create_cards()
        board = self.env.ref("org_study.project_research_problems")
        cards = visit.problem_ids.task_id
        self.assertEqual(len(cards), 2)
        self.assertEqual(cards.project_id, board)
        self.assertEqual(set(cards.mapped("name")), {"用工招聘难", "子女入学难"})
        first = visit.problem_ids[0].task_id
        self.assertEqual(first.org_responsible_user_id, self.officer)
        self.assertEqual(first.stage_id, board.type_ids.sorted("sequence")[0])
        self.assertEqual(visit.task_count, 2)
        self.assertEqual(action["domain"], [("id", "in", cards.ids)])
        with self.assertRaises(UserError):
            visit.action_create_cards()
        visit.problem_ids = [(0, 0, {"name": "融资难"})]
        visit.action_create_cards()
        self.assertEqual(visit.task_count, 3)

    def test_problem_card_closed_in_a_loop(self):
        board = self.env.ref("org_study.project_research_problems")
        reviewer = new_test_user(self.env, "study_reviewer", groups="org_study.group_study_officer")
        board.org_reviewer_id = reviewer
        enterprise = self.env["res.partner"].create({"name": "某零部件企业", "is_company": True})
        visit = (
            self.env["org.research.visit"]
            .with_user(self.officer)
            .create(
                {
                    "name": "进企业调研",
                    "partner_id": enterprise.id,
                    "problem_ids": [(0, 0, {"name": "物流通道不畅", "user_id": self.officer.id})],
                }
            )
        )
        visit.action_create_cards()
        problem = visit.problem_ids
        card = problem.task_id.with_user(self.officer)
        self.assertEqual(card.user_ids, self.officer, "the responsible person is assigned, not the creator")
        self.assertFalse(problem.task_closed)
        with self.assertRaises(UserError):
            card.action_org_submit_review()  # no evidence yet
        card.org_evidence_ids = self.env["ir.attachment"].create(
            {"name": "整改说明.pdf", "raw": b"%PDF-1.4", "res_model": card._name, "res_id": card.id}
        )
        card.action_org_submit_review()
        # The responsible person does not accept their own card (separation of duties).
        card.with_user(reviewer).action_org_accept()
        self.assertTrue(problem.task_closed)
        self.assertTrue(problem.task_stage_id.org_closing)

    def test_community_service_yearly_count(self):
        Service = self.env["org.community.service"].with_user(self.officer)
        services = Service.create(
            [
                {"employee_id": self.employee_a.id, "community": "春笋社区", "date": date(2026, 3, 1)},
                {"employee_id": self.employee_a.id, "community": "春笋社区", "date": date(2026, 5, 1)},
                {"employee_id": self.employee_a.id, "community": "春笋社区", "date": date(2025, 5, 1)},
                {"employee_id": self.employee_b.id, "community": "东风社区", "date": date(2026, 5, 1)},
            ]
        )
        self.assertEqual(services.mapped("yearly_count"), [2, 2, 1, 1])
        self.assertEqual(services[0].year, 2026)
