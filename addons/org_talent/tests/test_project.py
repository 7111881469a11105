from datetime import date

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TalentCommon


@tagged("post_install", "-at_install")
class TestProject(TalentCommon):
    """人才项目 (org.talent.project): its dates and the count its platform shows."""

    def _project(self, **vals):
        return (
            self.env["org.talent.project"]
            .with_user(self.user_talent)
            .create({"name": "测试氢能项目", "platform_id": self.platform.id, **vals})
        )

    def test_defaults_and_people(self):
        project = self._project(
            talent_ids=[(6, 0, (self.talent_a | self.talent_b).ids)],
            leader_id=self.talent_a.id,
            partner_id=self.employer.id,
            investment=2_000_000,
        )
        self.assertEqual(project.stage, "introduced")
        self.assertEqual(
            project.date_start, fields.Date.context_today(project), "started today, where the user is"
        )
        self.assertEqual(project.currency_id, self.env.company.currency_id)
        self.assertEqual(project.talent_ids, self.talent_a | self.talent_b)
        self.assertEqual(project.leader_id, self.talent_a)

    def test_end_before_start_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "测试氢能项目.*end date is before the start date"):
            self._project(date_start=date(2025, 6, 1), date_end=date(2025, 5, 31))
        project = self._project(date_start=date(2025, 6, 1), date_end=date(2025, 6, 1))
        # As a request would: the refused write is rolled back.
        with (
            self.assertRaisesRegex(ValidationError, "end date is before the start date"),
            self.env.cr.savepoint(),
        ):
            project.date_end = date(2024, 1, 1)
            project.flush_recordset()
        project.invalidate_recordset()
        self.assertEqual(project.date_end, date(2025, 6, 1), "nothing stored changed")
        project.write({"date_start": False, "date_end": date(2024, 1, 1)})
        self.assertEqual(project.date_end, date(2024, 1, 1), "an end without a start is allowed")

    def test_platform_counts_its_projects(self):
        other = self.env["org.talent.platform"].create({"name": "测试孵化器", "kind": "incubator"})
        self.assertEqual(self.platform.project_count, 0)
        self._project()
        self._project(name="测试芯片项目")
        self.env["org.talent.project"].create({"name": "测试别处项目", "platform_id": other.id})
        (self.platform | other).invalidate_recordset(["project_count"])
        self.assertEqual((self.platform.project_count, other.project_count), (2, 1))
        self.assertEqual(len(self.platform.project_ids), 2)
