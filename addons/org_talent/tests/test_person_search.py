from odoo.tests import tagged

from odoo.addons.org_base.tests.fixtures import resident_id
from odoo.addons.org_base.tests.person_search import search_as_typed

from .common import TalentCommon


@tagged("post_install", "-at_install")
class TestPersonSearch(TalentCommon):
    """Issue 20: talents found by pinyin, initials and ID number on Enter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.number = resident_id("420115", "19880808", 455)
        cls.zhang = cls.env["org.talent"].create(
            {"name": "张晓东", "id_number": cls.number, "tier_id": cls.tier_young.id}
        )

    def test_talent_officer_finds_by_number_and_pinyin(self):
        Talent = self.env["org.talent"].with_user(self.user_talent)
        legacy = self.number[:6] + self.number[8:17]
        for text in (self.number, legacy, self.number[-6:], "zhangxiaodong", "zxd"):
            self.assertEqual(search_as_typed(Talent, text), self.zhang, text)

    def test_officer_without_the_number_finds_by_pinyin_only(self):
        """The organization officer reads talents but not their ID numbers."""
        Talent = self.env["org.talent"].with_user(self.user_officer)
        self.assertFalse(Talent._fields["id_number"].is_accessible(Talent.env))
        self.assertEqual(search_as_typed(Talent, "zxd"), self.zhang)
        for text in (self.number, self.number[-6:], self.number[-4:]):
            self.assertFalse(search_as_typed(Talent, text), text)
            self.assertFalse(Talent.search([("org_id_search", "=", text)]), text)

    def test_name_search_by_pinyin(self):
        Talent = self.env["org.talent"].with_user(self.user_officer)
        self.assertIn(self.zhang.id, [row[0] for row in Talent.name_search("zxd")])
