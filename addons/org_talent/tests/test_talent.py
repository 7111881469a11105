from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools.misc import file_open

from odoo.addons.org_base.tools.resident_id import check_resident_id, parse_resident_id

from .common import TalentCommon, resident_id


@tagged("post_install", "-at_install")
class TestTalent(TalentCommon):
    def test_partner_created_and_renamed_with_the_talent(self):
        self.assertEqual(self.talent_a.partner_id.name, "张测试")
        self.assertEqual(self.talent_a.partner_id.parent_id, self.employer)
        self.talent_a.name = "张测试甲"
        self.assertEqual(self.talent_a.partner_id.name, "张测试甲")

    def test_resident_id_is_validated_and_normalized(self):
        self.assertEqual(self.talent_a.birthday.isoformat(), "1985-03-15")
        self.assertEqual(self.talent_a.gender, "male")
        with self.assertRaisesRegex(ValidationError, "王测试.*check character"):
            self.env["org.talent"].create({"name": "王测试", "id_number": resident_id()[:-1] + "0"})
        # A 15-digit number is upgraded to 18 characters.
        talent = self.env["org.talent"].create({"name": "赵测试", "id_number": "420115850315423"})
        self.assertEqual(len(talent.id_number), 18)
        self.assertEqual(talent.id_number[6:8], "19")

    def test_other_documents_are_validated_by_format(self):
        Talent = self.env["org.talent"]
        valid = {
            "passport": "e12345678",
            "hk_macao_taiwan": "H12345678",
            "foreign_permanent": "USA123456789012",
        }
        for id_type, number in valid.items():
            talent = Talent.create({"name": f"外籍{id_type}", "id_type": id_type, "id_number": number})
            self.assertEqual(talent.id_number, number.upper())
        invalid = {
            "passport": "E1",
            "hk_macao_taiwan": "X12345678",
            "foreign_permanent": "US1234567890123",
        }
        for id_type, number in invalid.items():
            with self.assertRaisesRegex(ValidationError, f"外籍错{id_type}.*{number}"):
                Talent.create({"name": f"外籍错{id_type}", "id_type": id_type, "id_number": number})

    def test_id_number_masked_outside_the_officer_group(self):
        for user, raw in (
            (self.user_talent, True),
            (self.user_officer, False),
            (self.user_leader, False),
        ):
            talent = self.talent_a.with_user(user)
            fields = talent.fields_get()
            self.assertEqual("id_number" in fields, raw, user.login)
            self.assertEqual(talent.resident_id_masked, "4" + "*" * 15 + self.talent_a.id_number[-2:])
            views = self.env["org.talent"].with_user(user).get_views([(False, "form"), (False, "list")])
            self.assertEqual("id_number" in views["models"]["org.talent"]["fields"], raw, user.login)

    def test_officer_registers_a_talent_in_the_form(self):
        with Form(self.env["org.talent"].with_user(self.user_talent)) as form:
            form.name = "钱测试"
            form.id_number = resident_id(order=424)
            form.tier_id = self.tier_young
            form.employer_id = self.employer
            form.platform_id = self.platform
        talent = form.save()
        self.assertEqual(talent.partner_id.name, "钱测试")
        self.assertEqual(talent.gender, "female")
        self.assertEqual(self.platform.talent_count, 2)

    def test_counts_and_open_actions(self):
        self._claim(self.talent_a, self.item_salary, 1000)
        self.talent_a.invalidate_recordset()
        self.assertEqual(self.talent_a.application_count, 1)
        action = self.talent_a.action_open_applications()
        self.assertEqual(action["domain"], [("talent_id", "=", self.talent_a.id)])
        self.assertEqual(self.tier_leading.talent_count, 1)

    def test_tier_and_policy_values_are_checked(self):
        with self.assertRaisesRegex(ValidationError, "测试高技能人才"):
            self.tier_skilled.card_validity_years = 0
        with self.assertRaisesRegex(ValidationError, "测试黄金十条"):
            self.policy.review_days = 0
        with self.assertRaisesRegex(ValidationError, "测试黄金十条"):
            self.policy.date_end = "2022-01-01"
        with self.assertRaisesRegex(ValidationError, "测试薪酬补贴"):
            self.item_salary.amount_max = -1


@tagged("post_install", "-at_install")
class TestTalentDemoIdentity(TalentCommon):
    """The demo talents' resident ID numbers are valid, and any birth date or gender the demo
    file gives agrees with the number (org_base refuses a contradiction). Read from the demo
    file: test databases have no demo data."""

    def test_demo_talents_agree_with_their_id(self):
        with file_open("org_talent/demo/org_talent_demo.xml", "rb") as demo:
            root = etree.parse(demo).getroot()
        talents = root.xpath("//record[@model='org.talent']")
        self.assertGreaterEqual(len(talents), 5)
        for record in talents:
            values = {field.get("name"): (field.text or "").strip() for field in record.findall("field")}
            if values.get("id_type", "resident") != "resident" or not values.get("id_number"):
                continue
            with self.subTest(talent=values["name"]):
                self.assertIsNone(check_resident_id(values["id_number"]))
                _number, birth, gender = parse_resident_id(values["id_number"])
                self.assertEqual(values.get("birthday", birth.isoformat()), birth.isoformat())
                self.assertEqual(values.get("gender", gender), gender)
