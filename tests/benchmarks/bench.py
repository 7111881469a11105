"""Runs the benchmarks of shared/BENCHMARKS.md against a scratch database and prints one table.

Called by ``bin/bench`` (which creates and drops the database):

    python tests/benchmarks/bench.py --db DB --seed 1 [--only B1,B3] [--server-port P] -- ODOO ARGS

Every figure has a baseline measured in the same run; times are medians of repeated runs
rolled back in a savepoint, query counts are counted with ``cr.sql_log_count``.
"""

import argparse
import base64
import io
import json
import logging
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from contextlib import closing

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import b2_stats  # noqa: E402
import views  # noqa: E402
import zone as zone_module  # noqa: E402

import odoo  # noqa: E402
from odoo import SUPERUSER_ID, api  # noqa: E402
from odoo.tools import SQL, config  # noqa: E402

# The configuration pages whose model the zone keeps at its data files' size
# (zone.NOT_MULTIPLIED) list this many rows at the large size, made for the measurement only.
CONFIG_GROWN = {"org.party.meeting.type": 60, "org.study.requirement": 60}
# Pages whose rows are bounded by design, so there is no second size to compare: term rules
# are one per kind of organization (a unique constraint; six kinds), development stages one
# per stage code (five).
B2_BOUNDED = ("org.party.term.rule", "org.party.candidate.stage")

_logger = logging.getLogger("org_bench")

SIZES = {
    # stage: (organizations, members, meetings, board cards and plain tasks), cadres and talents
    # 250 cards: every column of a 5-stage board holds more than its first page (40), as at
    # the larger sizes; Odoo's web client counts a column only once its page is full.
    "N=100": ((100, 100, 100, 250), 100),
    "N=10,000": ((200, 10_000, 10_000, 10_000), 10_000),
    "full": ((2_000, 100_000, 100_000, 100_000), 10_000),
}
# B4L/B5L (bin/bench --large): members and board cards (and plain tasks, the baseline) at a
# million, after B4 and B5 at the full size; meetings stay at the full size.
LARGE_SIZE = ((2_000, 1_000_000, 100_000, 1_000_000), 10_000)
IMPORT_ROWS = 20_000
LRMX_FILES = 1_000
B6_USERS = 50
B6_SECONDS = 60
B6_MAX_REQUESTS = 4_000
B6_THINK = 5.0
# B8/B9 (opt-in: bin/bench B8 B9): the scale-out topology of bin/cluster. The environment
# variables shorten a try (e.g. ORG_BENCH_B8_USERS=20 ORG_BENCH_B8_SECONDS=30).
B8_USERS = int(os.environ.get("ORG_BENCH_B8_USERS", 100))
B8_SECONDS = int(os.environ.get("ORG_BENCH_B8_SECONDS", 120))
B8_MAX_REQUESTS = 30_000
B8_THINK = 5.0
B3_MAX_ROUNDS = 10_000  # a guard against a cron that would never finish, not a cap on the work
# B1: each import and its baselines once, in turn: a figure of 20-130 s spans the machine's
# slow and fast moments by itself, and three runs (11 minutes) took the default run past its
# 15 minutes. ORG_BENCH_B1_REPEAT=3 gives medians of three.
B1_REPEAT = int(os.environ.get("ORG_BENCH_B1_REPEAT", "1"))
B7_REPEAT = 3
# Tables a cron writes without doing its work: its own trigger and progress rows.
CRON_BOOKKEEPING = ("ir_cron", "ir_cron_trigger", "ir_cron_progress")


class NoWorkError(Exception):
    """A measurement over no work: no records at a size, or a cron that wrote nothing."""


def listen_overflows():
    """The kernel's count of connections a full listen queue turned away (TcpExt
    ListenOverflows, all sockets of the machine): each one waits for the client's SYN
    retransmit, a second or more. Odoo's prefork server listens with a queue of 8 per worker."""
    try:
        with open("/proc/net/netstat", encoding="ascii") as netstat:
            lines = [line.split() for line in netstat if line.startswith("TcpExt:")]
        return int(dict(zip(lines[0], lines[1], strict=True))["ListenOverflows"])
    except (OSError, IndexError, KeyError, ValueError):
        return None


def slow_connects(log_path, offset):
    """From nginx's access log (format ``timed`` of config/nginx-cluster.conf.template), past
    ``offset``: how many requests were proxied and how many waited a second or more to connect
    to a node (a SYN retransmit after the node's listen queue overflowed)."""
    proxied = slow = 0
    try:
        with open(log_path, encoding="utf-8", errors="replace") as log:
            log.seek(offset)
            for line in log:
                match = re.search(r" uct=([0-9.]+)", line)
                if match:
                    proxied += 1
                    slow += float(match[1]) >= 1.0
    except OSError:
        return ""
    return f"; {slow:,} of {proxied:,} proxied requests waited ≥ 1 s to connect to a node"


def file_size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def overflow_text(before, after):
    if before is None or after is None:
        return ""
    return f"; {after - before:,} connects overflowed a listen queue"


NOTES = [
    "Times are medians of repeated runs rolled back in a savepoint (a figure and its baseline "
    "called in turn), on this machine as it is (shared, noisy): compare the ratios, not the "
    "absolute figures.",
    "B2: queries with a cold record cache (registry caches warm), cron runs rolled back; size is "
    "the number of records of the action's model (the zone grows organizations, members, "
    "meetings, board cards, cadres and talents; a page whose model the zone does not fill, study "
    "sessions say, is counted at two sizes in its addon's tests). A kanban column whose first "
    "page is full costs one COUNT more than one that is not (Odoo's web_search_read): at the "
    "small size 250 cards fill every column's first page (40). A batched cron handles one ORM "
    "INSERT (100 rows) a run and triggers itself again; the people it reminds are subscribed and "
    "notified for the whole batch at once (org_base's _org_schedule_batch).",
    "B4: the 幸福清单 menu opens its own kanban over every 幸福清单 board; the board kanban is "
    "what the Project app shows for the board (Odoo's task kanban with the fields our addons "
    "add). The stock figure reads Odoo's task kanban without those fields, on a project without "
    "board type holding as many tasks in as many columns; the member list is compared with the "
    "stock task list of that project. 'As an officer': both read by one officer (group "
    "组工干部) through Odoo's record rules and ours; the others read as the superuser.",
    f"B6: the users log in one per second, then for {B6_SECONDS} s each opens the kanban (read "
    "group, progress bars, each column's cards), a card's form, writes it and moves it, thinking "
    f"0.5-1.5 × {B6_THINK} s between actions; p95 is over those requests, the log-ins "
    "(pbkdf2 hashing and session info, once a day for a person) are shown apart.",
]


