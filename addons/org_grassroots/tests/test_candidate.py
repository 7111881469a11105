from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import GrassrootsCommon, resident_id
from .rules import RefusalMixin


@tagged("post_install", "-at_install")
class TestCandidate(RefusalMixin, GrassrootsCommon):
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
        cls.introducer = cls.env["org.party.member"].create(
            {
                "name": "测试介绍人",
                "id_number": resident_id("420115", "19800202", 611),
                "organization_id": cls.branch_a2.id,
                "status": "formal",
                "date_join": "2005-07-01",
                "date_formal": "2006-07-01",
            }
        )

    def _admission(self, admitted):
        """What admission (预备党员) asks: two introducers, a 公示 of 5 working days (Monday to
        Friday) and a passed 预审, all before ``admitted``."""
        admitted = fields.Date.to_date(admitted)
        monday = admitted - timedelta(days=admitted.weekday() + 14)
        return {
            "introducer_1_id": self.member_a1.id,
            "introducer_2_id": self.introducer.id,
            "date_publicity_start": monday,
            "date_publicity_end": monday + timedelta(days=4),
            "date_pre_examination": monday + timedelta(days=7),
            "pre_examination_result": "passed",
        }

    def _probationary(self, admitted="2024-06-01", **vals):
        values = {
            "stage_id": self.probationary.id,
            "date_application": "2021-06-01",
            "date_activist": "2022-01-01",
            "date_development": "2023-01-10",
            "date_probationary": admitted,
            "political_review_done": True,
            "training_hours": 24,
            **self._admission(admitted),
        }
        values.update(vals)
        return self._candidate(**values)

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
        with freeze_time("2024-02-20"), self.assertRefused(UserError, "测试申请人.*2024-03-01"):
            candidate.action_next_stage()
        self.assertEqual(candidate.stage_id, self.activist, "nothing half-written")
        with freeze_time("2024-03-01"):
            candidate.action_next_stage()
        self.assertEqual(candidate.stage_id, self.development)
        with freeze_time("2024-06-01"), self.assertRefused(UserError, "测试申请人.*政审"):
            candidate.action_next_stage()
        candidate.political_review_done = True
        candidate.training_hours = 16
        with freeze_time("2024-06-01"), self.assertRefused(UserError, "测试申请人.*24"):
            candidate.action_next_stage()
        candidate.training_hours = 24
        with freeze_time("2024-06-01"), self.assertRefused(UserError, "测试申请人.*introducers"):
            candidate.action_next_stage()
        candidate.write(self._admission("2024-06-01"))
        with freeze_time("2024-06-01"):
            candidate.action_next_stage()
        member = candidate.member_id
        self.assertEqual(member.status, "probationary")
        self.assertEqual(member.date_join.isoformat(), "2024-06-01")
        self.assertEqual(member.organization_id, self.branch_a1)
        self.assertEqual(member.id_number, candidate.id_number)
        self.assertEqual(
            (member.introducer_1_id, member.introducer_2_id, member.join_organization_id),
            (candidate.introducer_1_id, candidate.introducer_2_id, self.branch_a1),
            "the introducers and the branch of the admission follow the new member",
        )
        self.assertTrue(member.introducer_1_id)
        with freeze_time("2025-05-01"), self.assertRefused(UserError, "1年|12"):
            candidate.action_next_stage()
        with freeze_time("2025-06-10"):
            candidate.action_next_stage()
        self.assertEqual(member.status, "formal")
        self.assertEqual(member.date_formal.isoformat(), "2025-06-01", "the end of probation, not the click")
        self.assertEqual(candidate.date_formal.isoformat(), "2025-06-01")
        self.assertEqual(member.date_formal_recorded.isoformat(), "2025-06-10")
        self.assertTrue(member.formal_late, "recorded after the probation ended: marked")
        with self.assertRefused(UserError, "测试申请人"):
            candidate.action_next_stage()
        with self.assertRefused(UserError, "go back"):
            candidate.stage_id = self.activist

    def test_kanban_drag_cannot_skip_a_stage(self):
        candidate = self._candidate()
        with self.assertRefused(UserError, "测试申请人.*skip"):
            candidate.write({"stage_id": self.development.id})
        self.assertEqual(candidate.stage_id, self.applicant)

    def test_applicant_must_be_of_age(self):
        with self.assertRefused(UserError, "未成年|younger"):
            self._candidate(id_number=resident_id("420115", "20080101", 317), date_application="2024-06-01")

    def test_stage_rules_are_data(self):
        self.development.min_months = 6
        candidate = self._candidate(stage_id=self.activist.id, date_activist="2024-01-01")
        with freeze_time("2024-07-02"):
            candidate.action_next_stage()
        self.assertEqual(candidate.stage_id, self.development)

    def test_probation_reminder_cron(self):
        candidate = self._probationary()
        other = self._probationary(
            "2024-08-01",
            name="测试预备党员二",
            id_number=resident_id("420115", "19960101", 215),
            organization_id=self.branch_b1.id,
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
        candidate = self._probationary()
        self.assertEqual(candidate.date_probation_end.isoformat(), "2025-06-01")
        with freeze_time("2025-05-05"):
            self.assertIn(candidate, self.Candidate._cron_probation_reminders())
        candidate.probation_extension_months = 6
        self.assertEqual(candidate.date_probation_end.isoformat(), "2025-12-01")
        self.assertFalse(candidate.probation_reminded, "the new end is reminded again")
        with freeze_time("2025-06-02"), self.assertRefused(UserError, "测试申请人.*18.*2025-12-01"):
            candidate.action_next_stage()
        with freeze_time("2025-11-05"):
            self.assertIn(candidate, self.Candidate._cron_probation_reminders())
        with freeze_time("2025-12-01"):
            candidate.action_next_stage()
        self.assertEqual(candidate.member_id.status, "formal")
        self.assertEqual(candidate.member_id.date_formal.isoformat(), "2025-12-01")
        self.assertEqual(candidate.member_id.probation_extension_months, 6)
        with self.assertRefused(UserError, "测试申请人.*once"):
            candidate.probation_extension_months = 12
        self.assertEqual(candidate.probation_extension_months, 6)
        # The probation is data: a shorter rule moves the end of those still on probation.
        other = self._probationary(name="测试预备党员三", id_number=resident_id("420115", "19950505", 113))
        self.formal.min_months = 10
        self.assertEqual(other.date_probation_end.isoformat(), "2025-04-01")
        self.assertEqual(other.member_id.date_probation_end.isoformat(), "2025-04-01", "and of the member")

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

    def test_extension_is_six_to_twelve_months(self):
        candidate = self._probationary()
        for months in (3, 13):
            with self.assertRefused(ValidationError, f"测试申请人.*{months}.*6.*12"):
                candidate.probation_extension_months = months
        with self.assertRefused(ValidationError, "测试申请人二.*5"):
            self._probationary(
                name="测试申请人二",
                id_number=resident_id("420115", "19970707", 335),
                probation_extension_months=5,
            )
        candidate.probation_extension_months = 12
        self.assertEqual(candidate.date_probation_end.isoformat(), "2026-06-01")
        self.assertEqual(candidate.member_id.probation_extension_months, 12, "the member's probation follows")
        self.assertEqual(candidate.member_id.date_probation_end.isoformat(), "2026-06-01")

    def test_age_at_application_checked_at_every_stage(self):
        minor = resident_id("420115", "20060301", 317)
        # Created directly as an activist (taken over from paper files), aged 17 at application.
        with self.assertRefused(ValidationError, "测试申请人.*2023-06-01.*17.*18"):
            self._candidate(id_number=minor, stage_id=self.activist.id, date_application="2023-06-01")
        with self.assertRefused(ValidationError, "测试申请人.*2024-02-29.*18"):
            self._candidate(id_number=minor, stage_id=self.development.id, date_application="2024-02-29")
        adult = self._candidate(id_number=minor, stage_id=self.activist.id, date_application="2024-03-01")
        self.assertEqual(adult.stage_id, self.activist)
        # Write path: an earlier application date, or a birthday (ID number) that makes him younger.
        with self.assertRefused(ValidationError, "测试申请人.*younger"):
            adult.date_application = "2023-12-31"
        with self.assertRefused(ValidationError, "测试申请人.*younger"):
            adult.id_number = resident_id("420115", "20070301", 317)

    def test_dates_in_order_and_not_in_the_future(self):
        with freeze_time("2024-06-01"):
            with self.assertRefused(ValidationError, "测试申请人.*2024-07-01.*future"):
                self._candidate(date_application="2024-07-01")
            with self.assertRefused(ValidationError, "测试申请人.*2022-12-01.*before.*2023-01-05"):
                self._candidate(stage_id=self.activist.id, date_activist="2022-12-01")
            candidate = self._candidate(stage_id=self.activist.id, date_activist="2023-03-01")
            with self.assertRefused(ValidationError, "测试申请人.*talk.*2023-01-01.*before.*2023-01-05"):
                candidate.date_talk = "2023-01-01"
            with self.assertRefused(ValidationError, "测试申请人.*1990-01-01.*birth"):
                candidate.date_application = "1990-01-01"
            candidate.date_talk = "2023-01-20"
            self.assertEqual(candidate.date_talk.isoformat(), "2023-01-20")

    def test_talk_reminder_when_application_entered(self):
        with freeze_time("2024-03-10"):
            candidates = self.Candidate.create(
                [
                    {
                        "name": f"测试谈话{index}",
                        "organization_id": self.branch_a1.id,
                        "date_application": "2024-03-05",
                    }
                    for index in range(3)
                ]
                + [
                    {
                        "name": "已谈话",
                        "organization_id": self.branch_a1.id,
                        "date_application": "2024-03-05",
                        "date_talk": "2024-03-08",
                    }
                ]
            )
        talk = self.env.ref("org_grassroots.mail_activity_type_candidate_talk")
        reminded = candidates.filtered(lambda candidate: candidate.activity_ids.activity_type_id == talk)
        self.assertEqual(reminded, candidates[:3], "no reminder when the talk is recorded")
        activity = candidates[0].activity_ids
        self.assertEqual(
            (activity.user_id, activity.date_deadline.isoformat()), (self.secretary_a, "2024-04-05")
        )
        with freeze_time("2024-03-20"):
            candidates[0].with_user(self.secretary_a).date_talk = "2024-03-20"
        self.assertFalse(candidates[0].activity_ids, "recording the talk marks the reminder done")
        self.assertEqual(len(candidates[1].activity_ids), 1)

    def test_talk_reminders_cost_one_batch(self):
        def create(count):
            return self.Candidate.create(
                [
                    {
                        "name": f"批量{index}",
                        "organization_id": self.branch_a1.id,
                        "date_application": "2024-03-05",
                    }
                    for index in range(count)
                ]
            )

        create(1)  # warm the caches
        queries = []
        for count in (1, 10):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            created = create(count)
            queries.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(created.activity_ids), count)
        # The rules (stages read once per registry), the default stage and the talk reminders
        # (one batch) cost no query per candidate: ten cost what one does.
        self.assertEqual(queries[1], queries[0], queries)

    def test_introducers(self):
        candidate = self._candidate(stage_id=self.activist.id, date_activist="2023-03-01")
        with self.assertRefused(ValidationError, "测试申请人.*测试党员乙.*formal"):
            candidate.introducer_1_id = self.member_b1
        with self.assertRefused(ValidationError, "测试申请人.*测试党员甲.*twice"):
            candidate.write({"introducer_1_id": self.member_a1.id, "introducer_2_id": self.member_a1.id})
        candidate.write({"introducer_1_id": self.member_a1.id, "introducer_2_id": self.introducer.id})
        self.assertEqual(candidate.introducer_2_id, self.introducer)
        # Not the candidate himself (same person: same ID number).
        himself = self.Candidate.create(
            {
                "name": "测试介绍人",
                "id_number": self.introducer.id_number,
                "organization_id": self.branch_a2.id,
                "date_application": "2024-01-05",
            }
        )
        with self.assertRefused(ValidationError, "测试介绍人.*himself"):
            himself.introducer_1_id = self.introducer

    def test_publicity_and_pre_examination_before_admission(self):
        base = {"name": "测试发展对象", "id_number": resident_id("420115", "19990909", 131)}
        admission = self._admission("2024-06-01")
        # 4 working days: Monday to Thursday.
        short = dict(admission, date_publicity_end=admission["date_publicity_start"] + timedelta(days=3))
        with self.assertRefused(ValidationError, "测试发展对象.*4 working days.*5"):
            self._probationary(**base, **{k: v for k, v in short.items() if k.startswith("date_publicity")})
        # Monday to Monday over a weekend: 6 working days pass.
        long = dict(admission, date_publicity_end=admission["date_publicity_start"] + timedelta(days=7))
        self._probationary(**base, date_publicity_end=long["date_publicity_end"])
        with self.assertRefused(ValidationError, "测试二.*预审"):
            self._probationary(
                name="测试二",
                id_number=resident_id("420115", "19990910", 133),
                pre_examination_result="failed",
            )
        with self.assertRefused(ValidationError, "测试三.*公示"):
            self._probationary(
                name="测试三",
                id_number=resident_id("420115", "19990911", 135),
                date_publicity_start=False,
                date_publicity_end=False,
            )
        with self.assertRefused(ValidationError, "测试四.*2024-06-10.*after the admission"):
            self._probationary(
                name="测试四",
                id_number=resident_id("420115", "19990912", 137),
                date_pre_examination="2024-06-10",
            )
        # The kanban path: a development target without 公示 cannot be moved to admission.
        target = self._candidate(
            name="测试五",
            id_number=resident_id("420115", "19990913", 139),
            stage_id=self.development.id,
            date_activist="2023-02-01",
            date_development="2024-03-01",
            political_review_done=True,
            training_hours=24,
            introducer_1_id=self.member_a1.id,
            introducer_2_id=self.introducer.id,
        )
        with freeze_time("2024-06-01"), self.assertRefused(ValidationError, "测试五.*公示"):
            target.write({"stage_id": self.probationary.id})
        self.assertEqual(target.stage_id, self.development)

    def test_introducers_migrated_from_text(self):
        candidate = self._candidate(stage_id=self.activist.id, date_activist="2023-03-01")
        other = self._candidate(name="测试无介绍人", id_number=resident_id("420115", "19970101", 219))
        self.env.cr.execute(
            "UPDATE org_party_candidate SET introducers_note = %s WHERE id = %s",
            ["测试党员甲、 测试介绍人，不存在的人", candidate.id],
        )
        self.env.cr.execute(
            "UPDATE org_party_candidate SET introducers_note = %s WHERE id = %s", ["测试党员乙", other.id]
        )
        self.env.invalidate_all()
        changed = self.Candidate._org_migrate_introducers()
        self.assertEqual(changed, candidate, "测试党员乙 is probationary: not an introducer")
        self.assertEqual(
            (candidate.introducer_1_id, candidate.introducer_2_id, candidate.introducers_note),
            (self.member_a1, self.introducer, "不存在的人"),
        )
        self.assertEqual(other.introducers_note, "测试党员乙", "unmatched text kept")
        self.assertFalse(self.Candidate._org_migrate_introducers(), "idempotent")

    def _probation_queries(self, count, start, organizations):
        """Queries of the probation reminder over ``count`` new probationary members spread over
        ``organizations`` (each reminds its own secretary)."""
        candidates = self.Candidate.browse()
        for index in range(count):
            candidates |= self._probationary(
                name=f"测试预备党员{start + index}",
                id_number=resident_id("420115", "19970101", 101 + 2 * (start + index)),
                organization_id=organizations[index % len(organizations)].id,
            )
        self.env.flush_all()
        self.env.invalidate_all()
        with freeze_time("2025-05-05"):
            before = self.cr.sql_log_count
            reminded = self.Candidate._cron_probation_reminders()
            self.env.flush_all()
            queries = self.cr.sql_log_count - before
        self.assertEqual(reminded, candidates)
        return queries

    def test_probation_reminder_queries_2_vs_12(self):
        """The probation reminder costs as many queries for 12 members and their two secretaries
        as for 2 members of one branch (issue 19, B2): the reminded follow the records in one
        batch, not one secretary at a time."""
        self._probation_queries(1, 0, self.branch_a1)  # the caches of a first run
        small = self._probation_queries(2, 1, self.branch_a1)
        large = self._probation_queries(12, 3, self.branch_a1 + self.branch_b1)
        self.assertEqual(small, large)
        self.assertEqual(
            self.Candidate.search([("name", "like", "测试预备党员")]).activity_ids.user_id,
            self.secretary_a + self.secretary_b,
        )
