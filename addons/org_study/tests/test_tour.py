from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestStudyOfficerTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(cls.env, "study_tour_officer", groups="org_study.group_study_officer")
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "张学习",
                "category_ids": [(6, 0, cls.env.ref("org_study.employee_category_cadre").ids)],
                "study_level_id": cls.env.ref("org_study.study_level_township").id,
            }
        )
        study_type = cls.env["org.study.type"].create(
            {"name": "测试夜校", "default_hours": 2.5, "concentrated": True}
        )
        # A session planned this year, as the application's clock has it: the ledger then has
        # this year's line for 张学习 even when the database's clock says otherwise (a run of
        # the suite with the clock shifted by faketime, which PostgreSQL does not see).
        now = fields.Datetime.now()
        cls.env["org.study.session"].create(
            {"name": "测试年内计划学习", "type_id": study_type.id, "date_start": now.replace(hour=1)}
        )

    def test_officer_plans_marks_and_sees_the_ledger(self):
        self.start_tour("/odoo", "org_study_officer_tour", login="study_tour_officer")
        session = self.env["org.study.session"].search([("name", "=", "组工大讲堂：大兴调查研究")])
        self.assertEqual(session.state, "held")
        self.assertEqual(session.attendance_ids.mapped("state"), ["present"])
        self.assertEqual(session.create_uid, self.officer)
        self.env["org.study.ledger"].invalidate_model()
        line = self.env["org.study.ledger"].search(
            [("employee_id", "=", self.employee.id), ("year", "=", session.date_start.year)]
        )
        self.assertEqual((line.done_hours, line.counted_hours, line.required_hours), (2.5, 2.5, 90))
