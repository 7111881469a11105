from odoo.tests import tagged

from odoo.addons.org_base.tests.fixtures import resident_id
from odoo.addons.org_base.tests.person_search import search_as_typed

from .common import CadreCommon


@tagged("post_install", "-at_install")
class TestPersonSearch(CadreCommon):
    """Issue 20: cadres found by pinyin, initials and ID number on Enter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.number = resident_id("420115", "19780512", 433)
        cls.zhang = cls.env["hr.employee"].create(
            {"name": "张晓东", "is_cadre": True, "identification_id": cls.number}
        )

    def test_officer_finds_cadre_by_number_and_pinyin(self):
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        legacy = self.number[:6] + self.number[8:17]
        for text in (self.number, legacy, self.number[-6:], "zhangxiaodong", "zxd", "张晓东"):
            self.assertEqual(search_as_typed(Employee, text), self.zhang, text)

    def test_cadre_roster_search_finds_by_number_and_pinyin(self):
        """The 干部名册's own search view (the cadre actions' search_view_id) finds as the
        employees' search does: the number for the officer, pinyin for the leader."""
        view = self.env.ref("org_cadre.hr_employee_cadre_view_search_roster").id
        officer = self.env["hr.employee"].with_user(self.user_officer)
        for text in (self.number, self.number[-6:], "zxd"):
            self.assertEqual(search_as_typed(officer, text, view), self.zhang, text)
        leader = self.env["hr.employee"].with_user(self.user_leader)
        self.assertEqual(search_as_typed(leader, "zhangxiaodong", view), self.zhang)
        self.assertFalse(search_as_typed(leader, self.number[-6:], view))

    def test_leader_finds_by_pinyin_not_by_number(self):
        """The leader reads cadres but not their ID numbers: the number finds nothing."""
        Employee = self.env["hr.employee"].with_user(self.user_leader)
        self.assertFalse(Employee._fields["identification_id"].is_accessible(Employee.env))
        self.assertEqual(search_as_typed(Employee, "zxd"), self.zhang)
        for text in (self.number, self.number[-6:]):
            self.assertFalse(search_as_typed(Employee, text), text)
            self.assertFalse(Employee.search([("org_id_search", "=", text)]), text)

    def test_name_search_by_pinyin(self):
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        self.assertIn(self.zhang.id, [row[0] for row in Employee.name_search("zhangxiao")])
        self.assertIn(self.zhang.id, [row[0] for row in Employee.name_search("zxd")])
