from odoo.osv import expression
from odoo.tests import TransactionCase, new_test_user, tagged

from ..tools.name_pinyin import name_pinyin, pinyin_query
from .common import FakeModelCase
from .fixtures import resident_id


@tagged("post_install", "-at_install")
class TestNamePinyin(TransactionCase):
    """The pinyin tool: surnames in their surname reading, heteronyms in the common one."""

    def test_full_pinyin_and_initials(self):
        self.assertEqual(name_pinyin("张晓东"), "zhangxiaodong zxd")
        self.assertEqual(name_pinyin(" 吕布 "), "lvbu lb")
        self.assertEqual(name_pinyin("买买提·艾力"), "maimaitiaili mmtal")

    def test_surname_readings(self):
        self.assertEqual(name_pinyin("单雄信"), "shanxiongxin sxx")
        self.assertEqual(name_pinyin("曾国藩"), "zengguofan zgf")
        self.assertEqual(name_pinyin("解缙"), "xiejin xj")
        self.assertEqual(name_pinyin("仇英"), "qiuying qy")
        # A compound surname keeps its own reading; the table is for the first character only.
        self.assertEqual(name_pinyin("单于丹"), "chanyudan cyd")
        self.assertEqual(name_pinyin("王单"), "wangdan wd")

    def test_names_without_chinese(self):
        self.assertFalse(name_pinyin("Anna"))
        self.assertFalse(name_pinyin(""))
        self.assertFalse(name_pinyin(False))

    def test_query(self):
        self.assertEqual(pinyin_query(" Zhang Xiao "), "zhangxiao")
        self.assertEqual(pinyin_query("lü"), "lv")
        self.assertIsNone(pinyin_query("张晓东"))
        self.assertIsNone(pinyin_query("123456"))
        self.assertIsNone(pinyin_query("z%"))


@tagged("post_install", "-at_install")
class TestPersonSearchMixin(FakeModelCase):
    """The mixin on a model of no addon: pinyin stored, the number searched only by users who
    may read it."""

    @classmethod
    def _fake_models(cls):
        from .fake_person_models import OrgFakePerson

        return (OrgFakePerson,)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(cls.env, "ps_officer", groups="org_base.group_org_user")
        cls.employee = new_test_user(cls.env, "ps_employee", groups="base.group_user")
        cls.number = resident_id("420115", "19850315", 431)
        cls.person = cls.env["org.fake.person"].create({"name": "张晓东", "id_number": cls.number})

    def test_pinyin_follows_the_name(self):
        self.assertEqual(self.person.name_pinyin, "zhangxiaodong zxd")
        self.person.name = "解缙"
        self.assertEqual(self.person.name_pinyin, "xiejin xj")
        self.person.name = "Anna"
        self.assertFalse(self.person.name_pinyin)

    def test_pinyin_and_initials_search(self):
        Person = self.env["org.fake.person"]
        for text in ("zxd", "zx", "xiaodong", "Zhang Xiao Dong", "张晓"):
            self.assertEqual(Person.search([("display_name", "ilike", text)]), self.person, text)
        for text in ("xd", "dz", "zhangxiaodongx"):
            self.assertFalse(Person.search([("display_name", "ilike", text)]), text)

    def test_number_search_by_users_who_may_read_it(self):
        Person = self.env["org.fake.person"]
        legacy = self.number[:6] + self.number[8:17]
        full = self.number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        for text in (self.number, legacy, full, self.number[-4:], self.number[-6:]):
            self.assertEqual(Person.search([("org_id_search", "=", text)]), self.person, text)
        for text in (self.number[-3:], "张晓东", "1234567"):
            self.assertFalse(Person.search([("org_id_search", "=", text)]), text)
        officer = Person.with_user(self.officer)._search_org_id_search("=", self.number)
        self.assertEqual(officer, [("id_number", "=", self.number)])

    def test_number_search_is_nothing_for_others(self):
        """A user who may not read the number gets a condition that matches nothing, whatever
        is typed: no yes/no answer about a number."""
        Person = self.env["org.fake.person"].with_user(self.employee)
        for text in (self.number, self.number[-6:], "zxd"):
            self.assertEqual(Person._search_org_id_search("=", text), expression.FALSE_DOMAIN)
