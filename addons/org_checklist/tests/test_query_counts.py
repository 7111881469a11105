import ast
from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.org_base.tools.cron import BATCH_SIZE

from .test_board import OrgBoardCommon

# A first page is full at both sizes (more than 40 cards per column, 80 rows per list page):
# the client's count of a full page is one query, whatever the size.
SMALL = 100
LARGE = 300
# The cron at 10 and 300 overdue cards.
CRON_SMALL = 10


def view_specification(model, view_type, view_id=False):
    """What the web client asks ``web_search_read`` for: the view's top-level fields, with the
    display name of relations; and the view's arch."""
    arch = etree.fromstring(model.get_view(view_id, view_type)["arch"])
    spec = {}
    for node in arch.iter("field"):
        if any(ancestor.tag == "field" for ancestor in node.iterancestors()):
            continue
        field = model._fields.get(node.get("name"))
        if field is None:
            continue
        spec[field.name] = {"fields": {"display_name": {}}} if field.type in ("many2one", "many2many") else {}
    return spec, arch


def open_kanban(model, domain, view_id=False, group_by="stage_id"):
    """The calls of a grouped kanban's first page: the columns, their progress bars, then the
    first cards of each open column."""
    spec, arch = view_specification(model, "kanban", view_id)
    groups = model.web_read_group(domain, [group_by], [group_by], lazy=True)["groups"]
    progressbar = arch.find(".//progressbar")
    if progressbar is not None:
        model.read_progress_bar(domain, group_by, {"field": progressbar.get("field"), "colors": {}})
    for group in groups:
        if not group.get("__fold"):
            model.web_search_read(group["__domain"], spec, limit=40, count_limit=10001)


