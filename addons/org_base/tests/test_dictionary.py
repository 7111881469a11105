from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import OrgBaseCommon


@tagged("post_install", "-at_install")
class TestDictionary(OrgBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dictionary = cls.env["org.dictionary"].create({"name": "测试字典", "code": "test_dict"})
        cls.parent = cls.env["org.dictionary.item"].create(
            {"dictionary_id": cls.dictionary.id, "code": "10", "name": "大类"}
        )
        cls.child = cls.env["org.dictionary.item"].create(
            {"dictionary_id": cls.dictionary.id, "code": "11", "name": "小类", "parent_id": cls.parent.id}
        )

    def _items(self, code):
        return self.env["org.dictionary.item"].search([("dictionary_code", "=", code)])

    def test_entries_by_text(self):
        """An import's texts name entries by code, short name or name; a name wins over another
        entry's code, and the 任免审批表 short forms of education are known."""
        Item = self.env["org.dictionary.item"]
        clash = Item.create({"dictionary_id": self.dictionary.id, "code": "大类", "name": "代码撞名"})
        entries = Item._org_entries_by_text(["test_dict", "education"])
        self.assertEqual(entries["test_dict"]["大类"], self.parent.id)
        self.assertEqual(entries["test_dict"]["11"], self.child.id)
        self.assertEqual(entries["test_dict"]["代码撞名"], clash.id)
        self.assertEqual(entries["education"]["大学"], self.env.ref("org_base.education_20").id)
        only = Item._org_entries_by_text(["test_dict"], texts=["小类"])["test_dict"]
        self.assertEqual(only, {"11": self.child.id, "小类": self.child.id})

    def test_shipped_standard_codes(self):
        ethnicity = self._items("ethnicity")
        self.assertEqual(
            sorted(ethnicity.filtered(lambda i: i.code <= "56").mapped("code")),
            [f"{n:02d}" for n in range(1, 57)],
            "民族 ships all 56 entries of GB/T 3304",
        )
        self.assertEqual(ethnicity.filtered(lambda i: i.code == "01").name, "汉族")
        self.assertEqual(ethnicity.filtered(lambda i: i.code == "56").name, "基诺族")
        political = self._items("political_status")
        self.assertEqual(len(political), 13)
        self.assertEqual(political.filtered(lambda i: i.code == "13").name, "群众")
        education = self._items("education")
        doctor = education.filtered(lambda i: i.code == "11")
        self.assertEqual((doctor.name, doctor.parent_id.code), ("博士研究生毕业", "10"))
        self.assertTrue(self._items("degree").filtered(lambda i: i.name == "工学博士学位"))
        self.assertTrue(self._items("rank").filtered(lambda i: i.name == "一级主任科员"))
        self.assertTrue(self._items("industry").filtered(lambda i: i.name == "汽车制造业"))
        self.assertEqual(self.dictionary.item_count, 2)

    def test_code_unique_per_dictionary(self):
        other = self.env["org.dictionary"].create({"name": "另一字典", "code": "other_dict"})
        self.env["org.dictionary.item"].create({"dictionary_id": other.id, "code": "10", "name": "同码"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["org.dictionary.item"].create(
                    {"dictionary_id": self.dictionary.id, "code": "10", "name": "重复"}
                )

    def test_parent_must_share_dictionary(self):
        other = self.env["org.dictionary"].create({"name": "另一字典", "code": "other_dict"})
        with self.assertRaisesRegex(ValidationError, "小类"):
            self.env["org.dictionary.item"].create(
                {"dictionary_id": other.id, "code": "99", "name": "小类", "parent_id": self.parent.id}
            )
        with self.assertRaises(UserError):
            self.parent.parent_id = self.child
            self.env.flush_all()

    def test_search_by_code_and_display(self):
        items = self.env["org.dictionary.item"].name_search(
            "11", [("dictionary_id", "=", self.dictionary.id)]
        )
        self.assertEqual([i[0] for i in items], [self.child.id])
        self.assertEqual(self.child.display_name, "小类")
        self.assertEqual(self.child.with_context(org_dictionary_show_code=True).display_name, "11 小类")
        self.assertEqual(
            self.dictionary.action_open_items()["domain"], [("dictionary_id", "=", self.dictionary.id)]
        )

    def test_officer_and_leader_read_only(self):
        for user in (self.user_officer, self.user_leader, self.user_employee):
            item = self.child.with_user(user)
            self.assertEqual(item.name, "小类")
            with self.assertRaises(AccessError):
                item.name = "改名"
            with self.assertRaises(AccessError):
                self.env["org.dictionary.item"].with_user(user).create(
                    {"dictionary_id": self.dictionary.id, "code": "12", "name": "新增"}
                )

    def test_configurator_edits_and_is_tracked(self):
        # The entry was created in this same transaction, which mail does not track; make
        # it look committed, as it is for a configurator editing it another day.
        self.env.cr.precommit.clear()
        item = self.child.with_user(self.user_configurator)
        item.name = "小类（改）"
        self.env["org.dictionary.item"].with_user(self.user_configurator).create(
            {"dictionary_id": self.dictionary.id, "code": "12", "name": "新增"}
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        messages = item.sudo().message_ids
        tracked = messages.tracking_value_ids
        self.assertIn("小类（改）", tracked.mapped("new_value_char"))
        self.assertEqual(messages[:1].author_id, self.user_configurator.partner_id)
        item.unlink()
        self.assertFalse(self.child.exists())
