import psycopg2

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import GrassrootsCommon, resident_id


@tagged("post_install", "-at_install")
class TestPartyMember(GrassrootsCommon):
    def test_id_number_normalized_and_person_derived(self):
        number = resident_id("420115", "19920708", 246)
        member = self.env["org.party.member"].create(
            {"name": "测试党员丙", "id_number": f" {number.lower()} ", "organization_id": self.branch_a2.id}
        )
        self.assertEqual(member.id_number, number)
        self.assertEqual(str(member.birthday), "1992-07-08")
        self.assertEqual(member.gender, "female")
        self.assertEqual(member.status, "probationary")
        legacy = self.env["org.party.member"].create(
            {"name": "测试党员丁", "id_number": "420115860412531", "organization_id": self.branch_a2.id}
        )
        self.assertEqual(legacy.id_number, resident_id("420115", "19860412", 531))

    def test_invalid_and_duplicate_id_numbers_refused(self):
        number = resident_id("420115", "19920708", 246)
        wrong = number[:17] + ("0" if number[17] != "0" else "1")
        with self.assertRaisesRegex(ValidationError, "测试党员丙"):
            self.env["org.party.member"].create(
                {"name": "测试党员丙", "id_number": wrong, "organization_id": self.branch_a2.id}
            )
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.errors.UniqueViolation):
            self.env["org.party.member"].create(
                {"name": "重复", "id_number": self.member_a1.id_number, "organization_id": self.branch_a2.id}
            )

    def test_masked_for_those_without_the_right(self):
        number = self.member_a1.id_number
        masked = number[:1] + "*" * 15 + number[-2:]
        for user in (self.secretary_a, self.user_leader):
            member = self.member_a1.with_user(user)
            self.assertEqual(member.resident_id_masked, masked)
            with self.assertRaises(AccessError):
                member.read(["id_number"])
        self.assertEqual(
            self.member_a1.with_user(self.user_officer).read(["id_number"])[0]["id_number"], number
        )

    def test_dates(self):
        with self.assertRaisesRegex(ValidationError, "probationary"):
            self.member_a1.status = "probationary"
        self.member_a1.invalidate_recordset()
        with self.assertRaisesRegex(ValidationError, "before"):
            self.member_a1.date_formal = "2009-01-01"

    def test_officer_registers_a_member_in_a_form(self):
        with Form(self.env["org.party.member"].with_user(self.user_officer)) as form:
            form.name = "测试党员戊"
            form.id_number = resident_id("420115", "19880808", 245)
            form.organization_id = self.branch_a2
            form.party_post = "组织委员"
        member = form.save()
        self.assertEqual(member.gender, "male")
        self.assertEqual(self.branch_a2.member_probationary_count, 1)
        member.with_user(self.user_officer).status = "formal"
        self.assertTrue(member.message_ids, "changes are tracked in the chatter")
