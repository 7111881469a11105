import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import GrassrootsCommon, resident_id
from .rules import RefusalMixin


@tagged("post_install", "-at_install")
class TestPartyMember(RefusalMixin, GrassrootsCommon):
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
        with self.assertRefused(ValidationError, "测试党员丙"):
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
        with self.assertRefused(ValidationError, "probationary"):
            self.member_a1.status = "probationary"
        self.member_a1.invalidate_recordset()
        with self.assertRefused(ValidationError, "before"):
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

    def _member(self, **vals):
        values = {
            "name": "测试新党员",
            "id_number": resident_id("420115", "19900615", 137),
            "organization_id": self.branch_a2.id,
            "date_join": "2020-07-01",
        }
        values.update(vals)
        return self.env["org.party.member"].create(values)

    def test_join_after_eighteenth_birthday_and_not_in_the_future(self):
        born_2010 = resident_id("420115", "20100301", 137)
        with self.assertRefused(
            ValidationError, "测试新党员.*2000-07-01.*not after the birth date 2010-03-01"
        ):
            self._member(id_number=born_2010, date_join="2000-07-01")
        with self.assertRefused(ValidationError, "测试新党员.*2028-02-29.*18.*2028-03-01"):
            self._member(id_number=born_2010, date_join="2028-02-29")
        with freeze_time("2026-06-01"), self.assertRefused(ValidationError, "测试新党员.*2026-06-02.*future"):
            self._member(date_join="2026-06-02")
        with freeze_time("2026-06-01"):
            member = self._member(date_join="2026-06-01")
            with self.assertRefused(ValidationError, "测试新党员.*2026-07-01.*future"):
                member.date_join = "2026-07-01"
        self.assertEqual(member.date_probation_end.isoformat(), "2027-06-01")
        # Write path: the member 测试党员甲 (born 1985-03-15) did not join at 17.
        with self.assertRefused(ValidationError, "测试党员甲.*2003-03-14.*18"):
            self.member_a1.write({"date_join": "2003-03-14", "date_formal": "2004-03-14"})
        self.member_a1.write({"date_join": "2003-03-15", "date_formal": "2004-03-15"})
        self.assertEqual(self.member_a1.date_join.isoformat(), "2003-03-15")

    def test_formal_date_is_the_end_of_probation(self):
        with self.assertRefused(
            ValidationError, "测试新党员.*2020-07-02.*before the probation ends on 2021-07-01"
        ):
            self._member(status="formal", date_formal="2020-07-02")
        with freeze_time("2030-01-01"), self.assertRefused(ValidationError, "测试新党员.*2030-07-01.*future"):
            self._member(date_join="2029-07-01", status="formal", date_formal="2030-07-01")
        member = self._member(status="formal", date_formal="2021-07-01")
        self.assertFalse(member.formal_late)
        # Extended by six months: 转正 a year and a half after joining.
        with self.assertRefused(ValidationError, "测试新党员.*2021-07-01.*2022-01-01"):
            member.probation_extension_months = 6
        member.write({"probation_extension_months": 6, "date_formal": "2022-01-01"})
        self.assertEqual(member.date_probation_end.isoformat(), "2022-01-01")
        with self.assertRefused(UserError, "测试新党员.*once"):
            member.probation_extension_months = 12
        # A 转正 dated later than due (e.g. from an old roster) is accepted and marked.
        late = self._member(
            id_number=resident_id("420115", "19900616", 139), status="formal", date_formal="2021-09-01"
        )
        self.assertTrue(late.formal_late)

    def test_extension_of_six_to_twelve_months(self):
        for months in (3, 13):
            with self.assertRefused(ValidationError, f"测试新党员.*{months}.*6.*12"):
                self._member(probation_extension_months=months)
        member = self._member(probation_extension_months=12)
        self.assertEqual(member.date_probation_end.isoformat(), "2022-07-01")

    def test_make_formal_dates_the_end_of_probation(self):
        member = self._member(date_join="2024-06-01")
        officer_member = member.with_user(self.user_officer)
        with freeze_time("2025-05-31"), self.assertRefused(UserError, "测试新党员.*2025-06-01"):
            officer_member.action_make_formal()
        self.assertEqual(member.status, "probationary")
        with freeze_time("2025-06-20"):
            officer_member.action_make_formal()
        self.assertEqual(
            (member.status, member.date_formal.isoformat(), member.date_formal_recorded.isoformat()),
            ("formal", "2025-06-01", "2025-06-20"),
        )
        self.assertTrue(member.formal_late, "recorded 19 days after the probation ended")
        on_time = self._member(id_number=resident_id("420115", "19900616", 139), date_join="2024-06-01")
        with freeze_time("2025-06-01"):
            on_time.with_user(self.user_officer).action_make_formal()
        self.assertEqual(on_time.date_formal.isoformat(), "2025-06-01")
        self.assertFalse(on_time.formal_late)
        with self.assertRefused(UserError, "测试新党员.*already"):
            on_time.action_make_formal()
