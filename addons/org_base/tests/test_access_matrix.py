"""org_base's access matrix (readme/SECURITY.md), proven cell by cell for each role: the
dictionaries, departments and the employee's resident ID number. The other addons prove their own
models with the same machinery (``access_matrix``)."""

from odoo.tests import TransactionCase, new_test_user, tagged

from .access_matrix import ALL, CONFIGURATORS, MANAGER, ROLES, AccessMatrixMixin, role_users


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, TransactionCase):
    """One row per model org_base defines or extends: {operation: roles allowed}."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = role_users(cls.env, "matrix")

    def test_matrix(self):
        dictionary = self.env["org.dictionary"].create({"name": "矩阵字典", "code": "matrix_dict"})
        rows = [
            (
                "org.dictionary",
                {"name": "矩阵字典二", "code": "matrix_dict2"},
                {"name": "改"},
                ALL,
                CONFIGURATORS,
            ),
            (
                "org.dictionary.item",
                {"dictionary_id": dictionary.id, "code": "99", "name": "矩阵条目"},
                {"name": "改"},
                ALL,
                CONFIGURATORS,
            ),
        ]
        self._check_rows(rows)
        # hr lets HR officers create and delete units; none of org_base's roles does (areas may
        # make managers HR officers, who then do).
        department = self.env["hr.department"].create({"name": "矩阵科室"})
        for role in ROLES:
            with self.subTest(model="hr.department", role=role):
                hr = self.users[role].has_group("hr.group_hr_user")
                self._check_read("hr.department", department, role, True)
                self._check_write("hr.department", department, {"name": "改"}, role, role in MANAGER)
                self._check_create_unlink("hr.department", {"name": "矩阵科室"}, role, hr, hr)

    def test_employee_fields(self):
        """The resident ID number stays with HR officers; org_base's masked copy shows to those
        who read the employee (HR officers here, the roles areas grant elsewhere)."""
        employee = self.env["hr.employee"].create(
            {"name": "矩阵员工", "identification_id": "420102198503154216"}
        )
        hr_officer = new_test_user(self.env, "matrix_hr", groups="hr.group_hr_user")
        for user in (*self.users.values(), hr_officer):
            with self.subTest(login=user.login):
                Employee = self.env["hr.employee"].with_user(user)
                if user.has_group("hr.group_hr_user"):
                    self.assertEqual(Employee.browse(employee.id).identification_id, "420102198503154216")
                else:
                    self._refused(
                        lambda Employee=Employee: Employee.browse(employee.id).read(["identification_id"])
                    )
                    self._refused(
                        lambda Employee=Employee: Employee.browse(employee.id).export_data(
                            ["identification_id"]
                        )
                    )
                if Employee.has_access("read"):
                    masked = Employee.browse(employee.id).resident_id_masked
                    self.assertTrue(masked and "198503154216" not in masked, masked)
