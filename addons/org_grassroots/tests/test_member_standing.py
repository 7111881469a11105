from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import GrassrootsCommon, resident_id
from .rules import RefusalMixin


class StandingCommon(RefusalMixin, GrassrootsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Member = cls.env["org.party.member"]
        cls.Event = cls.env["org.party.standing.event"]
        cls.Lost = cls.env["org.party.lost.contact"]
        cls.Mobility = cls.env["org.party.mobility"]
        cls.member = cls.Member.create(
            {
                "name": "测试党员王芳",
                "id_number": resident_id("420115", "19800504", 222),
                "organization_id": cls.branch_a1.id,
                "status": "formal",
                "date_join": "2004-06-01",
                "date_formal": "2005-06-01",
            }
        )

    def _item(self, dictionary, code):
        return self.env.ref(f"org_grassroots.{dictionary}_{code}")

    def _event(self, kind, date, user=None, **vals):
        values = {"member_id": self.member.id, "kind": kind, "date": date, "reason": "支部决定", **vals}
        return self.Event.with_user(user or self.env.user).create(values)


@tagged("post_install", "-at_install")
class TestMemberRegister(StandingCommon):
    def test_party_standing_years_and_band_from_the_formal_date(self):
        with freeze_time("2025-05-31"):
            self.member._cron_refresh_party_standing()
            self.assertEqual(self.member.party_standing_years, 19)
            self.assertEqual(self.member.party_standing_band_id, self._item("party_standing_band", "10"))
        with freeze_time("2025-06-01"):
            refreshed = self.Member._cron_refresh_party_standing()
            self.assertIn(self.member, refreshed)
            self.assertEqual(self.member.party_standing_years, 20)
            self.assertEqual(self.member.party_standing_band_id, self._item("party_standing_band", "20"))
            self.assertNotIn(self.member, self.Member._cron_refresh_party_standing(), "fresh: nothing to do")
        self.assertEqual(self.member_b1.party_standing_years, 0, "a probationary member has no 党龄")
        self.assertFalse(self.member_b1.party_standing_band_id)

    def test_statistics_group_by_the_register_fields(self):
        worker = self._item("job_category", "01")
        self.member.write({"job_category_id": worker.id, "native_place": "湖北武汉"})
        self.member_a1.job_category_id = self._item("job_category", "0501")
        groups = self.Member._read_group(
            [("id", "in", (self.member | self.member_a1).ids)],
            ["job_category_id", "party_standing_band_id"],
            ["__count"],
        )
        self.assertIn((worker, self.member.party_standing_band_id, 1), groups)
        self.assertEqual(len(groups), 2)

    def test_introducers(self):
        newcomer = self.Member.create(
            {"name": "测试党员新人", "organization_id": self.branch_a1.id, "date_join": "2024-07-01"}
        )
        newcomer.write({"introducer_1_id": self.member.id, "introducer_2_id": self.member_a1.id})
        self.assertEqual(newcomer.introducer_1_id, self.member)
        with self.assertRefused(ValidationError, "测试党员新人.*测试党员王芳.*twice"):
            newcomer.introducer_2_id = self.member
        with self.assertRefused(ValidationError, "测试党员新人.*测试党员乙.*not a formal"):
            newcomer.introducer_2_id = self.member_b1
        with self.assertRefused(ValidationError, "the member himself"):
            newcomer.introducer_2_id = newcomer
        with self.assertRefused(ValidationError, "became formal on 2011-07-01, after the admission"):
            self.member.write({"introducer_1_id": self.member_a1.id})
        self.assertEqual(newcomer.introducer_2_id, self.member_a1, "nothing stored")

    def test_link_employees_by_id_number(self):
        employee = self.env["hr.employee"].create(
            {"name": "测试党员王芳", "identification_id": self.member.sudo().id_number}
        )
        linked = (self.member | self.member_b1).action_link_employees()
        self.assertEqual(linked, self.member)
        self.assertEqual(self.member.employee_id, employee)
        # the list's action, as an officer
        self.member.employee_id = False
        action = self.env.ref("org_grassroots.org_party_member_action_link_employees").with_user(
            self.user_officer
        )
        action.with_context(active_model="org.party.member", active_ids=self.member.ids).run()
        self.assertEqual(self.member.employee_id, employee)
        self.assertFalse(self.member_b1.employee_id)


@tagged("post_install", "-at_install")
class TestPartyStanding(StandingCommon):
    def test_suspend_then_restore_with_chatter(self):
        suspension = self._event(
            "suspend", "2025-03-01", suspension_reason_id=self._item("party_suspension_reason", "02").id
        )
        # named by member, change and date (its label, not the code "suspend")
        self.assertEqual(suspension.display_name, "测试党员王芳 · Suspension of Membership · 2025-03-01")
        self.assertEqual(self.member.standing, "suspended")
        self.assertEqual(str(self.member.standing_date), "2025-03-01")
        self.assertIn("2025-03-01", self.member.message_ids[0].body)
        self.assertTrue(self.member.active)
        self._event("restore", "2025-09-01", reason="主动联系，经支部研究恢复党籍")
        self.assertEqual(self.member.standing, "normal")
        self.assertEqual(str(self.member.date_restored), "2025-09-01")
        self.assertIn("主动联系", self.member.message_ids[0].body)

    def test_restore_only_after_a_suspension(self):
        with self.assertRefused(ValidationError, "测试党员王芳.*restored only after a suspension"):
            self._event("restore", "2025-03-01")
        self.assertEqual(self.member.standing, "normal")
        self.assertFalse(self.member.standing_event_ids)

    def test_leaving_the_party_needs_its_way_and_ends_everything(self):
        with self.assertRefused(ValidationError, "测试党员王芳.*way"):
            self._event("exit", "2025-03-01")
        probation_only = self._item("party_exit_kind", "06")
        with self.assertRefused(ValidationError, "取消预备党员资格.*probationary members only"):
            self._event("exit", "2025-03-01", exit_kind_id=probation_only.id)
        expelled = self._item("party_exit_kind", "01")
        self._event("exit", "2025-03-01", exit_kind_id=expelled.id)
        self.assertEqual(self.member.standing, "exited")
        self.assertEqual(self.member.exit_kind_id, expelled)
        self.assertFalse(self.member.active, "no longer counted")
        for kind in ("restore", "suspend", "death"):
            with self.assertRefused(ValidationError, "nothing follows leaving"):
                self._event(
                    kind, "2025-04-01", suspension_reason_id=self._item("party_suspension_reason", "02").id
                )
        self.assertEqual(self.member.standing, "exited")

    def test_death_stops_party_standing_years(self):
        with freeze_time("2026-01-10"):
            self._event("death", "2025-05-31", reason=False)
            self.assertEqual(self.member.standing, "deceased")
            self.assertEqual(self.member.party_standing_years, 19, "counted to the death, not to today")

    def test_dates_in_order_and_not_in_the_future(self):
        with freeze_time("2025-05-01"):
            with self.assertRefused(ValidationError, "2025-06-01 is in the future"):
                self._event("death", "2025-06-01")
            with self.assertRefused(ValidationError, "before the member joined on 2004-06-01"):
                self._event("death", "2003-06-01")
            self._event(
                "suspend", "2025-03-01", suspension_reason_id=self._item("party_suspension_reason", "02").id
            )
            with self.assertRefused(ValidationError, "before the last change of standing"):
                self._event("restore", "2025-02-01")

    def test_suspension_for_lost_contact_after_six_months_of_search(self):
        lost_reason = self._item("party_suspension_reason", "01")
        with freeze_time("2025-06-01"):
            with self.assertRefused(ValidationError, "6 months.*no lost contact registered"):
                self._event("suspend", "2025-05-01", suspension_reason_id=lost_reason.id)
            lost = self.Lost.create({"member_id": self.member.id, "date_lost": "2025-01-10"})
            self.assertTrue(self.member.is_lost_contact)
            self.assertEqual(str(self.member.date_lost_contact), "2025-01-10")
            with self.assertRefused(ValidationError, "6 months.*2025-01-10"):
                self._event("suspend", "2025-06-01", suspension_reason_id=lost_reason.id)
            self.config_months = self.env["ir.config_parameter"].set_param(
                "org_grassroots.suspension_lost_months", "4"
            )
            self._event("suspend", "2025-06-01", suspension_reason_id=lost_reason.id)
            self.assertEqual(self.member.standing, "suspended")
            action = lost.action_suspend_standing()
            self.assertEqual(action["context"]["default_suspension_reason_id"], lost_reason.id)

    def test_standing_is_not_edited_freely(self):
        with self.assertRefused(UserError, "测试党员王芳.*only through a standing change"):
            self.member.with_user(self.user_officer).write({"standing": "exited"})
        self.assertEqual(self.member.standing, "normal")
        event = self._event("death", "2025-03-01")
        with self.assertRaises(AccessError):
            event.with_user(self.user_officer).write({"date": "2025-03-02"})
        with self.assertRaises(AccessError):
            event.with_user(self.secretary_a).unlink()

    def test_secretary_records_in_the_subtree_only(self):
        action = self.member.with_user(self.secretary_a).action_suspend_standing()
        self.assertEqual(action["res_model"], "org.party.standing.event")
        self.assertEqual(action["context"]["default_kind"], "suspend")
        form = Form(self.Event.with_user(self.secretary_a).with_context(**action["context"]))
        form.date = "2025-03-01"
        form.suspension_reason_id = self._item("party_suspension_reason", "02")
        form.reason = "出国定居"
        event = form.save()
        self.assertEqual(event.organization_id, self.branch_a1)
        self.assertEqual(self.member.standing, "suspended")
        self.assertEqual(self.Event.with_user(self.secretary_b).search([("id", "=", event.id)]).ids, [])
        with self.assertRaises(AccessError):
            self.Event.with_user(self.secretary_b).create(
                {
                    "member_id": self.member.id,
                    "kind": "restore",
                    "date": "2025-04-01",
                    "reason": "恢复",
                }
            )
        self.assertEqual(self.member.standing, "suspended")

    def test_refusal_in_chinese_names_the_member(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["org_grassroots"], ["zh_CN"], overwrite=True)
        with self.assertRaises(ValidationError) as caught:
            self.Event.with_user(self.secretary_a).with_context(lang="zh_CN").create(
                {"member_id": self.member.id, "kind": "restore", "date": "2025-03-01", "reason": "恢复"}
            )
        self.assertIn("测试党员王芳", str(caught.exception))
        self.assertIn("停止党籍", str(caught.exception))
        self.assertIn("恢复党籍", str(caught.exception))


@tagged("post_install", "-at_install")
class TestMobilityAndLostContact(StandingCommon):
    def test_going_away_and_coming_back(self):
        action = self.member.with_user(self.secretary_a).action_register_out()
        form = Form(self.Mobility.with_user(self.secretary_a).with_context(**action["context"]))
        form.destination = "广东深圳 某物流公司"
        form.reason_id = self._item("mobility_reason", "01")
        form.activity_card_number = "LD2025-001"
        form.contact = "13800000000"
        form.host_organization_name = "深圳某物流公司党支部"
        form.date_start = "2025-02-01"
        away = form.save()
        self.assertEqual(away.organization_id, self.branch_a1)
        self.assertTrue(self.member.is_mobile)
        with self.assertRefused(ValidationError, "测试党员王芳.*already registered as away"):
            self.Mobility.create(
                {"member_id": self.member.id, "destination": "上海", "date_start": "2025-03-01"}
            )
        self.member.with_user(self.secretary_a).action_register_return()
        self.assertEqual(away.state, "returned")
        self.assertTrue(away.date_end)
        self.assertFalse(self.member.is_mobile, "回流")
        with self.assertRefused(ValidationError, "before it started"):
            away.date_end = "2025-01-01"

    def test_coming_in_from_elsewhere(self):
        with self.assertRefused(ValidationError, "home organization outside the zone"):
            self.Mobility.create(
                {"kind": "in", "person_name": "测试流入李明", "organization_id": self.branch_a2.id}
            )
        with self.assertRefused(ValidationError, "resident ID number is invalid"):
            self.Mobility.create(
                {
                    "kind": "in",
                    "person_name": "测试流入李明",
                    "person_id_number": "420115198001010000",
                    "organization_id": self.branch_a2.id,
                    "origin_organization_name": "河南某村党支部",
                }
            )
        incoming = self.Mobility.with_user(self.secretary_a).create(
            {
                "kind": "in",
                "person_name": "测试流入李明",
                "organization_id": self.branch_a2.id,
                "origin_organization_name": "河南某村党支部",
                "activity_card_number": "LD-HN-9",
                "date_start": "2025-02-01",
            }
        )
        self.assertEqual(self.Mobility.with_user(self.secretary_b).search([("id", "=", incoming.id)]).ids, [])
        self.assertEqual(
            self.Member.search_count([("name", "=", "测试流入李明")]), 0, "not counted as a member here"
        )
        with self.assertRaises(AccessError):
            incoming.with_user(self.secretary_a).organization_id = self.branch_b1

    def test_lost_contact_with_its_search_log(self):
        lost = self.Lost.with_user(self.secretary_a).create(
            {"member_id": self.member.id, "date_lost": "2025-01-10"}
        )
        self.assertEqual(lost.organization_id, self.branch_a1)
        lost.with_user(self.secretary_a).write(
            {
                "step_ids": [
                    (
                        0,
                        0,
                        {
                            "date": "2025-01-15",
                            "method_id": self._item("lost_contact_method", "01").id,
                            "result": "电话停机",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "date": "2025-02-01",
                            "method_id": self._item("lost_contact_method", "02").id,
                            "result": "家属不知去向",
                        },
                    ),
                ]
            }
        )
        self.assertEqual(lost.step_count, 2)
        self.assertEqual(
            self.member.with_user(self.secretary_a).action_open_lost_contact()["res_id"], lost.id
        )
        with self.assertRefused(ValidationError, "before contact was lost on 2025-01-10"):
            lost.write(
                {
                    "step_ids": [
                        (
                            0,
                            0,
                            {"date": "2025-01-01", "method_id": self._item("lost_contact_method", "01").id},
                        )
                    ]
                }
            )
        with self.assertRefused(ValidationError, "already registered as lost contact"):
            self.Lost.create({"member_id": self.member.id, "date_lost": "2025-02-10"})
        self.assertEqual(self.Lost.with_user(self.secretary_b).search_count([("id", "=", lost.id)]), 0)
        self.assertEqual(
            self.env["org.party.lost.contact.step"]
            .with_user(self.secretary_b)
            .search_count([("lost_contact_id", "=", lost.id)]),
            0,
        )
        lost.with_user(self.secretary_a).action_found()
        self.assertEqual(lost.state, "found")
        self.assertFalse(self.member.is_lost_contact)


@tagged("post_install", "-at_install")
class TestInactivityReminder(StandingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secretary_branch = new_test_user(
            cls.env, "gr_secretary_branch", groups="org_grassroots.group_party_secretary"
        )
        cls.branch_a1.secretary_user_id = cls.secretary_branch
        cls.meeting_type = cls.env["org.party.meeting.type"].create({"name": "测试主题党日"})

    def _reminded(self):
        activity_type = self.env.ref("org_grassroots.mail_activity_type_inactive_member")
        return self.env["mail.activity"].search(
            [("res_model", "=", "org.party.member"), ("activity_type_id", "=", activity_type.id)]
        )

    def test_six_months_without_organizational_life(self):
        with freeze_time("2025-03-01"):
            self.env["org.party.meeting"].create(
                {
                    "name": "三月主题党日",
                    "organization_id": self.branch_a1.id,
                    "type_id": self.meeting_type.id,
                    "date": "2025-03-01",
                    "state": "held",
                    "attendee_ids": [(6, 0, self.member_a1.ids)],
                }
            )
        with freeze_time("2025-08-01"):
            self.Member._cron_inactivity_reminders()
            activities = self._reminded().filtered(lambda a: a.res_id in (self.member | self.member_a1).ids)
            self.assertEqual(
                activities.mapped("res_id"), self.member.ids, "the member with a meeting since is not"
            )
            self.assertEqual(activities.user_id, self.secretary_branch, "the branch secretary")
            self.assertIn("2025-02-01", activities.note)
            self.Member._cron_inactivity_reminders()
            self.assertEqual(len(self._reminded().filtered(lambda a: a.res_id == self.member.id)), 1, "once")
        with freeze_time("2025-09-02"):
            self.Member._cron_inactivity_reminders()
            self.assertIn(
                self.member_a1.id, self._reminded().mapped("res_id"), "six months after its meeting"
            )

    def test_hook_adds_a_reason(self):
        Member = type(self.Member)
        original = Member._org_inactivity_domains

        def with_dues(model, cutoff):
            return original(model, cutoff) + [([("id", "=", self.member_a1.id)], "no dues")]

        with freeze_time("2025-03-01"):
            self.env["org.party.meeting"].create(
                {
                    "name": "主题党日",
                    "organization_id": self.branch_a1.id,
                    "type_id": self.meeting_type.id,
                    "date": "2025-03-01",
                    "state": "held",
                    "attendee_ids": [(6, 0, (self.member | self.member_a1).ids)],
                }
            )
        with freeze_time("2025-04-01"):
            Member._org_inactivity_domains = with_dues
            try:
                self.Member._cron_inactivity_reminders()
            finally:
                Member._org_inactivity_domains = original
            reminded = self._reminded().filtered(lambda a: a.res_id in (self.member | self.member_a1).ids)
            self.assertEqual(reminded.mapped("res_id"), self.member_a1.ids)
            self.assertIn("no dues", reminded.note)

    def test_two_years_of_suspension_remind_the_removal(self):
        with freeze_time("2024-03-01"):
            self._event(
                "suspend", "2024-03-01", suspension_reason_id=self._item("party_suspension_reason", "02").id
            )
        with freeze_time("2026-02-28"):
            self.Member._cron_inactivity_reminders()
            self.assertNotIn(self.member.id, self._reminded().mapped("res_id"), "not two years yet")
        with freeze_time("2026-03-01"):
            self.Member._cron_inactivity_reminders()
            reminded = self._reminded().filtered(lambda a: a.res_id == self.member.id)
            self.assertEqual(len(reminded), 1)
            self.assertIn("2024-03-01", reminded.note)
            self.assertEqual(reminded.user_id, self.secretary_branch)
