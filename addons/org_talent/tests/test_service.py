from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import TalentCommon


@tagged("post_install", "-at_install")
class TestService(TalentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.board = cls.env.ref("org_talent.project_talent_service")
        cls.housing = cls.env["org.talent.service.type"].create(
            {"name": "测试住房安居", "code": "t_housing", "sla_days": 10, "user_id": cls.user_talent.id}
        )

    def _request(self, **vals):
        return self.env["project.task"].create(
            {
                "name": "测试人才公寓申请",
                "project_id": self.board.id,
                "org_talent_id": self.talent_a.id,
                "org_talent_service_type_id": self.housing.id,
                **vals,
            }
        )

    def test_deadline_assignment_and_checklist_from_the_type(self):
        with freeze_time("2025-06-01 10:00:00"):
            task = self._request()
        self.assertEqual(task.date_deadline, datetime(2025, 6, 11, 9, 0))
        self.assertEqual(task.org_responsible_user_id, self.user_talent)
        self.assertIn(self.user_talent, task.user_ids)
        self.assertEqual(task.org_board_type_id.code, "talent_service")
        self.assertEqual(len(task.checklist_line_ids), 3)
        self.talent_a.invalidate_recordset()
        self.assertEqual(self.talent_a.service_count, 1)

    def test_closing_needs_the_checklist_and_the_satisfaction(self):
        task = self._request()
        closed = self.board.type_ids.filtered("org_closing")
        with self.assertRaisesRegex(UserError, "satisfaction of 张测试 is not recorded"):
            task.stage_id = closed
        task.checklist_line_ids.write({"done": True})
        with self.assertRaisesRegex(UserError, "测试人才公寓申请.*satisfaction of 张测试 is not recorded"):
            task.stage_id = closed
        self.assertFalse(task.org_is_closed)
        # The satisfaction recorded in the same save as the move counts.
        task.write({"org_satisfaction": "5", "org_satisfaction_note": "入住顺利", "stage_id": closed.id})
        self.assertTrue(task.org_is_closed)
        self.assertEqual(task.org_satisfaction_score, 5)
        self.assertEqual(task.org_deadline_status, "closed")

    def test_officer_files_a_request_in_the_form(self):
        form = Form(
            self.env["project.task"]
            .with_user(self.user_talent)
            .with_context(default_project_id=self.board.id)
        )
        form.name = "测试子女入学"
        form.org_talent_id = self.talent_a
        form.org_talent_service_type_id = self.housing
        task = form.save()
        self.assertTrue(task.date_deadline)

    def test_changing_the_type_moves_the_deadline(self):
        task = self._request()
        # Filed on 2025-06-01 at 18:00 in Shanghai (10:00 UTC).
        self.env.cr.execute(
            "UPDATE project_task SET create_date = '2025-06-01 10:00:00' WHERE id = %s", [task.id]
        )
        task.invalidate_recordset(["create_date"])
        medical = self.env["org.talent.service.type"].create(
            {"name": "测试就医", "code": "t_med", "sla_days": 2}
        )
        task.org_talent_service_type_id = medical
        # Two days from June 1, at 17:00 in Shanghai: 09:00 UTC on June 3.
        self.assertEqual(task.date_deadline, datetime(2025, 6, 3, 9, 0))

    def test_deadline_counts_days_where_the_office_is(self):
        Task = self.env["project.task"].with_context(tz="Asia/Shanghai")
        # 2025-06-01 20:00 UTC is 2025-06-02 04:00 in Shanghai: ten days from June 2, at 17:00.
        deadline = Task._org_talent_deadline
        self.assertEqual(deadline(datetime(2025, 6, 1, 20, 0), self.housing), datetime(2025, 6, 12, 9, 0))
        self.assertEqual(deadline(datetime(2025, 6, 1, 15, 59), self.housing), datetime(2025, 6, 11, 9, 0))
