import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CadreCommon


@tagged("post_install", "-at_install")
class TestIncentive(CadreCommon):
    def _light(self, date, employee=None):
        return (
            self.env["org.cadre.incentive"]
            .with_user(self.user_officer)
            .create(
                {
                    "employee_id": (employee or self.cadre).id,
                    "kind": "yellow_light",
                    "date": date,
                    "reason": "躺平",
                }
            )
        )

    def test_yellow_light_correction_period(self):
        light = self._light("2024-01-10")
        self.assertEqual(light.state, "open")
        self.assertEqual(light.date_correction_end, datetime.date(2024, 4, 9))
        light.follow_up = "已改正"
        light.action_corrected()
        self.assertEqual(light.state, "corrected")
        commendation = self.env["org.cadre.incentive"].create(
            {"employee_id": self.cadre.id, "kind": "commendation", "reason": "招商成效突出"}
        )
        self.assertFalse(commendation.date_correction_end)
        with self.assertRaises(UserError):
            commendation.action_corrected()

    def test_named_by_kind_and_cadre(self):
        light = self._light("2024-01-10")
        self.assertEqual(light.display_name, f"Yellow Light · {self.cadre.name}")
        step = self.env["org.cadre.appointment.step"].search([("state", "=", "inspection")])
        self.assertEqual(step.display_name, dict(step._fields["state"].selection)["inspection"])

    def test_repeated_yellow_lights_suggest_adjustment(self):
        with freeze_time("2024-06-01"):
            self._light("2024-01-10")
            self.assertFalse(self.cadre.cadre_adjustment_suggested)
            second = self._light("2024-05-10")
            self.assertTrue(self.cadre.cadre_adjustment_suggested)
            self.assertFalse(self.cadre_b.cadre_adjustment_suggested)
            second.unlink()
            self.assertFalse(self.cadre.cadre_adjustment_suggested)
            self._light("2024-05-10")
        # A year later the old light is out of the window: the review cron clears the flag.
        with freeze_time("2025-03-01"):
            self.env["org.cadre.incentive"]._cron_yellow_light_review()
            self.assertFalse(self.cadre.cadre_adjustment_suggested)

    def test_cron_yellow_light_review(self):
        light = self._light("2024-01-10")
        Incentive = self.env["org.cadre.incentive"]
        with freeze_time("2024-04-09"):
            Incentive._cron_yellow_light_review()
        self.assertFalse(light.activity_ids)
        with freeze_time("2024-04-10"):
            Incentive._cron_yellow_light_review()
            Incentive._cron_yellow_light_review()
        self.assertEqual(len(light.activity_ids), 1)
        self.assertEqual(light.activity_ids.user_id, self.user_officer)
