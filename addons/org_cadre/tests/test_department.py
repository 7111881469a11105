from odoo.tests import tagged

from .common import CadreCommon


@tagged("post_install", "-at_install")
class TestDepartment(CadreCommon):
    def test_establishment_and_vacancies(self):
        department = self.env["hr.department"].create(
            {"name": "测试招商局", "establishment_size": 5, "function_positioning": "招商引资"}
        )
        (self.cadre | self.cadre_b).department_id = department
        self.env["hr.employee"].create({"name": "测试职员", "department_id": department.id})
        department.invalidate_recordset()
        self.assertEqual(department.establishment_actual, 3)
        self.assertEqual(department.cadre_count, 2)
        self.assertEqual(department.establishment_vacancy, 2)
        department.establishment_size = 2
        self.assertEqual(department.establishment_vacancy, 0, "overstaffing shows no negative vacancy")