class Table:
    def __init__(self):
        self.rows = []

    def add(self, name, size, ours, baseline, ratio, goal, ok):
        verdict = {True: "pass", False: "FAIL", None: "-"}.get(ok, ok)
        self.rows.append([name, size, ours, baseline, ratio, goal, verdict])
        _logger.info("RESULT %s", " | ".join(str(cell) for cell in self.rows[-1]))

    def not_measured(self, name, size, goal, reason):
        self.rows.append([name, size, f"not measured: {reason}", "", "", goal, "-"])
        _logger.info("RESULT %s not measured: %s", name, reason)

    def render(self):
        header = ["benchmark", "size", "ours", "baseline (same run)", "ratio", "goal", "result"]
        rows = [header] + [[str(cell) for cell in row] for row in self.rows]
        widths = [max(_width(row[i]) for row in rows) for i in range(len(header))]
        lines = []
        for index, row in enumerate(rows):
            lines.append(
                "| "
                + " | ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row))
                + " |"
            )
            if index == 0:
                lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        return "\n".join(lines)


def _width(text):
    return sum(2 if ord(char) > 0x2E80 else 1 for char in text)


def written_tables(queries):
    """The tables that ``queries`` insert into, update or delete from, besides the cron's own
    bookkeeping: what a cron did."""
    tables = set()
    for query in queries:
        match = re.match(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', query, re.IGNORECASE)
        if match and match.group(1) not in CRON_BOOKKEEPING:
            tables.add(match.group(1))
    return tables


def median_or_error(runs):
    """The median of ``runs`` (seconds), or the first error message among them."""
    errors = [run for run in runs if isinstance(run, str)]
    if errors:
        return errors[0]
    runs = sorted(runs)
    return runs[len(runs) // 2]


def ms(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


class Bench:
    def __init__(self, args):
        self.args = args
        self.table = Table()
        self.registry = odoo.modules.registry.Registry(args.db)
        self.cr = self.registry.cursor()
        self.env = api.Environment(self.cr, SUPERUSER_ID, {"lang": "zh_CN", "tz": "Asia/Shanghai"})
        self.only = set(args.only.split(",")) if args.only else None
        self.b2_counts = {}
        self.b2_models = {}  # B2 subject: the model whose records it is measured over
        self.notes = []
        self.errors = 0  # measurements over no work: the run exits with an error
        if args.large and not self.only:
            self.only = {"B4", "B5"}
        self.full_times = {}  # B4/B5 row (without its tag): our time at the full size
        self.cluster_overflows = ""  # B8/B9: connects turned away by a full listen queue

    def wants(self, name):
        return self.only is None or name in self.only

    def commit(self):
        """The generated zone is committed: the server of B6 reads it (a scratch database)."""
        self.env.flush_all()
        self.cr.commit()  # pylint: disable=invalid-commit

    # Stages

    def run(self):
        started = time.perf_counter()
        env = self.env
        _logger.info("setting up the zone (seed %s)", self.args.seed)
        officers = B8_USERS if self.wants_cluster() else B6_USERS
        self.zone = zone_module.Zone(env, self.args.seed).setup(officer_count=max(B6_USERS, officers))
        self.commit()
        for stage, (sizes, people) in SIZES.items():
            # "N=100,N=10,000": the commas between names, not those of the thousands
            if self.args.stages and stage not in re.split(r",(?!\d{3})", self.args.stages):
                continue
            self.grow_stage(stage, sizes, people)
            if self.wants("B2") and stage != "full":
                self.b2_measure(stage)
                b2_stats.queries(self, stage)
            if self.wants("B2") and stage == "full":
                b2_stats.timing(self)
            if self.wants("B3") and stage == "N=10,000":
                try:
                    self.b3_small = self.b3_time()
                except NoWorkError as error:
                    self.b3_small = error
        if self.wants("B2"):
            self.b2_report()
            b2_stats.report(self, ms)
        if self.wants("B3"):
            self.b3_report()
        self.run_b4_b5()
        if self.wants("B1"):
            self.b1()
        if self.wants("B7"):
            self.b7()
        if self.wants("B6"):
            self.b6()
        self.run_cluster()
        if self.only and "B10" in self.only:  # opt-in: bin/bench B10
            import b10_prepare

            b10_prepare.run(self)
        self.cr.close()
        out = sys.stdout
        out.write(f"\nBenchmarks of BENCHMARKS.md, seed {self.args.seed}, database {self.args.db}\n")
        out.write(self.table.render() + "\n")
        for note in NOTES + self.notes:
            out.write(f"- {note}\n")
        out.write(f"bench.py ran in {time.perf_counter() - started:.0f} s\n")
        if self.errors:
            out.write(f"{self.errors} measurements over no work (ERROR rows): they measure nothing.\n")
            return 3  # measurements over no work (bin/bench tells them from a crash)
        return 0

    def run_b4_b5(self):
        """B4 and B5 at the full size; with --large, B4L and B5L at LARGE_SIZE after them."""
        for tag in ("", "L") if self.args.large else ("",):
            if tag:
                self.grow_stage("large", *LARGE_SIZE)
            if self.wants("B4"):
                self.b4(f"B4{tag}")
            if self.wants("B5"):
                self.b5(f"B5{tag}")

    def grow_stage(self, stage, sizes, people):
        """The zone at this stage's size, committed."""
        t0 = time.perf_counter()
        self.zone.grow(*sizes)
        if self.wants("B2") or self.wants("B7"):
            self.zone.grow_people(cadres=people, talents=people)
        if self.wants("B2") and stage != "full":
            # Every page's and cron's model at this size (N records of the model itself).
            subjects = {
                name: (model_name, domain, model)
                for name, (model_name, _func, domain, model) in self.b2_subjects().items()
            }
            self.zone.grow_subjects(subjects, people)
        self.commit()
        self.vacuum()
        _logger.info("zone at %s: %s in %.1f s", stage, self.zone.counts, time.perf_counter() - t0)

    def vacuum(self):
        """VACUUM (ANALYZE) the zone's big tables, as autovacuum does in a database in use: after a
        bulk COPY their visibility maps are empty, and a count PostgreSQL would read from an
        index alone (a secretary's member count, B5L) reads the table instead."""
        import psycopg2

        _db, info = odoo.sql_db.connection_info_for(self.args.db)
        connection = psycopg2.connect(**info)
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT relname FROM pg_class WHERE relkind = 'r' AND relname = ANY(%s)",
                    [list(zone_module.BIG_TABLES)],
                )
                for (table,) in cursor.fetchall():
                    cursor.execute(f'VACUUM (ANALYZE) "{table}"')
        finally:
            connection.close()

    # B2: query counts

    def b2_subjects(self):
        env = self.env
        subjects = {}
        for cron in env["ir.cron"].with_context(active_test=False).search([]):
            xmlid = cron.get_external_id().get(cron.id, "")
            if not xmlid.startswith("org_"):
                continue

            def run_cron(cron=cron):
                cron.with_user(cron.user_id).ir_actions_server_id.run()

            # The records a cron works on: its model's, or the organizations for the rows the
            # compliance cron makes.
            model_name = cron.model_id.model
            model_name = zone_module.MADE_BY_CRON.get(
                model_name, zone_module.CRON_WORKS_ON.get(model_name, model_name)
            )
            subjects[f"cron {xmlid}"] = (model_name, run_cron, [], env[model_name])
        pages = views.action_pages(env)
        board_page = self.board_page()
        pages["board kanban (project's tasks)"] = board_page
        for label, page in pages.items():
            if page.model._name in B2_BOUNDED:
                continue
            subjects[f"first page {label}"] = (page.model._name, page.open, page.domain, page.model)
        return subjects

    def board_page(self, project=None, exclude_modules=()):
        project = project or self.zone.board
        action = self.env.ref("project.act_project_project_2_project_task_all")
        return views.Page(
            self.env["project.task"].with_context(default_project_id=project.id),
            "kanban",
            False,
            [("project_id", "=", project.id), ("display_in_project", "=", True)],
            {"group_by": "stage_id"} if action else {},
            exclude_modules,
        )

    def b2_measure(self, stage):
        sql_dir = os.environ.get("ORG_BENCH_SQL_DIR")
        for name, (model_name, func, domain, _model) in self.b2_subjects().items():
            queries = []
            # Configuration the zone keeps at its data files' size gets more rows at the large
            # size for its page alone, rolled back after the measurement (the crons and B3 keep
            # the data files' configuration).
            grown = stage == "N=10,000" and not name.startswith("cron ") and model_name in CONFIG_GROWN
            with closing(self.env.cr.savepoint()):
                if grown:
                    self.b2_grow_configuration(model_name, domain)
                try:
                    count = views.count_queries(self.env, func, queries)
                except Exception as error:
                    _logger.exception("B2 %s failed", name)
                    count = f"error: {error}"
                records = self.env[model_name].search_count(domain)
            if sql_dir:
                os.makedirs(sql_dir, exist_ok=True)
                file_name = "".join(c if c.isalnum() or c in "._-" else "_" for c in f"{stage} {name}")
                with open(os.path.join(sql_dir, file_name + ".sql"), "w", encoding="utf-8") as dump:
                    dump.write("\n".join(queries) + "\n")
            writes = written_tables(queries) if name.startswith("cron ") else None
            self.b2_counts.setdefault(name, {})[stage] = (count, records, writes)
            self.b2_models[name] = model_name
            _logger.info("B2 %s at %s: %s queries, %s records, wrote %s", name, stage, count, records, writes)

    def b2_grow_configuration(self, model_name, domain):
        """Copies of the configuration records the page lists, up to CONFIG_GROWN of them."""
        Model = self.env[model_name].with_context(**zone_module.NO_TRACKING)
        records = Model.search(domain)
        for index in range(CONFIG_GROWN[model_name] - len(records)):
            template = records[index % len(records)]
            default = {"name": f"{template.name}（测）{index}"} if "name" in Model._fields else {}
            template.copy(default)
        self.env.flush_all()
        self.env.invalidate_all()

    def b2_report(self):
        for name, by_stage in sorted(self.b2_counts.items()):
            small, small_n, small_writes = by_stage.get("N=100", ("?", 0, None))
            large, large_n, large_writes = by_stage.get("N=10,000", ("?", 0, None))
            size = f"{small_n:,} → {large_n:,}"
            # A measurement over no work is an error, not a pass.
            problems = []
            if not small_n or not large_n:
                problems.append("no records at a size: the zone does not fill this model")
            elif small_n >= large_n:
                problems.append("the small size is not smaller")
            if name.startswith("cron "):
                if not small_writes or not large_writes:
                    problems.append("the cron wrote nothing at a size")
                else:
                    size += f"; wrote {', '.join(sorted(set(small_writes) | set(large_writes)))}"
            if not small_n or not large_n:
                # Nothing to compare: a failure, printed as such (it cannot pass).
                self.table.add(
                    f"B2 {name}",
                    size,
                    f"not measured: no {self.b2_models.get(name, '?')} records at "
                    + " and ".join(stage for stage, n in (("N=100", small_n), ("N=10,000", large_n)) if not n)
                    + " (the zone does not fill this model)",
                    "",
                    "",
                    "same ±2",
                    False,
                )
                self.errors += 1
                continue
            if isinstance(small, int) and isinstance(large, int):
                ok = abs(large - small) <= 2 and not problems
                self.table.add(
                    f"B2 {name}",
                    size,
                    f"{large} queries",
                    f"{small} queries",
                    f"{large - small:+d}" + (f"; ERROR: {'; '.join(problems)}" if problems else ""),
                    "same ±2",
                    ok,
                )
            else:
                self.table.add(f"B2 {name}", size, large, small, "; ".join(problems), "same ±2", False)
            self.errors += bool(problems)

    # B3: meeting compliance cron

    def b3_time(self):
        """Median time of the compliance cron run to completion (it re-triggers itself while
        organizations wait: it is called until a run finds nothing left), with the number of
        runs and rows of the last repetition. A run that handles nothing is an error."""
        env = self.env
        Compliance = env.get("org.party.meeting.compliance")
        if Compliance is None or not hasattr(Compliance, "_cron_meeting_compliance"):
            return None
        work = {}

        def run_all():
            rounds = rows = 0
            while True:
                done = Compliance._cron_meeting_compliance()
                if not done:
                    break
                rounds += 1
                rows += len(done)
                if rounds > B3_MAX_ROUNDS:
                    raise NoWorkError(f"B3: the compliance cron still finds work after {rounds} runs")
            work.update(rounds=rounds, rows=rows)

        orgs = env["org.party.organization"].search_count([])
        meetings = env["org.party.meeting"].search_count([])
        repeat = 5 if orgs < 1000 else 3
        elapsed = views.median_time(env, run_all, repeat=repeat)
        if not work.get("rows"):
            raise NoWorkError(f"B3: the compliance cron checked no organization ({orgs:,} organizations)")
        return elapsed, orgs, meetings, work["rounds"], work["rows"]

    def b3_report(self):
        small = getattr(self, "b3_small", None)
        try:
            large = self.b3_time()
        except NoWorkError as error:
            large = error
        for error in (small, large):
            if isinstance(error, NoWorkError):
                self.table.add("B3 meeting-compliance cron", "", f"ERROR: {error}", "", "", "≤ 11", False)
                self.errors += 1
                return
        if not small or not large:
            self.table.not_measured(
                "B3 meeting-compliance cron",
                "",
                "ratio ≤ 11",
                "org_grassroots has no _cron_meeting_compliance",
            )
            return
        ratio = large[0] / small[0]
        self.table.add(
            "B3 meeting-compliance cron, run to completion",
            f"{large[1]:,} orgs / {large[2]:,} meetings vs {small[1]:,} / {small[2]:,}",
            f"{ms(large[0])}: {large[3]} runs, {large[4]:,} rows",
            f"{ms(small[0])}: {small[3]} runs, {small[4]:,} rows",
            f"{ratio:.1f}",
            "≤ 11",
            ratio <= 11,
        )

    # B4: board kanban and member list first page

    def timed_row(self, tag, name, size, t_ours, baseline, ratio, goal, ok):
        """A B4/B5 row; at the large size (B4L, B5L) with the growth of our time from the
        full size (100,000) measured in the same run."""
        growth = ""
        if tag.endswith("L") and name in self.full_times:
            growth = f"; ×{t_ours / self.full_times[name]:.1f} from 100,000"
        else:
            self.full_times[name] = t_ours
        self.table.add(f"{tag} {name}", size, ms(t_ours), baseline, f"{ratio:.2f}{growth}", goal, ok)

    def b4(self, tag="B4"):
        env = self.env
        stock = self.board_page(self.zone.plain, exclude_modules=("org_",))
        rows = []
        happiness = "org.party.organization" in env and env.ref(
            "org_grassroots.project_task_action_happiness", raise_if_not_found=False
        )
        if happiness and self.zone.board_type.code == "happiness":
            rows.append(
                (
                    f"{happiness.with_context(lang='zh_CN').name} kanban first page (its menu)",
                    views.action_page(env, happiness),
                )
            )
        board_name = self.zone.board_type.with_context(lang="zh_CN").name
        rows.append((f"board kanban first page ({board_name} board from Project)", self.board_page()))
        if happiness:
            # The same page as staff open it: through Odoo's record rules and ours.
            officer = self.zone.officers[0]
            rows.append(
                (
                    f"{happiness.with_context(lang='zh_CN').name} kanban first page, as an officer",
                    views.action_page(env, happiness).with_user(officer),
                    stock.with_user(officer),
                )
            )
        for name, page, *baseline in rows:
            stock_page = baseline[0] if baseline else stock
            t_ours, t_stock = views.median_times(env, [page.open, stock_page.open])
            ratio = t_ours / t_stock
            self.timed_row(
                tag,
                name,
                f"{self.zone.counts['board_task']:,} cards",
                t_ours,
                f"{ms(t_stock)} stock task kanban" + (" (same officer)" if baseline else ""),
                ratio,
                "≤ 1.2",
                ratio <= 1.2,
            )
        if "org.party.member" not in env:
            self.table.not_measured(
                f"{tag} party member list first page", "", "≤ 1.2", "org_grassroots absent"
            )
            return
        member_page = self.member_page()
        stock_list = views.Page(
            env["project.task"],
            "list",
            env.ref("project.view_task_tree2").id,
            [("project_id", "=", self.zone.plain.id)],
            {},
            ("org_",),
        )
        t_members, t_list = views.median_times(env, [member_page.open, stock_list.open])
        ratio = t_members / t_list
        self.timed_row(
            tag,
            "party member list first page",
            f"{self.zone.counts['member']:,} members",
            t_members,
            f"{ms(t_list)} stock task list",
            ratio,
            "≤ 1.2",
            ratio <= 1.2,
        )

    def member_page(self, env=None):
        env = env or self.env
        action = env.ref("org_grassroots.org_party_member_action").sudo()
        view_type = action.view_mode.split(",")[0]
        view_id = next((line.view_id.id for line in action.view_ids if line.view_mode == view_type), False)
        return views.Page(env["org.party.member"], view_type, view_id, [], {})

    # B5: secretary reading the member list

    def b5(self, tag="B5"):
        env = self.env
        if "org.party.member" not in env or not self.zone.secretaries:
            self.table.not_measured(f"{tag} secretary member list", "", "≤ 1.5", "org_grassroots absent")
            return
        admin = env.ref("base.user_admin")
        admin_env = api.Environment(self.cr, admin.id, {"lang": "zh_CN"})
        admin_page = self.member_page(admin_env)
        # The secretary of the first committee, and of the last one made (its organizations
        # have the highest ids: a plan that walks the members in organization id order reads
        # nearly every member before reaching theirs).
        for secretary, name in (
            (self.zone.secretaries[0], "secretary (subtree rule) member list"),
            (self.zone.secretaries[-1], "secretary of the last-made committee (subtree rule) member list"),
        ):
            secretary_env = api.Environment(self.cr, secretary.id, {"lang": "zh_CN"})
            secretary_page = self.member_page(secretary_env)
            visible = secretary_env["org.party.member"].search_count([])
            t_secretary, t_admin = views.median_times(env, [secretary_page.open, admin_page.open])
            ratio = t_secretary / t_admin
            self.timed_row(
                tag,
                name,
                f"{len(self.zone.orgs):,} orgs, {self.zone.counts['member']:,} members "
                f"({visible:,} in subtree)",
                t_secretary,
                f"{ms(t_admin)} admin",
                ratio,
                "≤ 1.5",
                ratio <= 1.5,
            )

    # B1: roster import

    def b1(self):
        env = self.env
        roster = env["org.roster"].search([("key", "=", "party_member")])
        if not roster:
            self.table.not_measured("B1 roster import", "", "≥ 10×", "no party_member roster")
            return
        import b1_files

        branches = [self.zone.org_names[org_id] for org_id in self.zone.branch_ids()]
        rows = b1_files.member_rows(IMPORT_ROWS, branches, self.args.seed)
        headers = [column.label for column in roster.column_ids.sorted("sequence")]
        cells = b1_files.roster_cells(rows, headers)
        # Each kind: (file, name, label). Excel 2003 XML and HTML tables come named .xls.
        files = {
            "xlsx": (b1_files.xlsx(headers, cells), "members.xlsx", ".xlsx"),
            "xls": (b1_files.xls(headers, cells), "members.xls", ".xls"),
            "spreadsheetml": (
                b1_files.spreadsheetml(headers, cells),
                "members-xml.xls",
                ".xls (Excel 2003 XML)",
            ),
            "html": (b1_files.html(headers, cells), "members-html.xls", ".xls (HTML table)"),
        }
        # Odoo's standard import (base_import, as the Import button does: test, then import).
        stock_file = b1_files.xlsx(b1_files.STOCK_FIELDS, b1_files.stock_cells(rows))
        # Each figure and its baselines are run in turn, B1_REPEAT times: medians.
        # The ceiling: the values the roster creates, given to Odoo's create() alone (no file,
        # no dry run), as the import creates them.
        create_vals = self.b1_create_values(files["xlsx"][0], files["xlsx"][1])
        runs = {**{kind: [] for kind in files}, "stock": [], "copy": [], "create": []}
        for _attempt in range(B1_REPEAT):
            for kind, (content, file_name, _label) in files.items():
                runs[kind].append(self.b1_roster(content, file_name))
            runs["stock"].append(self.b1_base_import(stock_file))
            runs["copy"].append(self.b1_copy(rows))
            runs["create"].append(self.b1_create(create_vals))
        times = {kind: median_or_error(runs[kind]) for kind in files}
        t_stock = median_or_error(runs["stock"])
        t_copy = median_or_error(runs["copy"])
        t_create = median_or_error(runs["create"])
        for kind, elapsed in times.items():
            label = files[kind][2]
            if isinstance(elapsed, str):
                self.table.add(
                    f"B1 roster import {label}", f"{IMPORT_ROWS:,} rows", elapsed, "", "", "≥ 10×", False
                )
                continue
            speedup = t_stock / elapsed if isinstance(t_stock, float) else None
            self.table.add(
                f"B1 roster import {label} (dry run + commit)",
                f"{IMPORT_ROWS:,} rows",
                ms(elapsed),
                f"{ms(t_stock)} base_import .xlsx" if isinstance(t_stock, float) else t_stock,
                f"{speedup:.1f}× faster; {elapsed / t_copy:.0f}× COPY" if speedup else "",
                "≥ 10× faster",
                speedup >= 10 if speedup else False,
            )
        self.table.add(
            "B1 floor: COPY into a plain table", f"{IMPORT_ROWS:,} rows", ms(t_copy), "", "", "-", None
        )
        if isinstance(t_create, float) and isinstance(t_stock, float):
            self.table.add(
                "B1 ceiling: Odoo's create() of the rows the import creates, alone",
                f"{IMPORT_ROWS:,} rows",
                ms(t_create),
                f"{ms(t_stock)} base_import .xlsx",
                f"{t_stock / t_create:.1f}×: the most an import through create() can reach",
                "-",
                None,
            )
        else:
            ceiling = "B1 ceiling: Odoo's create() alone"
            self.table.add(ceiling, f"{IMPORT_ROWS:,} rows", t_create, "", "", "-", False)
            self.errors += 1
        self.notes.append(
            f"B1: {B1_REPEAT} run(s) of each import and of each baseline, in turn (medians when several)."
        )

    def b1_roster(self, content, file_name):
        env = self.env
        env.flush_all()
        with closing(self.cr.savepoint()):
            start = time.perf_counter()
            wizard = env["org.roster.import"].create(
                {"roster": "party_member", "file": base64.b64encode(content), "file_name": file_name}
            )
            wizard.action_dry_run()
            if wizard.error_count:
                return f"errors: {wizard.error_line_ids[:3].mapped('message')}"
            wizard.action_import()
            env.flush_all()
            elapsed = time.perf_counter() - start
            if wizard.created_count != IMPORT_ROWS:
                messages = wizard.error_line_ids[:3].mapped("message")
                return f"created {wizard.created_count} of {IMPORT_ROWS}: {messages}"
        env.invalidate_all()
        return elapsed

    def b1_create_values(self, content, file_name):
        """The values the roster's import gives to create() for ``content`` (its checked
        plan, with the roster's defaults), or an error text."""
        env = self.env
        with closing(self.cr.savepoint()):
            wizard = env["org.roster.import"].create(
                {"roster": "party_member", "file": base64.b64encode(content), "file_name": file_name}
            )
            wizard.action_dry_run()
            plan = wizard._checked_plan()
            if wizard.error_count or not plan:
                return f"errors: {wizard.error_line_ids[:3].mapped('message')}"
            defaults = wizard.roster_id._default_values()
            vals_list = [{**defaults, **vals} for _number, vals in plan.to_create]
        env.invalidate_all()
        return vals_list

    def b1_create(self, vals_list):
        """Odoo's create() of ``vals_list`` in one call, in the import's context (no chatter
        line, follower or tracking), flushed: the part of an import no import can skip."""
        from odoo.addons.org_roster.wizards.org_roster_import import CREATE_CONTEXT

        if isinstance(vals_list, str):
            return vals_list
        env = self.env
        env.flush_all()
        with closing(self.cr.savepoint()):
            start = time.perf_counter()
            Member = env["org.party.member"].with_context(**CREATE_CONTEXT)
            records = Member.create([dict(vals) for vals in vals_list])
            env.flush_all()
            elapsed = time.perf_counter() - start
            if len(records) != IMPORT_ROWS:
                return f"create() made {len(records)} of {IMPORT_ROWS}"
        env.invalidate_all()
        return elapsed

    def b1_base_import(self, content):
        import b1_files

        env = self.env
        env.flush_all()
        options = {
            "has_headers": True,
            "date_format": "%Y-%m-%d",
            "datetime_format": "",
            "float_thousand_separator": ",",
            "float_decimal_separator": ".",
            "separator": ",",
            "quoting": '"',
            "encoding": "utf-8",
            "advanced": False,
            "keep_matches": False,
            "name_create_enabled_fields": {},
            "import_set_empty_fields": [],
            "import_skip_records": [],
            "fallback_values": {},
            "skip": 0,
            "limit": IMPORT_ROWS + 10,
        }
        with closing(self.cr.savepoint()):
            start = time.perf_counter()
            importer = env["base_import.import"].create(
                {
                    "res_model": "org.party.member",
                    "file": content,
                    "file_name": "members.xlsx",
                    "file_type": b1_files.XLSX_MIMETYPE,
                }
            )
            fields_ = list(b1_files.STOCK_FIELDS)
            result = importer.execute_import(fields_, fields_, options, dryrun=True)
            errors = [m for m in result.get("messages", []) if m.get("type") == "error"]
            if errors:
                return f"base_import errors: {errors[:2]}"
            env.invalidate_all()
            importer = env["base_import.import"].create(
                {
                    "res_model": "org.party.member",
                    "file": content,
                    "file_name": "members.xlsx",
                    "file_type": b1_files.XLSX_MIMETYPE,
                }
            )
            result = importer.execute_import(fields_, fields_, options, dryrun=False)
            env.flush_all()
            elapsed = time.perf_counter() - start
            created = len(result.get("ids") or [])
            if created != IMPORT_ROWS:
                return f"base_import created {created}: {result.get('messages', [])[:2]}"
        env.invalidate_all()
        return elapsed

    def b1_copy(self, rows):
        import b1_files

        with closing(self.cr.savepoint()):
            columns = SQL(", ").join(SQL("%s text", SQL.identifier(name)) for name in b1_files.STOCK_FIELDS)
            self.cr.execute(SQL("CREATE TABLE bench_copy_floor (%s)", columns))
            cells = b1_files.stock_cells(rows)
            start = time.perf_counter()
            zone_module.copy_rows(self.cr, "bench_copy_floor", list(b1_files.STOCK_FIELDS), cells)
            return time.perf_counter() - start

    # B7: LRMX

    def b7(self):
        env = self.env
        Employee = env["hr.employee"]
        if not hasattr(Employee, "_lrmx_import"):
            self.table.not_measured(
                "B7 LRMX import, zip vs one by one",
                f"{LRMX_FILES:,} files",
                "≥ 3×",
                "hr.employee has no _lrmx_import",
            )
            return
        import b7_lrmx

        files = b7_lrmx.lrmx_files(LRMX_FILES, self.args.seed)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files:
                archive.writestr(name, content)
        zipped = buffer.getvalue()

        def snapshot(employees):
            return sorted(
                (e.name or "", e.identification_id or "", str(e.birthday or ""), e.gender or "")
                for e in employees
            )

        def import_zip():
            env.flush_all()
            with closing(self.cr.savepoint()):
                start = time.perf_counter()
                employees = Employee._lrmx_import(zipped, "cadres.zip")
                env.flush_all()
                elapsed = time.perf_counter() - start
                result = snapshot(employees)
            env.invalidate_all()
            return elapsed, result

        def import_one_by_one():
            env.flush_all()
            with closing(self.cr.savepoint()):
                start = time.perf_counter()
                employees = Employee.browse()
                for name, content in files:
                    employees |= Employee._lrmx_import(content, name)
                env.flush_all()
                elapsed = time.perf_counter() - start
                result = snapshot(employees)
            env.invalidate_all()
            return elapsed, result

        # Both paths are warmed up first on one file (a first call loads the registry's
        # caches), then run in turn: medians of B7_REPEAT runs.
        one = io.BytesIO()
        with zipfile.ZipFile(one, "w") as archive:
            archive.writestr(*files[0])
        with closing(self.cr.savepoint()):
            Employee._lrmx_import(one.getvalue(), "one.zip")
            Employee._lrmx_import(files[0][1], files[0][0])
            env.flush_all()
        env.invalidate_all()
        zip_runs, single_runs = [], []
        for _attempt in range(B7_REPEAT):
            zip_runs.append(import_zip())
            single_runs.append(import_one_by_one())
        t_zip = sorted(run[0] for run in zip_runs)[len(zip_runs) // 2]
        t_single = sorted(run[0] for run in single_runs)[len(single_runs) // 2]
        zip_result, single_result = zip_runs[0][1], single_runs[0][1]
        self.notes.append(f"B7: medians of {B7_REPEAT} runs of each path, in turn (one file imported first).")
        same = zip_result == single_result and len(zip_result) == LRMX_FILES
        ratio = t_single / t_zip
        self.table.add(
            "B7 LRMX import, zip vs one by one",
            f"{LRMX_FILES:,} files",
            ms(t_zip),
            f"{ms(t_single)} one by one",
            f"{ratio:.1f}× faster{'' if same else '; RESULTS DIFFER'}",
            "≥ 3×, same result",
            ratio >= 3 and same,
        )

    # B6: load test

    def b6(self):
        import b6_prepare

        env = self.env
        plan = b6_prepare.prepare(self, B6_USERS)
        self.commit()
        port = self.args.server_port
        plan_options = {"suffix": ".json", "prefix": "org_bench_plan_", "delete": False}
        with tempfile.NamedTemporaryFile("w", **plan_options) as plan_file:
            json.dump(plan, plan_file)
        server_output = open(self.args.server_log + ".out", "ab")  # closed below
        server = subprocess.Popen(
            [
                sys.executable,
                os.path.join(config["root_path"], "..", "odoo-bin"),
                f"--config={self.args.server_config}",
                f"--addons-path={config['addons_path']}",
                f"--database={self.args.db}",
                f"--db-filter=^{self.args.db}$",
                f"--data-dir={config['data_dir']}",
                f"--http-port={port}",
                f"--gevent-port={port + 1}",
                f"--logfile={self.args.server_log}",
            ],
            start_new_session=True,
            # What the server prints outside its log (a failing long-polling process) goes there too.
            stdout=server_output,
            stderr=subprocess.STDOUT,
        )
        overflows = listen_overflows()
        try:
            client = subprocess.run(
                [
                    sys.executable,
                    os.path.join(HERE, "b6_load.py"),
                    "--url",
                    f"http://127.0.0.1:{port}",
                    "--plan",
                    plan_file.name,
                    "--seconds",
                    str(B6_SECONDS),
                    "--max-requests",
                    str(B6_MAX_REQUESTS),
                    "--seed",
                    str(self.args.seed),
                    "--think",
                    str(B6_THINK),
                ],
                capture_output=True,
                text=True,
                timeout=B6_SECONDS + 240,
                check=False,
            )
        finally:
            overflows = overflow_text(overflows, listen_overflows())
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
            server_output.close()
            os.unlink(plan_file.name)
        if client.returncode != 0 or not client.stdout.strip():
            self.table.add(
                f"B6 {B6_USERS} users over JSON-RPC",
                "",
                f"client failed: {client.stderr[-300:]}",
                "",
                "",
                "",
                False,
            )
            return
        report = json.loads(client.stdout.strip().splitlines()[-1])
        self.cr.rollback()
        env.invalidate_all()
        lost = b6_prepare.lost_writes(env, report["writes"])
        ok = report["errors"] == 0 and not lost and report["p95"] <= 1.0 and report["writes_total"] > 0
        self.table.add(
            f"B6 {B6_USERS} users over JSON-RPC, 2 workers",
            f"{report['users']} users, {report['seconds']:.0f} s, {report['requests']:,} requests, "
            f"board of {plan['board_cards']:,} cards",
            f"p95 {ms(report['p95'])}, {report['errors']} errors, "
            f"{len(lost)} lost of {report['writes_total']} writes",
            f"p50 {ms(report['p50'])}, max {ms(report['max'])}; "
            f"log-in p50 {ms(report['login_p50'])}, max {ms(report['login_max'])}{overflows}; "
            f"load {self.load_average()}",
            "",
            "0 errors, 0 lost, p95 ≤ 1 s",
            ok,
        )
        if report["errors"]:
            _logger.warning("B6 errors: %s", report["error_samples"])
        if lost:
            _logger.warning("B6 lost writes: %s", lost[:5])

    # B8, B9: the scale-out topology (bin/cluster), opt-in

    def run_cluster(self):
        if self.only and "B8" in self.only:
            self.b8()
        if self.only and "B9" in self.only:
            self.b9()

    def wants_cluster(self):
        return bool(self.only and self.only & {"B8", "B9"})

    def b8(self):
        import b8_prepare

        result = self.cluster_run(b8_prepare, tag="B8")
        if result is None:
            return
        report, share, delta, lost, duplicated, checked = result
        ok = (
            not report["errors"]
            and not lost
            and not duplicated
            and report["p95"] <= 1.0
            and share["rows"] >= 0.5
            and checked > 0
        )
        self.table.add(
            "B8 scale-out: 2 nodes × 2 workers, primary + replica, nginx",
            self.cluster_size(report),
            f"p95 {ms(report['p95'])}, {len(report['errors'])} errors, {len(lost)} lost and "
            f"{len(duplicated)} duplicated of {checked} writes, replica read {share['rows']:.0%} of the rows",
            f"p50 {ms(report['p50'])}, p99 {ms(report['p99'])}, max {ms(report['max'])}; replica "
            f"{share['transactions']:.0%} of the transactions ({delta['replica']['transactions']:,} of "
            f"{delta['replica']['transactions'] + delta['primary']['transactions']:,}); "
            f"{len(report['retried'])} tries retried{self.cluster_overflows}; load {self.load_average()}",
            "",
            "0 errors, 0 lost, p95 ≤ 1 s, replica ≥ 50 % of reads",
            ok,
        )
        self.cluster_log("B8", report, lost, duplicated)
        self.notes.append(
            f"B8: bin/cluster's topology on this machine ({os.cpu_count()} cores shared with the "
            "load client and whatever else runs: see the load average). Users log in 0.2 s apart, "
            "then loop: B6's kanban, form, rename and move, a note posted on the card, a name_search "
            "and a list search of party members (name, pinyin initials or ID tail), and one loop "
            f"in ten a PDF print of the member register, thinking 0.5-1.5 × {B8_THINK} s between "
            "actions. Every write carries a marker and is found afterwards exactly once (names "
            "through their tracking values, notes as messages). The replica's share is PostgreSQL's "
            "pg_stat_database of this database on each server (rows returned and fetched; "
            "transactions: each request also opens one on the primary to check Odoo's registry "
            "sequences)."
        )

    def b9(self):
        import b8_prepare
        import b9_faults

        faults = b9_faults.Faults(self.args.cluster, self.cluster_env())
        result = self.cluster_run(b8_prepare, tag="B9", faults=faults, node_env=b9_faults.NODE2_LIMITS)
        if result is None:
            return
        report, _share, _delta, lost, duplicated, checked = result
        summary = faults.summary(report)
        ok = (
            not lost
            and not duplicated
            and checked > 0
            and summary["restored"]
            and all(error["clear"] for error in summary["errors"])
        )
        self.table.add(
            "B9 faults during B8: node SIGKILL, replica restart, memory limit",
            self.cluster_size(report),
            f"{len(lost)} lost, {len(duplicated)} duplicated of {checked} writes; "
            f"{len(report['retried'])} tries retried, {len(report['errors'])} errors; "
            + "; ".join(summary["windows"]),
            f"p95 {ms(report['p95'])}; {summary['recycled']} workers recycled past "
            f"limit_memory_soft on node 2; load {self.load_average()}",
            "",
            "no lost or duplicated write, service back unattended",
            ok,
        )
        self.notes.append(f"B9: {summary['note']}")
        self.cluster_log("B9", report, lost, duplicated)

    def cluster_env(self):
        output = subprocess.run([self.args.cluster, "env"], capture_output=True, text=True, check=True).stdout
        pairs = (line.split("=", 1) for line in output.splitlines() if "=" in line)
        return {key: " ".join(shlex.split(value)) for key, value in pairs}

    def cluster_size(self, report):
        return (
            f"{report['logged_in']}/{report['users']} users, {report['seconds']:.0f} s, "
            f"{report['requests']:,} requests"
        )

    @staticmethod
    def load_average():
        return "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())

    def cluster_log(self, name, report, lost, duplicated):
        _logger.info("%s by kind (count, p50, p95): %s", name, report["by_kind"])
        if report["login_errors"]:
            _logger.warning("%s log-ins that failed: %s", name, report["login_errors"])
        if report["errors"]:
            messages = {}
            for _at, _kind, message in report["errors"]:
                messages[message[:160]] = messages.get(message[:160], 0) + 1
            _logger.warning("%s errors (count by message): %s", name, messages)
        if lost or duplicated:
            _logger.warning("%s lost: %s duplicated: %s", name, lost[:5], duplicated[:5])

    def cluster_run(self, b8_prepare, tag, faults=None, node_env=None):
        """Brings bin/cluster up on this database (its data directory, node 2's limits from
        ``node_env``), runs the B8 client through nginx with ``faults`` injected, stops the
        nodes (PostgreSQL stays: bin/bench drops the database, then stops it) and checks every
        write. None when the client failed (a FAIL row is added)."""
        env = self.env
        plan = b8_prepare.prepare(self, B8_USERS)
        self.commit()
        plan_options = {"suffix": ".json", "prefix": "org_bench_plan_", "delete": False}
        with tempfile.NamedTemporaryFile("w", **plan_options) as plan_file:
            json.dump(plan, plan_file)
        started_file = plan_file.name + ".started"
        cluster_env = dict(os.environ, ORG_CLUSTER_DATA_DIR=config["data_dir"], **(node_env or {}))
        info = self.cluster_env()
        servers = {
            "primary": (info["CLUSTER_PG_SOCKET"], info["CLUSTER_PG_PORT"]),
            "replica": (info["CLUSTER_PG_SOCKET"], info["CLUSTER_PG_REPLICA_PORT"]),
        }
        db = self.args.db
        try:
            subprocess.run(
                [self.args.cluster, "up", "--db", db],
                env=cluster_env,
                check=True,
                capture_output=True,
                text=True,
            )
            before = {name: b8_prepare.db_counters(*where, db) for name, where in servers.items()}
            self.cluster_overflows = listen_overflows()
            nginx_log = info.get("CLUSTER_NGINX_LOG", "")
            nginx_offset = file_size(nginx_log)
            client = subprocess.Popen(
                [
                    sys.executable,
                    os.path.join(HERE, "b8_load.py"),
                    f"--url={info['CLUSTER_URL']}",
                    f"--plan={plan_file.name}",
                    f"--seconds={B8_SECONDS}",
                    f"--max-requests={B8_MAX_REQUESTS}",
                    f"--seed={self.args.seed}",
                    f"--think={B8_THINK}",
                    f"--started-file={started_file}",
                    f"--tag={tag}",
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            if faults:
                faults.start(started_file)
            stdout, stderr = client.communicate(timeout=B8_SECONDS + 900)
            if faults:
                faults.join()
            after = {name: b8_prepare.db_counters(*where, db) for name, where in servers.items()}
            self.cluster_overflows = overflow_text(self.cluster_overflows, listen_overflows())
            self.cluster_overflows += slow_connects(nginx_log, nginx_offset)
        except subprocess.CalledProcessError as error:
            self.table.add(
                "B8/B9 scale-out", "", f"bin/cluster up failed: {error.stderr[-300:]}", "", "", "", False
            )
            return None
        finally:
            subprocess.run([self.args.cluster, "down", "--keep-postgres"], check=False, capture_output=True)
            os.unlink(plan_file.name)
            if os.path.exists(started_file):
                os.unlink(started_file)
        if client.returncode != 0 or not stdout.strip():
            self.table.add("B8/B9 scale-out", "", f"client failed: {stderr[-300:]}", "", "", "", False)
            return None
        report = json.loads(stdout.strip().splitlines()[-1])
        share, delta = b8_prepare.replica_share(before, after)
        self.cr.rollback()
        env.invalidate_all()
        lost, duplicated, checked = b8_prepare.check_writes(env, report["log"])
        return report, share, delta, lost, duplicated, checked


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="")
    parser.add_argument("--server-port", type=int, default=8305)
    parser.add_argument("--server-config", default="")
    parser.add_argument("--server-log", default="/tmp/org_bench_server.log")
    parser.add_argument("--cluster", default=os.path.join(HERE, "..", "..", "bin", "cluster"))
    parser.add_argument("--large", action="store_true", help="B4L/B5L: B4 and B5 again at 1,000,000")
    parser.add_argument("--stages", default="", help="the zone's stages to reach (a quick try: N=100)")
    args, odoo_args = parser.parse_known_args()
    if odoo_args and odoo_args[0] == "--":
        odoo_args = odoo_args[1:]
    config.parse_config(odoo_args + [f"--database={args.db}"])
    logging.getLogger("odoo").setLevel(logging.WARNING)
    logging.getLogger("org_bench").setLevel(logging.INFO)
    odoo.service.server.load_server_wide_modules()
    return Bench(args).run()


if __name__ == "__main__":
    sys.exit(main())
