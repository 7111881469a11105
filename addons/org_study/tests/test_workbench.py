from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import OrgStudyCommon


def sections_by_key(user):
    return {section["key"]: section for section in user.env["org.workbench"].with_user(user).get_sections()}


@tagged("post_install", "-at_install")
class TestWorkbenchStudy(OrgStudyCommon):
    """我的工作台, the study sections: one's own hours this year against the requirement, the
    people behind the pace for the study officer, by unit for a leader."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["hr.department"].create({"name": "学习测试科"})
        cls.employee_a.department_id = cls.unit
        with freeze_time("2026-02-03 02:00:00"):
            session = cls.env["org.study.session"].create(
                {
                    "name": "专题夜校",
                    "type_id": cls.study_type.id,
                    "date_start": datetime(2026, 2, 2, 1),
                    "hours": 40,
                    "attendance_ids": [(0, 0, {"employee_id": cls.employee_a.id, "state": "present"})],
                }
            )
            session.action_set_held()

    @freeze_time("2026-05-15 02:00:00")
    def test_own_hours_on_pace(self):
        section = sections_by_key(self.user_a)["org_study.my_hours"]
        self.assertEqual(section["value"], "40.0 / 90.0")
        self.assertEqual(section["state"], "normal", "30 hours due by the end of April")
        self.assertIn("30.0", section["subtitle"])
        self.assertNotIn("org_study.behind", sections_by_key(self.user_a), "not a study officer")

    @freeze_time("2026-07-15 02:00:00")
    def test_behind_the_pace_per_role(self):
        section = sections_by_key(self.user_a)["org_study.my_hours"]
        self.assertEqual(section["state"], "red", "45 hours due by the end of June")
        behind = sections_by_key(self.officer)["org_study.behind"]
        self.assertEqual(behind["count"], 1)
        self.assertEqual(behind["state"], "red")
        self.assertEqual(behind["rows"][0]["name"], "张学习")
        self.assertNotIn(
            "org_study.my_hours", sections_by_key(self.officer), "the officer has no ledger line"
        )
        by_unit = sections_by_key(self.leader)["org_study.behind"]
        self.assertEqual([(row["name"], row["count"]) for row in by_unit["rows"]], [("学习测试科", 1)])
