from datetime import datetime

from odoo.tests import TransactionCase, new_test_user


class OrgStudyCommon(TransactionCase):
    """A study type, two employees with their users, a session and least-privileged users;
    no demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Asia/Shanghai"
        cls.officer = new_test_user(cls.env, "study_officer", groups="org_study.group_study_officer")
        cls.leader = new_test_user(cls.env, "study_leader", groups="org_base.group_org_leader")
        cls.user_a = new_test_user(cls.env, "study_employee_a", groups="base.group_user")
        cls.user_b = new_test_user(cls.env, "study_employee_b", groups="base.group_user")
        cls.cadre_tag = cls.env.ref("org_study.employee_category_cadre")
        Employee = cls.env["hr.employee"]
        # 张学习 is a 乡科级 cadre: 90 hours of concentrated training a year.
        cls.level_township = cls.env.ref("org_study.study_level_township")
        cls.level_county = cls.env.ref("org_study.study_level_county")
        cls.employee_a = Employee.create(
            {
                "name": "张学习",
                "user_id": cls.user_a.id,
                "category_ids": [(6, 0, cls.cadre_tag.ids)],
                "study_level_id": cls.level_township.id,
            }
        )
        cls.employee_b = Employee.create({"name": "李笃行", "user_id": cls.user_b.id})
        cls.study_type = cls.env["org.study.type"].create(
            {"name": "测试夜校", "default_hours": 2.5, "concentrated": True}
        )
        cls.session = cls.env["org.study.session"].create(
            {
                "name": "学习贯彻党的二十大精神",
                "type_id": cls.study_type.id,
                "date_start": datetime(2026, 3, 10, 11, 0),
                "place": "车谷会堂",
                "attendance_ids": [
                    (0, 0, {"employee_id": cls.employee_a.id}),
                    (0, 0, {"employee_id": cls.employee_b.id}),
                ],
            }
        )
        cls.attendance_a = cls.session.attendance_ids.filtered(lambda a: a.employee_id == cls.employee_a)
        cls.attendance_b = cls.session.attendance_ids - cls.attendance_a
