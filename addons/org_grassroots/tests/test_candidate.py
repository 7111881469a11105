from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import GrassrootsCommon, resident_id


@tagged("post_install", "-at_install")
class TestCandidate(GrassrootsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Candidate = cls.env["org.party.candidate"]
        ref = cls.env.ref
        cls.applicant = ref("org_grassroots.candidate_stage_applicant")
        cls.activist = ref("org_grassroots.candidate_stage_activist")
        cls.development = ref("org_grassroots.candidate_stage_development")
        cls.probationary = ref("org_grassroots.candidate_stage_probationary")
        cls.formal = ref("org_grassroots.candidate_stage_formal")

    def _candidate(self, **vals):
        values = {
            "name": "测试申请人",
            "id_number": resident_id("420115", "19980510", 317),
            "organization_id": self.branch_a1.id,
            "date_application": "2023-01-05",
        }
        values.update(vals)
        return self.Candidate.create(values)

    def test_full_pipeline_promotes_to_member(self):
        candidate = self._candidate()
        self.assertEqual(candidate.stage_id, self.applicant)
        self.assertEqual(candidate.birthday.isoformat(), "1998-05-10")
        with freeze_time("2023-03-01"):
            candidate.action_next_stage()
        self.assertEqual(candidate.date_activist.isoformat(), "2023-03-01")
        with freeze_time("2024-02-20"), self.assertRaisesRegex(UserError, "测试申请人.*2024-03-01"):
            candidate.action_next_stage()
        self.assertEqual(candidate.stage_id, self.activist, "nothing half-written")
        with freeze_time("2024-03-01"):
            candidate.action_next_stage()
        self.assertEqual(candidate.stage_id, self.development)
        with freeze_time("2024-06-01"), self.assertRaisesRegex(UserError, "测试申请人.*政审"):
            candidate.action_next_stage()
        candidate.political_review_done = True
        candidate.training_hours = 16
        with freeze_time("2024-06-01"), self.assertRaisesRegex(UserError, "测试申请人.*24"):
            candidate.action_next_stage()
        candidate.training_hours = 24
        with freeze_time("2024-06-01"):
            candidate.action_next_stage()
        member = candidate.member_id
        self.assertEqual(member.status, "probationary")
        self.assertEqual(member.date_join.isoformat(), "2024-06-01")
        self.assertEqual(member.organization_id, self.branch_a1)
        self.assertEqual(member.id_number, candidate.id_number)
        with freeze_time("2025-05-01"), self.assertRaisesRegex(UserError, "1年|12"):
            candidate.action_next_stage()
        with freeze_time("2025-06-01"):
            candidate.action_next_stage()
        self.assertEqual(member.status, "formal")
        self.assertEqual(member.date_formal.isoformat(), "2025-06-01")
        with self.assertRaisesRegex(UserError, "测试申请人"):
            candidate.action_next_stage()
        with self.assertRaisesRegex(UserError, "go back"):
            candidate.stage_id = self.activist

    def test_kanban_drag_cannot_skip_a_stage(self):
        candidate = self._candidate()
        with self.assertRaisesRegex(UserError, "测试申请人.*skip"):
            candidate.write({"stage_id": self.development.id})
        self.assertEqual(candidate.stage_id, self.applicant)

    def test_applicant_must_be_of_age(self):
        with self.assertRaisesRegex(UserError, "未成年|younger"):
            self._candidate(id_number=resident_id("420115", "20080101", 317), date_application="2024-06-01")

    def test_stage_rules_are_data(self):
        self.development.min_months = 6
        candidate = self._candidate(stage_id=self.activist.id, date_activist="2024-01-01")
        with freeze_time("2024-07-02"):
            candidate.action_next_stage()
        self.assertEqual(candidate.stage_id, self.development)

    def test_probation_reminder_cron(self):
        candidate = self._candidate(
            stage_id=self.probationary.id,
            date_activist="2022-01-01",
            date_development="2023-01-10",
            date_probationary="2024-06-01",
            political_review_done=True,
            training_hours=24,
        )
        other = self._candidate(
            name="测试预备党员二",
            id_number=resident_id("420115", "19960101", 215),
            organization_id=self.branch_b1.id,
            stage_id=self.probationary.id,
            date_probationary="2024-08-01",
            political_review_done=True,
            training_hours=30,
        )
        with freeze_time("2025-04-20"):
            self.assertFalse(self.Candidate._cron_probation_reminders())
        with freeze_time("2025-05-05"):
            reminded = self.Candidate._cron_probation_reminders()
        self.assertIn(candidate, reminded)
        self.assertNotIn(other, reminded)
        activity = candidate.activity_ids
        self.assertEqual(activity.user_id, self.secretary_a)
        self.assertEqual(activity.date_deadline.isoformat(), "2025-06-01")
        self.assertIn("测试申请人", activity.summary)
        with freeze_time("2025-05-06"):
            self.assertNotIn(candidate, self.Candidate._cron_probation_reminders(), "idempotent")
        self.assertEqual(len(candidate.activity_ids), 1)
        with freeze_time("2025-06-02"):
            candidate.action_next_stage()
        self.assertFalse(candidate.activity_ids, "转正 marks the reminder done")
        self.assertEqual(candidate.member_id.status, "formal")

    def test_probation_extension(self):
        candidate = self._candidate(
            stage_id=self.probationary.id,
            date_probationary="2024-06-01",
            political_review_done=True,
            training_hours=24,
        )
        self.assertEqual(candidate.date_probation_end.isoformat(), "2025-06-01")
        with freeze_time("2025-05-05"):
            self.assertIn(candidate, self.Candidate._cron_probation_reminders())
        candidate.probation_extension_months = 6
        self.assertEqual(candidate.date_probation_end.isoformat(), "2025-12-01")
        self.assertFalse(candidate.probation_reminded, "the new end is reminded again")
        with freeze_time("2025-06-02"), self.assertRaisesRegex(UserError, "测试申请人.*18.*2025-12-01"):
            candidate.action_next_stage()
        with freeze_time("2025-11-05"):
            self.assertIn(candidate, self.Candidate._cron_probation_reminders())
        with freeze_time("2025-12-01"):
            candidate.action_next_stage()
        self.assertEqual(candidate.member_id.status, "formal")
        with self.assertRaisesRegex(ValidationError, "测试申请人.*13"):
            candidate.probation_extension_months = 13
        # The probation is data: a shorter rule moves the end of those still on probation.
        other = self._candidate(
            name="测试预备党员三",
            id_number=resident_id("420115", "19950505", 113),
            stage_id=self.probationary.id,
            date_probationary="2024-06-01",
            political_review_done=True,
            training_hours=24,
        )
        self.formal.min_months = 10
        self.assertEqual(other.date_probation_end.isoformat(), "2025-04-01")

    def test_secretary_scope(self):
        own = self._candidate()
        other = self._candidate(
            name="乙支部申请人",
            id_number=resident_id("420115", "19970101", 219),
            organization_id=self.branch_b1.id,
        )
        Candidate = self.Candidate.with_user(self.secretary_a)
        self.assertEqual(Candidate.search([("id", "in", (own | other).ids)]), own)
        with self.assertRaises(AccessError):
            Candidate.browse(other.id).read(["name"])
        with self.assertRaises(AccessError):
            Candidate.create({"name": "越权", "organization_id": self.branch_b1.id})
        groups = Candidate.read_group([], ["stage_id"], ["stage_id"])
        self.assertEqual(sum(group["stage_id_count"] for group in groups), 1)
        # The secretary moves an own candidate along; the ID number stays officer-only.
        with freeze_time("2023-02-01"):
            Candidate.browse(own.id).action_next_stage()
        self.assertEqual(own.stage_id, self.activist)
        self.assertNotEqual(Candidate.browse(own.id).resident_id_masked, own.id_number)
        with self.assertRaises(AccessError):
            Candidate.browse(own.id).read(["id_number"])
