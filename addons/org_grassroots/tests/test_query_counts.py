import logging
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.org_base.tests.common import cron_progress

from .common import GrassrootsCommon, resident_id

_logger = logging.getLogger(__name__)

SMALL, LARGE = 8, 40
TOLERANCE = 2


@tagged("post_install", "-at_install")
class TestQueryCounts(GrassrootsCommon):
    """Crons and first pages issue the same number of queries whatever the number of records
    (B2 of BENCHMARKS.md): counted at two sizes, they may differ by two queries at most."""

    def _count(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        function()  # warm the caches (views, rules, translations)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _assert_same(self, name, small, large):
        _logger.info("%s: %s queries for %s records, %s for %s", name, small, SMALL, large, LARGE)
        self.assertLessEqual(
            abs(large - small), TOLERANCE, f"{name}: {small} queries for {SMALL} records, {large} for {LARGE}"
        )

    def _cron_count(self, name, prepare, cron):
        counts = []
        # A first round of two records warms the caches (views, rules, translations, ORM).
        for size in (2, SMALL, LARGE):
            with self.env.cr.savepoint(flush=False) as savepoint:
                prepare(size)
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                done = cron()
                self.env.flush_all()
                counts.append(self.env.cr.sql_log_count - before)
                self.assertGreaterEqual(len(done), size, name)
                savepoint.rollback()
            self.env.invalidate_all()
        self._assert_same(name, *counts[1:])

    def _cron_batched(self, name, prepare, cron, cron_xmlid):
        """The cron over 2 and over 12 records due, with batches of 2 (and the ORM's INSERT and
        UPDATE statements of 2 rows, as 100 rows are at the real size, B2's 10,000 records):
        each run handles one batch at the same cost however many wait, and tells the cron
        worker whether some wait."""
        counts = []
        with (
            patch("odoo.models.INSERT_BATCH_SIZE", 2),
            patch("odoo.models.UPDATE_BATCH_SIZE", 2),
        ):
            # A first run warms the caches up.
            for size in (2, 2, 12):
                with self.env.cr.savepoint(flush=False) as savepoint:
                    prepare(size)
                    progress = cron_progress(self.env, cron_xmlid)
                    run = getattr(cron.__self__.with_context(ir_cron_progress_id=progress.id), cron.__name__)
                    self.env.flush_all()
                    self.env.invalidate_all()
                    before = self.env.cr.sql_log_count
                    done = run(batch_size=2)
                    self.env.flush_all()
                    counts.append(self.env.cr.sql_log_count - before)
                    self.assertEqual(len(done), 2, f"{name}: one batch of the {size} records handled")
                    self.assertEqual((progress.done, bool(progress.remaining)), (2, size > 2), name)
                    savepoint.rollback()
                self.env.invalidate_all()
        self.assertEqual(counts[1], counts[2], f"{name}: {counts[1]} queries for 2 due, {counts[2]} for 12")

    def _branches(self, size, **vals):
        return self.env["org.party.organization"].create(
            [
                {"name": f"计数支部{index}", "kind": "branch", "parent_id": self.org_a.id, **vals}
                for index in range(size)
            ]
        )

    # Crons

    def test_reelection_cron(self):
        def prepare(size):
            self._branches(size, date_term_start="2021-08-01")

        with freeze_time("2024-04-03"):
            self._cron_count(
                "re-election cron",
                prepare,
                lambda: self.env["org.party.organization"]._cron_reelection_reminders(),
            )

    def test_compliance_cron(self):
        theme_day = self.env.ref("org_grassroots.meeting_type_theme_day")

        def prepare(size):
            # One type only: the rows then fit in one INSERT batch (100 rows) at both sizes.
            self.env["org.party.meeting.type"].search([("id", "!=", theme_day.id)]).active = False
            branches = self._branches(size)
            self.env["org.party.meeting"].create(
                [
                    {
                        "name": "主题党日",
                        "organization_id": branch.id,
                        "type_id": theme_day.id,
                        "date": "2024-03-12",
                        "expected_count": 1,
                        "present_count": 1,
                    }
                    for branch in branches[::2]
                ]
            )

        with freeze_time("2024-04-03"):
            self._cron_count(
                "compliance cron",
                prepare,
                lambda: self.env["org.party.meeting.compliance"]._cron_meeting_compliance(),
            )

    def test_probation_cron(self):
        stage = self.env.ref("org_grassroots.candidate_stage_probationary")
        introducer = self.env["org.party.member"].create(
            {"name": "介绍人", "organization_id": self.branch_a2.id, "status": "formal"}
        )
        admission = {  # two introducers, a 公示 of 5 working days and a passed 预审
            "date_application": "2021-06-01",
            "introducer_1_id": self.member_a1.id,
            "introducer_2_id": introducer.id,
            "date_publicity_start": "2023-05-15",
            "date_publicity_end": "2023-05-19",
            "date_pre_examination": "2023-05-22",
            "pre_examination_result": "passed",
        }

        def prepare(size):
            self.env["org.party.candidate"].create(
                [
                    {
                        "name": f"预备{index}",
                        "organization_id": self.branch_a1.id,
                        "stage_id": stage.id,
                        "date_probationary": "2023-06-01",
                        "political_review_done": True,
                        "training_hours": 24,
                        **admission,
                    }
                    for index in range(size)
                ]
            )

        with freeze_time("2024-05-20"):
            cron = self.env["org.party.candidate"]._cron_probation_reminders
            self._cron_count("probation cron", prepare, cron)
            self._cron_batched("probation cron", prepare, cron, "org_grassroots.ir_cron_probation_reminders")

    def test_report_reply_cron(self):
        def prepare(size):
            reports = self.env["org.party.report"].create(
                [
                    {"name": f"请示{index}", "organization_id": self.branch_a1.id, "content": "<p>内容</p>"}
                    for index in range(size)
                ]
            )
            with freeze_time("2024-05-01"):
                reports.action_submit()

        with freeze_time("2024-05-20"):
            cron = self.env["org.party.report"]._cron_reply_reminders
            self._cron_count("report reply cron", prepare, cron)
            self._cron_batched(
                "report reply cron", prepare, cron, "org_grassroots.ir_cron_report_reply_reminders"
            )

    def test_refresh_party_standing_cron(self):
        """党龄 of members whose anniversary passed: flat with the number of members, batched."""

        def prepare(size):
            # The other members' 党龄 up to date: only these are due.
            self.env["org.party.member"]._cron_refresh_party_standing(batch_size=None)
            self._members(size, date_join="2010-03-01", date_formal="2011-03-01")
            self.env.flush_all()
            self.env.cr.execute(
                "UPDATE org_party_member SET party_standing_years = -1 WHERE name LIKE '计数党员%%'"
            )
            self.env.invalidate_all()

        with freeze_time("2024-04-03"):
            cron = self.env["org.party.member"]._cron_refresh_party_standing
            self._cron_count("party standing cron", prepare, cron)
            self._cron_batched(
                "party standing cron", prepare, cron, "org_grassroots.ir_cron_refresh_party_standing"
            )

    def test_member_save_checks_its_rules_once(self):
        """One constraint checks a member's rules (the introducers' among them): a save, and
        each row of a roster import, evaluates them once, not once per constraint (B1)."""
        Member = self.env["org.party.member"]
        original = type(Member)._org_rule_messages
        checked = []

        def counting(record):
            checked.append(record.name)
            return original(record)

        with patch.object(type(Member), "_org_rule_messages", counting):
            member = Member.create(
                {
                    "name": "规则党员",
                    "organization_id": self.branch_a1.id,
                    "status": "probationary",
                    "date_join": "2024-07-01",
                    "introducer_1_id": self.member_a1.id,
                }
            )
            self.assertEqual(checked, ["规则党员"])
            member.write({"date_join": "2024-06-01", "introducer_1_id": False})
            self.assertEqual(checked, ["规则党员"] * 2)

    # First pages, as the web client asks for them

    def _spec(self, model, user, view_type, view_id=False):
        # The fields of the view as the user gets it (without those of groups they lack).
        views = self.env[model].with_user(user).get_views([(view_id, view_type)])
        fields_info = views["models"][model]["fields"]
        spec = {}
        for name, info in fields_info.items():
            if info["type"] == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
            elif info["type"] in ("one2many", "many2many"):
                spec[name] = {"fields": {}}
            else:
                spec[name] = {}
        return spec

    def _list_page(self, model, user, domain=()):
        Model = self.env[model].with_user(user)
        spec = self._spec(model, user, "list")
        return lambda: Model.web_search_read(list(domain), spec, limit=80)

    def _kanban_page(self, model, user, domain, groupby, view_id=False):
        Model = self.env[model].with_user(user)
        spec = self._spec(model, user, "kanban", view_id)

        def page():
            groups = Model.web_read_group(list(domain), [groupby], [groupby], limit=80, lazy=True)["groups"]
            for group in groups:
                Model.web_search_read(group["__domain"], spec, limit=40)

        return page

    def _page_counts(self, name, prepare, page):
        counts = []
        for size in (SMALL, LARGE):
            with self.env.cr.savepoint(flush=False) as savepoint:
                prepare(size)
                counts.append(self._count(page))
                savepoint.rollback()
            self.env.invalidate_all()
        self._assert_same(name, *counts)

    def _members(self, size, **vals):
        self.env["org.party.member"].create(
            [
                {
                    "name": f"计数党员{index}",
                    "id_number": resident_id("420115", "19800101", 100 + index),
                    "organization_id": (self.branch_a1 if index % 2 else self.branch_a2).id,
                    "status": "formal",
                    **vals,
                }
                for index in range(size)
            ]
        )

    def test_member_list(self):
        for user in (self.user_officer, self.secretary_a):
            self._page_counts(
                f"member list ({user.login})", self._members, self._list_page("org.party.member", user)
            )

    def test_organization_list(self):
        for user in (self.user_officer, self.secretary_a):
            self._page_counts(
                f"organization list ({user.login})",
                self._branches,
                self._list_page("org.party.organization", user),
            )

    def test_meeting_list(self):
        lecture = self.env.ref("org_grassroots.meeting_type_party_lecture")

        def prepare(size):
            self.env["org.party.meeting"].create(
                [
                    {
                        "name": f"党课{index}",
                        "organization_id": self.branch_a1.id,
                        "type_id": lecture.id,
                        "date": f"2024-{index % 12 + 1:02d}-05",
                        "attendee_ids": [(6, 0, self.member_a1.ids)],
                    }
                    for index in range(size)
                ]
            )

        for user in (self.user_officer, self.secretary_a):
            self._page_counts(
                f"meeting list ({user.login})", prepare, self._list_page("org.party.meeting", user)
            )

    def test_candidate_kanban(self):
        stages = self.env["org.party.candidate.stage"].search([])

        def prepare(size):
            self.env["org.party.candidate"].create(
                [
                    {
                        "name": f"申请人{index}",
                        "organization_id": self.branch_a1.id,
                        "stage_id": stages[index % 2].id,
                    }
                    for index in range(size)
                ]
            )

        for user in (self.user_officer, self.secretary_a):
            self._page_counts(
                f"candidate kanban ({user.login})",
                prepare,
                self._kanban_page("org.party.candidate", user, [], "stage_id"),
            )

    def test_happiness_kanban(self):
        board = self.env.ref("org_grassroots.project_happiness")
        stages = board.type_ids
        category = self.env.ref("org_grassroots.happiness_category_parking")

        def prepare(size):
            self.env["project.task"].create(
                [
                    {
                        "name": f"事项{index}",
                        "project_id": board.id,
                        "stage_id": stages[index % 3].id,
                        "org_party_organization_id": self.branch_a1.id,
                        "org_happiness_category_id": category.id,
                        "org_happiness_community": "计数小区",
                    }
                    for index in range(size)
                ]
            )

        domain = [("org_board_type_id.code", "=", "happiness")]
        view = self.env.ref("org_grassroots.project_task_view_kanban_happiness")
        for user in (self.user_officer, self.secretary_a):
            self._page_counts(
                f"happiness kanban ({user.login})",
                prepare,
                self._kanban_page("project.task", user, domain, "stage_id", view.id),
            )
