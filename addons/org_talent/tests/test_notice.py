from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TalentCommon


@tagged("post_install", "-at_install")
class TestPublicNotice(TalentCommon):
    """The 公示 of a claim lasts a number of working days of the company's working calendar
    (weekends and public holidays excluded); approval waits for its end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create({"name": "测试工作日历", "tz": "Asia/Shanghai"})
        cls.env.company.resource_calendar_id = cls.calendar
        # 劳动节 2025: Thursday 1 May to Monday 5 May (the weekend inside), Shanghai time.
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "劳动节",
                "calendar_id": cls.calendar.id,
                "date_from": datetime(2025, 4, 30, 16, 0),
                "date_to": datetime(2025, 5, 5, 15, 59, 59),
            }
        )

    def _to_notice(self, day, year=2025):
        claim = self._run_to(self._claim(self.talent_a, self.item_rent, 10_000, year=year), "second_review")
        with freeze_time(day):
            claim.action_pass_second_review()
        return claim

    def test_notice_skips_weekend_and_holiday(self):
        # Tuesday 29 and Wednesday 30 April, then 6, 7 and 8 May: five working days.
        claim = self._to_notice("2025-04-29 02:00:00")
        self.assertEqual(
            (claim.date_notice_start, claim.date_notice_end), (date(2025, 4, 29), date(2025, 5, 8))
        )
        # Without the holiday: 29, 30 April, 1, 2 May, then Monday 5 May.
        self.env["resource.calendar.leaves"].search([("calendar_id", "=", self.calendar.id)]).unlink()
        self.assertEqual(self._to_notice("2025-04-29 02:00:00", 2024).date_notice_end, date(2025, 5, 5))

    def test_notice_days_are_a_setting(self):
        self.env.company.org_talent_notice_days = 7
        # Friday 25 April, Monday 28 to Wednesday 30, then 6, 7 and 8 May.
        self.assertEqual(self._to_notice("2025-04-25 02:00:00").date_notice_end, date(2025, 5, 8))

    def test_approval_refused_until_the_notice_ends(self):
        claim = self._to_notice("2025-04-29 02:00:00")
        for day in ("2025-04-30 02:00:00", "2025-05-08 09:00:00"):
            with (
                freeze_time(day),
                self.assertRaisesRegex(
                    ValidationError, rf"{claim.name}: the public notice runs until 2025-05-08"
                ),
            ):
                claim.action_approve()
        self.assertEqual(
            (claim.state, claim.date_approved, claim.approve_user_id.id), ("notice", False, False)
        )
        with freeze_time("2025-05-09 02:00:00"):
            claim.action_approve()
        self.assertEqual((claim.state, claim.date_approved), ("approved", date(2025, 5, 9)))

    def test_refusal_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["org_talent"], ["zh_CN"], overwrite=True)
        claim = self._to_notice("2025-04-29 02:00:00").with_context(lang="zh_CN")
        with (
            freeze_time("2025-05-06 02:00:00"),
            self.assertRaisesRegex(ValidationError, rf"{claim.name}：公示期至 2025-05-08"),
        ):
            claim.action_approve()