@tagged("post_install", "-at_install")
class TestBoardQueryCounts(OrgBoardCommon):
    """The first page of a board and the daily cron cost the same queries for a hundred cards as
    for three hundred (the cron: 10 and 300): a query per card (a missing prefetch, a search in
    a loop, an e-mail per reminder) fails here."""

    def _fill(self, count, **values):
        return (
            self.env["project.task"]
            .with_context(tracking_disable=True)
            .create(
                [
                    {
                        "name": f"卡片{index}",
                        "project_id": self.board.id,
                        "stage_id": (self.stage_todo, self.stage_doing)[index % 2].id,
                        "org_unit_id": self.unit.id,
                        "org_responsible_user_id": (self.responsible, self.other_officer)[index % 2].id,
                        "user_ids": [(6, 0, [(self.responsible, self.other_officer)[index % 2].id])],
                        **values,
                    }
                    for index in range(count)
                ]
            )
        )

    def _queries(self, func):
        """Queries of ``func`` with the record cache cold; a first call warms the registry."""
        func()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _assert_same(self, small, large, what, small_size=SMALL):
        # Fewer queries at the larger size is no regression (a one-off cache fill at the first).
        self.assertLessEqual(
            large - small, 2, f"{what}: {small} queries for {small_size} cards, {large} for {LARGE}"
        )

    def test_board_kanban_first_page(self):
        Task = (
            self.env["project.task"]
            .with_user(self.responsible)
            .with_context(default_project_id=self.board.id)
        )
        domain = [("project_id", "=", self.board.id)]
        self._fill(SMALL)
        small = self._queries(lambda: open_kanban(Task, domain))
        self._fill(LARGE - SMALL)
        large = self._queries(lambda: open_kanban(Task, domain))
        self._assert_same(small, large, "board kanban")

    def _statements(self, func):
        """The SQL statements of ``func`` with the record cache cold."""
        self.env.flush_all()
        self.env.invalidate_all()
        statements = []
        execute = type(self.env.cr).execute

        def logged(cr, query, params=None, log_exceptions=True):
            statements.append(getattr(query, "code", query))
            return execute(cr, query, params, log_exceptions)

        with patch.object(type(self.env.cr), "execute", logged):
            func()
        return statements

    def test_board_column_checks_access_in_one_query(self):
        """A kanban column of cards is checked against the read rules in one query (B6, B8):
        evaluating the board rules in Python read every card's followers (the rules' follower
        leaves), and each follower its card's access again, at each non-stored field."""
        Task = (
            self.env["project.task"]
            .with_user(self.responsible)
            .with_context(default_project_id=self.board.id)
        )
        spec, _arch = view_specification(Task, "kanban")
        self._fill(SMALL)
        domain = [("project_id", "=", self.board.id), ("stage_id", "=", self.stage_todo.id)]
        Task.web_search_read(domain, spec, limit=40, count_limit=10001)  # warm the registry
        statements = self._statements(lambda: Task.web_search_read(domain, spec, limit=40, count_limit=10001))
        # (The rules' own subqueries on the followers are part of the search's SQL.)
        followers = [query for query in statements if query.lstrip().startswith('SELECT "mail_followers"')]
        self.assertFalse(followers, "the column reads no follower to check its cards' access")
        # The check keeps the rules: a batch with a card the user may not read is refused; the
        # readable ones pass.
        employee = new_test_user(self.env, "board_employee", groups="base.group_user")
        own, other = self._fill(2)
        own.org_responsible_user_id = employee
        self.env.invalidate_all()
        self.assertEqual(own.with_user(employee).read(["display_name"])[0]["display_name"], own.display_name)
        with self.assertRaises(AccessError):
            (own | other).with_user(employee).read(["display_name", "tag_ids"])
        self.assertFalse((own | other).with_user(employee).has_access("read"))
        self.assertEqual((own | other).with_user(employee)._filtered_access("read"), own)

    def test_wall_kanban_first_page(self):
        """挂图作战: all open cards of all boards, grouped by deadline light."""
        action = self.env.ref("org_checklist.org_wall_action")
        view = self.env.ref("org_checklist.project_task_view_kanban_wall")
        Task = self.env["project.task"].with_user(self.responsible)
        domain = [*ast.literal_eval(action.domain), ("project_id", "=", self.board.id)]
        group_by = (
            etree.fromstring(Task.get_view(view.id, "kanban")["arch"]).get("default_group_by") or "stage_id"
        )
        self._fill(SMALL, date_deadline=datetime(2030, 1, 1))
        small = self._queries(lambda: open_kanban(Task, domain, view.id, group_by))
        self._fill(LARGE - SMALL, date_deadline=datetime(2030, 1, 1))
        large = self._queries(lambda: open_kanban(Task, domain, view.id, group_by))
        self._assert_same(small, large, "wall kanban")

    def test_board_list_first_page(self):
        Task = self.env["project.task"].with_user(self.responsible)
        spec, _arch = view_specification(Task, "list")
        domain = [("project_id", "=", self.board.id)]

        def first_page():
            Task.web_search_read(domain, spec, limit=80, count_limit=10001)

        self._fill(SMALL)
        small = self._queries(first_page)
        self._fill(LARGE - SMALL)
        large = self._queries(first_page)
        self._assert_same(small, large, "board list")

    @freeze_time("2026-06-10 02:00:00")
    def test_overdue_cron(self):
        """Reminding 10 or 300 overdue cards (two responsible people) costs the same queries;
        each run is rolled back so that both sizes do the same work per card. With 300 cards
        a run reminds one batch and leaves the rest to the next run."""
        Task = self.env["project.task"]

        def run_cron(**kwargs):
            with self.env.cr.savepoint() as savepoint:
                reminded = Task._cron_org_overdue_activities(**kwargs)
                self.env.flush_all()
                savepoint.rollback()
            self.env.invalidate_all()
            return reminded

        # Both runs fill their batch: the small one with its 10 cards, the large one with
        # one INSERT statement's.
        cards = self._fill(CRON_SMALL, date_deadline=datetime(2026, 6, 1, 4))
        small = self._queries(lambda: run_cron(batch_size=CRON_SMALL))
        self.assertEqual(len(run_cron(batch_size=CRON_SMALL) & cards), CRON_SMALL)
        cards |= self._fill(LARGE - CRON_SMALL, date_deadline=datetime(2026, 6, 1, 4))
        large = self._queries(run_cron)
        # One batch: the rest waits for the next run (ir.cron._notify_progress).
        self.assertEqual(len(run_cron() & cards), BATCH_SIZE)
        self._assert_same(small, large, "overdue cron", CRON_SMALL)

    def test_deadline_light_refresh(self):
        """The nightly light refresh (part of the cron) picks exactly the cards whose light the
        days have changed, whatever the cards whose light stays, and recomputes one batch of
        them a run: 10 or 300 changing cards cost the same queries."""
        Task = self.env["project.task"]

        def refresh(**kwargs):
            with self.env.cr.savepoint() as savepoint:
                refreshed, wait = Task._org_refresh_deadline_lights(**kwargs)
                self.env.flush_all()
                lights = {task.id: task.org_deadline_status for task in refreshed}
                savepoint.rollback()
            self.env.invalidate_all()
            return refreshed, wait, lights

        def changing(count):
            # Green when made; on 06-10 half are yellow (deadline 06-12), half red (06-08).
            with freeze_time("2026-06-01 02:00:00"):
                made = self._fill(count // 2, date_deadline=datetime(2026, 6, 12, 4)) | self._fill(
                    count - count // 2, date_deadline=datetime(2026, 6, 8, 4)
                )
                # The lights are computed at the flush: on the day the cards are made.
                self.env.flush_all()
                return made

        with freeze_time("2026-06-01 02:00:00"):
            # Lights the days leave as they are: green far ahead, red already.
            steady = self._fill(LARGE, date_deadline=datetime(2026, 9, 1, 4))
            steady |= self._fill(LARGE, date_deadline=datetime(2026, 5, 20, 4))
            self.env.flush_all()
        cards = changing(CRON_SMALL)
        with freeze_time("2026-06-10 02:00:00"):
            # Yellow already, and still yellow.
            steady |= self._fill(LARGE, date_deadline=datetime(2026, 6, 12, 4))
            self.env.flush_all()
            small = self._queries(lambda: refresh(batch_size=CRON_SMALL))
            refreshed, wait, lights = refresh(batch_size=CRON_SMALL)
            self.assertEqual(refreshed, cards.sorted(lambda task: (task.date_deadline, task.id)))
            self.assertFalse(wait)
            self.assertEqual(sorted(lights.values()), ["red"] * 5 + ["yellow"] * 5)
            cards |= changing(LARGE - CRON_SMALL)
            large = self._queries(refresh)
            refreshed, wait, lights = refresh()
            # One batch, the earliest deadlines first; the rest waits for the next run.
            self.assertEqual(len(refreshed), BATCH_SIZE)
            self.assertLessEqual(refreshed, cards)
            self.assertTrue(wait)
            self.assertEqual(set(lights.values()), {"red"})
            self.assertFalse(
                steady.filtered_domain(Task._org_changing_lights_domain()), "no steady light is picked up"
            )
        self._assert_same(small, large, "deadline light refresh", CRON_SMALL)

    def test_responsible_reminders(self):
        """Finding which responsible people may read their cards and scheduling the deadline
        activities of 10 or 300 cards (what a card's creation and the migration do) costs the
        same queries: one search per person, one batch of activities. (Assigning them is
        project's write of ``user_ids``, whose elapsed-time fields cost project's queries per
        card; no e-mail per card is sent.)"""
        card_type = self.env.ref("org_checklist.mail_activity_type_org_card")

        def cards_of(count):
            cards = self._fill(count, date_deadline=datetime(2030, 1, 1))
            cards.activity_ids.unlink()
            self.env.flush_all()
            self.env.invalidate_all()
            return cards

        def measure(cards):
            before = self.env.cr.sql_log_count
            cards._org_readable_by_responsible()._org_schedule_card_activities()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        measure(cards_of(CRON_SMALL))  # warm the registry
        small_cards = cards_of(CRON_SMALL)
        small = measure(small_cards)
        self.assertEqual(
            len(small_cards.activity_ids.filtered(lambda a: a.activity_type_id == card_type)), CRON_SMALL
        )
        large_cards = cards_of(LARGE)
        large = measure(large_cards)
        self.assertEqual(
            len(large_cards.activity_ids.filtered(lambda a: a.activity_type_id == card_type)), LARGE
        )
        # A few more statements for the larger batch (the activities' followers by chunk), never
        # one per card: 290 more cards.
        self.assertLess(
            large - small, 10, f"responsible reminders: {small} queries for 10 cards, {large} for {LARGE}"
        )
