import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CadreCommon


@tagged("post_install", "-at_install")
class TestAppointment(CadreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A Monday-to-Friday calendar with a public holiday on Wednesday 2024-05-01.
        cls.calendar = cls.env["resource.calendar"].create({"name": "测试工作日", "tz": "Asia/Shanghai"})
        cls.env.company.resource_calendar_id = cls.calendar
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "劳动节",
                "calendar_id": cls.calendar.id,
                "date_from": datetime.datetime(2024, 4, 30, 16, 0),
                "date_to": datetime.datetime(2024, 5, 1, 15, 59),
            }
        )

    def _appointment(self, **vals):
        return (
            self.env["org.cadre.appointment"]
            .with_user(self.user_officer)
            .create({"name": "招商局局长", "employee_ids": [(6, 0, self.cadre.ids)], **vals})
        )

    def _tick_stage(self, appointment):
        attachment = self.env["ir.attachment"].create({"name": "材料.pdf", "raw": b"%PDF-1.4"})
        for line in appointment._checklist_open_required_lines():
            vals = {"done": True}
            if line.evidence_required:
                vals["attachment_ids"] = [(6, 0, attachment.ids)]
            line.write(vals)

    def _advance(self, appointment, until):
        while appointment.state != until:
            self._tick_stage(appointment)
            if appointment.state == "decision" and not appointment.decision_members_due:
                # 9 members due, 7 present, 5 for: quorate and passed.
                appointment.write(
                    {
                        "decision_members_due": 9,
                        "decision_members_present": 7,
                        "decision_votes_for": 5,
                        "decision_votes_against": 1,
                        "decision_votes_abstain": 1,
                    }
                )
            appointment.action_next_stage()

    def test_stages_in_order_with_checklists(self):
        appointment = self._appointment()
        self.assertEqual(appointment.state, "analysis")
        self.assertTrue(appointment.reference.startswith("XBRY"))
        self.assertTrue(appointment.checklist_line_ids, "the first stage's checklist is applied")
        with self.assertRaisesRegex(UserError, "no stage can be skipped"):
            appointment.write({"state": "inspection"})
        with self.assertRaisesRegex(UserError, "required items"):
            appointment.action_next_stage()
        self._tick_stage(appointment)
        appointment.action_next_stage()
        self.assertEqual(appointment.state, "recommendation")
        recommendation_items = self.env.ref("org_cadre.checklist_appointment_recommendation").item_ids
        self.assertTrue(recommendation_items <= appointment.checklist_line_ids.template_item_id)

    def test_evidence_needed_for_documents(self):
        appointment = self._appointment()
        line = appointment._checklist_open_required_lines().filtered("evidence_required")[:1]
        self.assertTrue(line)
        with self.assertRaisesRegex(Exception, "evidence"):
            line.write({"done": True})

    def test_publicity_counts_working_days_and_holidays(self):
        appointment = self._appointment()
        with freeze_time("2024-04-26"):
            self._advance(appointment, "publicity")
        # Publicity from Monday 2024-04-29: Mon, Tue, (holiday Wed), Thu, Fri, Mon.
        appointment.date_publicity_start = datetime.date(2024, 4, 29)
        self.assertEqual(appointment.date_publicity_end, datetime.date(2024, 5, 6))
        self._tick_stage(appointment)
        with freeze_time("2024-05-06"), self.assertRaisesRegex(UserError, "working days"):
            appointment.action_next_stage()
        with freeze_time("2024-05-07"):
            appointment.action_next_stage()
        self.assertEqual(appointment.state, "appointed")
        self.assertEqual(appointment.date_appointed, datetime.date(2024, 5, 7))
        self.assertEqual(appointment.date_probation_end, datetime.date(2025, 5, 7))

    def test_publicity_days_configurable(self):
        self.env.company.cadre_publicity_days = 7
        appointment = self._appointment(date_publicity_start="2024-04-29")
        self.assertEqual(appointment.date_publicity_end, datetime.date(2024, 5, 8))

    def test_probation_then_review(self):
        appointment = self._appointment()
        with freeze_time("2024-04-01"):
            self._advance(appointment, "publicity")
        with freeze_time("2024-04-20"):
            self._advance(appointment, "appointed")
        self._tick_stage(appointment)
        with freeze_time("2024-06-01"), self.assertRaisesRegex(UserError, "probation runs"):
            appointment.action_next_stage()
        with freeze_time("2025-04-21"):
            appointment.action_next_stage()
            self.assertEqual(appointment.state, "probation_review")
            self._tick_stage(appointment)
            with self.assertRaisesRegex(UserError, "result"):
                appointment.action_next_stage()
            appointment.action_probation_passed()
        self.assertEqual(appointment.state, "done")

    def test_without_probation_done_after_appointment(self):
        appointment = self._appointment(has_probation=False)
        with freeze_time("2024-04-01"):
            self._advance(appointment, "publicity")
        with freeze_time("2024-04-20"):
            self._advance(appointment, "appointed")
            self._tick_stage(appointment)
            appointment.action_next_stage()
        self.assertEqual(appointment.state, "done")
        with self.assertRaisesRegex(UserError, "cannot be cancelled"):
            appointment.action_cancel()

    def test_candidate_under_admonishment_not_promoted(self):
        self.env["org.cadre.supervision"].create(
            {"employee_id": self.cadre.id, "kind": "admonishment", "date": "2024-03-01", "reason": "测试"}
        )
        appointment = self._appointment()
        with freeze_time("2024-04-01"):
            self._advance(appointment, "recommendation")
            self._tick_stage(appointment)
            # 任用条例 art. 24 (六): not even listed for inspection while the effect runs.
            with self.assertRaisesRegex(UserError, "测试干部甲 cannot be promoted"), self.env.cr.savepoint():
                appointment.action_next_stage()
        self.assertEqual(appointment.state, "recommendation")
        with freeze_time("2024-09-02"):
            appointment.action_next_stage()
        self.assertEqual(appointment.state, "inspection")

    def test_cron_publicity_end(self):
        appointment = self._appointment()
        with freeze_time("2024-04-26"):
            self._advance(appointment, "publicity")
        appointment.date_publicity_start = "2024-04-29"
        Appointment = self.env["org.cadre.appointment"]
        with freeze_time("2024-05-06"):
            Appointment._cron_publicity_end()
        self.assertFalse(appointment.activity_ids)
        with freeze_time("2024-05-07"):
            Appointment._cron_publicity_end()
            Appointment._cron_publicity_end()
        self.assertEqual(len(appointment.activity_ids), 1, "idempotent")
        self.assertEqual(appointment.activity_ids.user_id, self.user_officer)

    def test_cron_probation_end(self):
        appointment = self._appointment()
        with freeze_time("2024-04-01"):
            self._advance(appointment, "publicity")
        with freeze_time("2024-04-20"):
            self._advance(appointment, "appointed")
        Appointment = self.env["org.cadre.appointment"]
        with freeze_time("2025-04-19"):
            Appointment._cron_probation_end()
        self.assertFalse(appointment.activity_ids)
        with freeze_time("2025-04-20"):
            Appointment._cron_probation_end()
            Appointment._cron_probation_end()
        self.assertEqual(len(appointment.activity_ids), 1)

    def test_kanban_shows_every_stage(self):
        self._appointment()
        groups = (
            self.env["org.cadre.appointment"]
            .with_user(self.user_officer)
            .web_read_group([], ["state"], ["state"])
        )
        states = [group["state"] for group in groups["groups"]]
        self.assertEqual(
            states,
            [
                "analysis",
                "recommendation",
                "inspection",
                "decision",
                "publicity",
                "appointed",
                "probation_review",
                "done",
            ],
        )

    def test_leader_reads_but_does_not_change(self):
        appointment = self._appointment()
        self.assertEqual(appointment.with_user(self.user_leader).name, "招商局局长")
        with self.assertRaises(AccessError):
            appointment.with_user(self.user_leader).write({"name": "x"})

    def test_appointment_updates_the_dossier(self):
        """任职: 现任职务 and 任现职时间 follow the appointment, the open 简历 line closes on the
        appointment date and a new one starts; both chatters say so."""
        self.cadre.cadre_resume_line_ids = [
            (0, 0, {"date_start": "2016-09-01", "name": "经开区招商局副局长"})
        ]
        open_line = self.cadre.cadre_resume_line_ids.filtered(lambda line: not line.date_end)
        department = self.env["hr.department"].create({"name": "经开区招商局"})
        appointment = self._appointment(department_id=department.id, name="局长")
        with freeze_time("2024-04-01"):
            self._advance(appointment, "publicity")
        self.assertEqual(self.cadre.cadre_current_post, "经开区招商局副局长", "nothing changes before 任职")
        with freeze_time("2024-04-20"):
            self._advance(appointment, "appointed")
        self.assertEqual(self.cadre.cadre_current_post, "经开区招商局局长")
        self.assertEqual(self.cadre.cadre_current_post_date, datetime.date(2024, 4, 20))
        self.assertEqual(open_line.date_end, datetime.date(2024, 4, 20))
        new_line = (
            self.cadre.cadre_resume_line_ids
            - open_line
            - self.cadre.cadre_resume_line_ids.filtered("date_end")
        )
        self.assertEqual(new_line.mapped("name"), ["经开区招商局局长"])
        self.assertEqual(new_line.date_start, datetime.date(2024, 4, 20))
        self.assertIn("经开区招商局局长", self.cadre.message_ids[0].body)
        self.assertIn("经开区招商局局长", appointment.message_ids.mapped("body")[0])
        self.assertIn(appointment, self.cadre.cadre_appointment_ids)
        # Later stages leave the dossier as the officer edits it.
        self.cadre.cadre_current_post = "经开区招商局局长（主持工作）"
        self._tick_stage(appointment)
        with freeze_time("2025-04-21"):
            appointment.action_next_stage()
        self.assertEqual(self.cadre.cadre_current_post, "经开区招商局局长（主持工作）")
        self.assertEqual(len(self.cadre.cadre_resume_line_ids.filtered(lambda line: not line.date_end)), 1)

    def test_checklist_reads_stage_by_stage(self):
        appointment = self._appointment()
        self._tick_stage(appointment)
        appointment.action_next_stage()
        appointment.invalidate_recordset(["checklist_line_ids"])
        stages = appointment.checklist_line_ids.mapped("cadre_stage")
        self.assertEqual(stages, ["analysis", "analysis", "recommendation", "recommendation"])
