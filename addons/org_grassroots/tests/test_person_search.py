from odoo.tests import tagged

from odoo.addons.org_base.tests.fixtures import resident_id, resident_id_x
from odoo.addons.org_base.tests.person_search import search_as_typed

from .common import GrassrootsCommon


@tagged("post_install", "-at_install")
class TestPersonSearch(GrassrootsCommon):
    """Issue 20: members and candidates found by pinyin, initials and ID number on Enter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.number = resident_id("420115", "19850315", 431)
        cls.member = cls.env["org.party.member"].create(
            {
                "name": "张晓东",
                "id_number": cls.number,
                "organization_id": cls.branch_a1.id,
                "status": "formal",
                "date_join": "2010-07-01",
                "date_formal": "2011-07-01",
            }
        )
        cls.number_x = resident_id_x("420115", "19900101")
        cls.candidate = cls.env["org.party.candidate"].create(
            {"name": "单雄信", "id_number": cls.number_x, "organization_id": cls.branch_a1.id}
        )

    def test_pinyin_is_stored_with_the_surname_reading(self):
        self.assertEqual(self.member.name_pinyin, "zhangxiaodong zxd")
        self.assertEqual(self.candidate.name_pinyin, "shanxiongxin sxx")
        self.member.name = "曾国藩"
        self.assertEqual(self.member.name_pinyin, "zengguofan zgf")

    def test_officer_finds_member_by_pinyin_and_initials(self):
        Member = self.env["org.party.member"].with_user(self.user_officer)
        for text in ("zhangxiaodong", "xiaodong", "ZXD", "zx", "zhang xiao dong", "张晓"):
            self.assertIn(self.member, search_as_typed(Member, text), text)
        # Initials match from their start only; a letter run found nowhere finds nothing.
        self.assertNotIn(self.member, search_as_typed(Member, "xd"))
        self.assertNotIn(self.member, search_as_typed(Member, "zxq"))

    def test_officer_finds_member_by_id_number(self):
        Member = self.env["org.party.member"].with_user(self.user_officer)
        legacy = self.number[:6] + self.number[8:17]
        for text in (self.number, f" {self.number} ", legacy, self.number[-6:], self.number[-4:]):
            self.assertEqual(search_as_typed(Member, text), self.member, text)
        self.assertFalse(search_as_typed(Member, self.number[-3:]))

    def test_officer_finds_candidate_by_lower_case_x_and_suffix(self):
        Candidate = self.env["org.party.candidate"].with_user(self.user_officer)
        self.assertEqual(search_as_typed(Candidate, self.number_x.lower()), self.candidate)
        self.assertEqual(search_as_typed(Candidate, self.number_x[-5:].lower()), self.candidate)
        self.assertEqual(search_as_typed(Candidate, "sxx"), self.candidate)

    def test_secretary_cannot_search_the_number(self):
        """The secretary sees the member (own subtree) but not the number: searching the number
        finds nothing, whole or in part, and raises nothing (no yes/no oracle)."""
        Member = self.env["org.party.member"].with_user(self.secretary_a)
        self.assertEqual(search_as_typed(Member, "张晓东"), self.member)
        self.assertEqual(search_as_typed(Member, "zxd"), self.member)
        for text in (self.number, self.number[-6:], self.number[-4:]):
            self.assertFalse(search_as_typed(Member, text), text)
            self.assertFalse(Member.search([("org_id_search", "=", text)]), text)
        Candidate = self.env["org.party.candidate"].with_user(self.secretary_a)
        self.assertFalse(search_as_typed(Candidate, self.number_x))

    def test_name_search_by_pinyin(self):
        Member = self.env["org.party.member"].with_user(self.user_officer)
        self.assertIn(self.member.id, [row[0] for row in Member.name_search("zxd")])
        self.assertIn(self.member.id, [row[0] for row in Member.name_search("zhangxiao")])
        Candidate = self.env["org.party.candidate"].with_user(self.secretary_a)
        self.assertIn(self.candidate.id, [row[0] for row in Candidate.name_search("shanxiong")])

    def test_existing_names_are_filled_in_batches(self):
        """The column of existing records is filled by SQL, two queries per batch."""
        Member = self.env["org.party.member"]
        self.env.cr.execute("UPDATE org_party_member SET name_pinyin = NULL")
        Member.invalidate_model(["name_pinyin"])
        with self.assertQueryCount(4):  # read + write one batch, read the empty next batch
            Member._org_fill_name_pinyin()
        self.assertEqual(self.member.name_pinyin, "zhangxiaodong zxd")
