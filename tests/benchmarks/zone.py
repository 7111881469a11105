"""Data generator: fills a scratch database with a realistic zone, reproducibly from a seed.

Volume goes through PostgreSQL ``COPY``: each bulk table gets rows cloned from a template
record that the ORM created (so every required column and default is what Odoo writes),
with the varying columns overridden. What the ORM computes from them (parent_path, complete
names, member counts, deadline lights) is either created through the ORM (the 2,000
organizations) or recomputed through the ORM after the copy (member counts).

The zone grows in stages (``Zone.grow``): the same seed and the same targets give the same
rows, so N = 100, N = 10,000 and the full size are prefixes of one another.
"""

import io
import logging
import random
import time
from datetime import date, datetime, timedelta

from odoo import Command

_logger = logging.getLogger("org_bench")

# The tables the zone fills by the hundred thousand: analyzed after each growth (refresh), and
# vacuumed by bench.py once a stage is committed.
BIG_TABLES = (
    "org_party_organization",
    "org_party_member",
    "org_party_meeting",
    "project_task",
    "project_task_user_rel",
    "org_checklist_line",
)

NO_TRACKING = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
}
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥文辉建国志强海燕晓东"
CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK_CHARS = "10X98765432"
PASSWORD = "bench-password"  # the scratch database's bench users
BLOCK = 100  # organizations per committee block: 1 committee, 9 general branches, 90 branches
# Models whose rows their cron makes (the cron's work is counted over organizations; their
# list page is filled by grow_subjects like any other).
MADE_BY_CRON = {"org.party.meeting.compliance": "org.party.organization"}
# Crons whose model is configuration and whose work is over another model's rows: the study
# pace cron checks every ledger line against the (few) hour requirements.
CRON_WORKS_ON = {"org.study.requirement": "org.study.ledger"}
# Models the zone grows itself (the organization tree, members, meetings; B3 and B5 depend on
# their sizes): grow_subjects leaves them as the stage made them.
GROWN_BY_ZONE = ("org.party.organization", "org.party.member", "org.party.meeting")
# Configuration that a cron or a benchmark iterates over (the compliance cron checks every
# meeting type, the re-election cron builds one clause per term rule, the study-pace cron
# reads every requirement's ledger): thousands of them would measure an unrealistic setup,
# and B3 counts 2,000 organizations against the 7 meeting types of the data files. They keep
# the records of the data files; their B2 pages then report too few records (an ERROR row).
# The candidates' kanban shows a column per development stage, one per stage code (unique):
# cloned stages with made-up codes made it read 10,000 columns.
NOT_MULTIPLIED = (
    "org.party.meeting.type",
    "org.party.term.rule",
    "org.study.requirement",
    "org.party.candidate.stage",
)
BRANCH_KINDS = ("branch", "joint_branch", "temporary_branch")


def _month_add(month, months):
    """The first day of the month ``months`` after (before, if negative) ``month``'s."""
    total = month.year * 12 + month.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def resident_id(index):
    """A valid, unique 18-character resident ID number for person ``index``."""
    birthday = date(1950, 1, 1) + timedelta(days=(index // 1000) * 97 % 15000)
    first17 = f"420100{birthday:%Y%m%d}{index % 1000:03d}"
    total = sum(int(char) * weight for char, weight in zip(first17, CHECK_WEIGHTS, strict=True))
    return first17 + CHECK_CHARS[total % 11], birthday


def person_name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _i in range(rng.choice((1, 2))))


def copy_value(value):
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dict):
        import json

        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def reserve_ids(cr, table, count):
    """``count`` consecutive ids from the table's sequence."""
    cr.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
    sequence = cr.fetchone()[0]
    cr.execute("SELECT nextval(%s)", [sequence])
    first = cr.fetchone()[0]
    cr.execute("SELECT setval(%s, %s)", [sequence, first + count - 1])
    return list(range(first, first + count))


def copy_rows(cr, table, columns, rows):
    """COPY ``rows`` (tuples in ``columns`` order) into ``table``."""
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(copy_value(value) for value in row))
        buffer.write("\n")
    buffer.seek(0)
    quoted = ", ".join(f'"{column}"' for column in columns)
    cr._obj.copy_expert(f'COPY "{table}" ({quoted}) FROM STDIN', buffer)


def clone_rows(env, record, overrides_list):
    """Insert one row per ``overrides`` dict, each a copy of ``record``'s row with the
    overridden columns; returns the new ids. The columns that no row overrides are formatted
    once."""
    cr = env.cr
    table = record._table
    env.flush_all()
    cr.execute(f'SELECT * FROM "{table}" WHERE id = %s', [record.id])
    columns = [description.name for description in cr.description]
    template = dict(zip(columns, cr.fetchone(), strict=True))
    ids = reserve_ids(cr, table, len(overrides_list))
    now = datetime.now()
    # The log columns are those of the table (a model without _log_access has none).
    stamped = ["id"] + [column for column in ("create_date", "write_date") if column in columns]
    varying = list(stamped)
    for overrides in overrides_list[:1]:
        varying += [column for column in overrides if column not in varying]
    constant = [column for column in columns if column not in varying]
    constant_text = "\t".join(copy_value(template[column]) for column in constant)
    buffer = io.StringIO()
    for new_id, overrides in zip(ids, overrides_list, strict=True):
        values = [new_id] + [now] * (len(stamped) - 1)
        values += [overrides.get(column, template[column]) for column in varying[len(stamped) :]]
        buffer.write("\t".join(copy_value(value) for value in values))
        buffer.write("\t" + constant_text + "\n" if constant else "\n")
    buffer.seek(0)
    quoted = ", ".join(f'"{column}"' for column in varying + constant)
    cr._obj.copy_expert(f'COPY "{table}" ({quoted}) FROM STDIN', buffer)
    return ids


def fill_required(env, model_name, vals, rng, depth=0):
    """Give every required field that our addons add, without a default, a plausible value
    (for models of addons that are being written while this runs); Odoo's own required
    fields are the caller's (or the model's create) business."""
    model = env[model_name]
    defaults = model.default_get(list(model._fields))
    for name, field in model._fields.items():
        if (
            not field.required
            or name in vals
            or name in defaults
            or field.compute
            or field.related
            or not (field._module or "").startswith("org_")
        ):
            continue
        if field.type in ("char", "text", "html"):
            vals[name] = f"{field.string} {rng.randint(1, 99999)}"
        elif field.type == "many2one":
            comodel = env[field.comodel_name]
            record = comodel.search([], limit=1)
            if not record and depth < 3 and comodel._name.startswith("org."):
                # None yet: one made the same way (an assessment's cycle, say).
                record = comodel.create(fill_required(env, comodel._name, {}, rng, depth + 1))
            vals[name] = record.id
        elif field.type == "selection":
            selection = field._description_selection(env)
            vals[name] = selection[0][0] if selection else False
        elif field.type in ("integer", "float", "monetary"):
            vals[name] = 1
        elif field.type == "date":
            vals[name] = date.today()
        elif field.type == "datetime":
            vals[name] = datetime.now()
        elif field.type == "boolean":
            vals[name] = True
    return vals


class Zone:
    """The scratch zone: an organization tree, members, meetings, boards, cadres, talents."""

    def __init__(self, env, seed):
        self.env = env(context=dict(env.context, **NO_TRACKING))
        self.seed = seed
        self.today = date.today()
        self.orgs = []  # ids in creation order
        self.org_kinds = {}
        self.org_names = {}
        self.secretaries = []
        self.counts = {"org": 0, "member": 0, "meeting": 0, "board_task": 0, "plain_task": 0}
        self.board = None
        self.plain = None
        self.has_grassroots = "org.party.organization" in env

    def rng(self, stream, start):
        """A random generator per stream and position: growing in stages gives the same rows
        as generating at once."""
        return random.Random(f"{self.seed}:{stream}:{start}")

    # Setup

    def setup(self, officer_count=20):
        env = self.env
        users = env["res.users"]
        group_ids = [env.ref("org_base.group_org_user").id]
        vals_list = [
            {
                "name": f"压测组工干部{index:02d}",
                "login": f"bench_officer_{index:02d}",
                "group_ids" if "group_ids" in users._fields else "groups_id": [Command.set(group_ids)],
            }
            for index in range(officer_count)
        ]
        self.officers = users.create(vals_list)
        self.set_password(self.officers)
        self.board_type = self._board_type()
        Project = env["project.project"]
        self.board = Project.create(
            {
                "name": "压测清单看板",
                "org_board_type_id": self.board_type.id,
                "privacy_visibility": "employees",
            }
        )
        self.board_stages = self.board.type_ids.sorted("sequence")
        # The plain project has as many columns as the board (B4 compares the same work).
        stages = env["project.task.type"].create(
            [{"name": f"普通阶段{i + 1}", "sequence": i} for i in range(len(self.board_stages))]
        )
        self.plain = Project.create(
            {"name": "压测普通项目", "privacy_visibility": "employees", "type_ids": [Command.set(stages.ids)]}
        )
        self.plain_stages = stages
        # Templates for the COPY clones: created once through the ORM.
        self.board_template = env["project.task"].create(
            {"name": "模板卡片", "project_id": self.board.id, "stage_id": self.board_stages[0].id}
        )
        self.plain_template = env["project.task"].create(
            {"name": "模板任务", "project_id": self.plain.id, "stage_id": self.plain_stages[0].id}
        )
        env.cr.execute(
            "SELECT * FROM org_checklist_line WHERE res_model = 'project.task' AND res_id = %s ORDER BY id",
            [self.board_template.id],
        )
        self.checklist_template_lines = env.cr.dictfetchall()
        if self.has_grassroots:
            self._setup_grassroots()
        return self

    def set_password(self, users):
        """One password for all bench users, hashed once (hashing is slow on purpose)."""
        users.flush_recordset()
        hashed = users._crypt_context().hash(PASSWORD)
        self.env.cr.execute("UPDATE res_users SET password = %s WHERE id = ANY(%s)", [hashed, users.ids])
        users.invalidate_recordset()

    def _board_type(self):
        BoardType = self.env["org.board.type"].with_context(lang="zh_CN")
        for board_type in BoardType.search([]):
            if "幸福" in (board_type.name or "") or "happ" in (board_type.code or "").lower():
                return board_type
        return self.env.ref("org_checklist.board_type_key_task")

    def _setup_grassroots(self):
        env = self.env
        group = env.ref("org_grassroots.group_party_secretary")
        self.secretaries = env["res.users"].create(
            [
                {
                    "name": f"压测书记{index:02d}",
                    "login": f"bench_secretary_{index:02d}",
                    "group_ids" if "group_ids" in env["res.users"]._fields else "groups_id": [
                        Command.set([group.id])
                    ],
                }
                for index in range(20)
            ]
        )
        # The general branches' secretaries: the n-th general branch of every committee has
        # the n-th of them. The branches below a general branch are reminded through it, so
        # a cron batch of 100 organizations reminds the same people at any size (Odoo
        # subscribes each person reminded to the record: a few queries per person).
        self.branch_secretaries = env["res.users"].create(
            [
                {
                    "name": f"压测总支书记{index:02d}",
                    "login": f"bench_general_secretary_{index:02d}",
                    "group_ids" if "group_ids" in env["res.users"]._fields else "groups_id": [
                        Command.set([group.id])
                    ],
                }
                for index in range(9)
            ]
        )
        self.meeting_types = env["org.party.meeting.type"].search([])
        self.member_template = None
        self.meeting_template = None

    # Organizations

    def _org_layout(self, index):
        """Kind and parent position of organization ``index`` (0 is the working committee)."""
        if index == 0:
            return "working_committee", None
        block, position = divmod(index - 1, BLOCK)
        base = 1 + block * BLOCK
        if position == 0:
            return "committee", 0
        if position < 10:
            return "general_branch", base
        return "branch", base + 1 + (position - 10) // 10

    def _grow_orgs(self, target):
        Organization = self.env["org.party.organization"]
        rng = self.rng("org", len(self.orgs))
        while len(self.orgs) < target:
            # One level at a time: parents exist before their children.
            batch = []
            for index in range(len(self.orgs), target):
                kind, parent = self._org_layout(index)
                if parent is not None and parent >= len(self.orgs):
                    break
                batch.append((index, kind, parent))
            vals_list = []
            for index, kind, parent in batch:
                block = (index - 1) // BLOCK
                name = {
                    "working_committee": "压测开发区党工委",
                    "committee": f"压测第{block + 1}党委",
                    "general_branch": f"压测第{block + 1}党委第{index}党总支",
                    "branch": f"压测第{block + 1}党委第{index}党支部",
                }[kind]
                if kind == "branch" and index % 7 == 0:
                    kind = rng.choice(BRANCH_KINDS[1:])
                # Committees were re-elected within the year; the branches at any time.
                recent = kind in ("working_committee", "committee")
                term_start = self.today - timedelta(days=rng.randint(30, 365 if recent else 5 * 365))
                vals = {
                    "name": name,
                    "kind": kind,
                    "parent_id": self.orgs[parent] if parent is not None else False,
                    "date_founded": term_start - timedelta(days=rng.randint(0, 3000)),
                    "date_term_start": term_start,
                }
                if kind == "committee" and self.secretaries:
                    vals["secretary_user_id"] = self.secretaries[block % len(self.secretaries)].id
                elif kind == "general_branch" and self.secretaries:
                    position = (index - 1) % BLOCK - 1
                    vals["secretary_user_id"] = self.branch_secretaries[position].id
                vals_list.append(vals)
            organizations = Organization.create(vals_list)
            for (_index, kind, _parent), organization in zip(batch, organizations, strict=True):
                self.orgs.append(organization.id)
                self.org_kinds[organization.id] = kind
                self.org_names[organization.id] = organization.name
        self.counts["org"] = len(self.orgs)

    def branch_ids(self):
        return [org_id for org_id in self.orgs if self.org_kinds[org_id] in BRANCH_KINDS]

    # Members

    def _grow_members(self, target):
        start = self.counts["member"]
        if target <= start:
            return
        Member = self.env["org.party.member"]
        if self.member_template is None:
            number, birthday = resident_id(10_000_000)
            self.member_template = Member.create(
                {
                    "name": "模板党员",
                    "id_number": number,
                    "organization_id": self.orgs[-1],
                    "status": "formal",
                    "date_join": date(2000, 7, 1),
                    "date_formal": date(2001, 7, 1),
                }
            )
        branches = self.branch_ids()
        # The member's copy of its organization's place in the tree (a stored related field,
        # which the COPY clones would otherwise take from the template).
        paths = {}
        if "organization_path" in Member._fields:
            Member.env.flush_all()
            self.env.cr.execute("SELECT id, parent_path FROM org_party_organization")
            paths = dict(self.env.cr.fetchall())
        rng = self.rng("member", start)
        overrides = []
        for index in range(start, target):
            number, birthday = resident_id(index)
            formal = rng.random() < 0.9
            joined = birthday + timedelta(days=rng.randint(18 * 365, 30 * 365))
            overrides.append(
                {
                    "name": person_name(rng),
                    "id_number": number,
                    "birthday": birthday,
                    "gender": "male" if int(number[16]) % 2 else "female",
                    "organization_id": branches[index % len(branches)],
                    "status": "formal" if formal else "probationary",
                    "date_join": min(joined, self.today),
                    "date_formal": min(joined + timedelta(days=365), self.today) if formal else None,
                    "date_probation_end": joined + timedelta(days=365),
                    "mobile_phone": f"13{rng.randint(100000000, 999999999)}",
                    "work_unit": f"压测单位{index % 500}",
                    "is_mobile": rng.random() < 0.03,
                    "is_lost_contact": rng.random() < 0.005,
                    "party_post": None,
                }
            )
            if paths:
                overrides[-1]["organization_path"] = paths[branches[index % len(branches)]]
        clone_rows(self.env, self.member_template, overrides)
        self.counts["member"] = target

    def _grow_meetings(self, target):
        start = self.counts["meeting"]
        if target <= start:
            return
        Meeting = self.env["org.party.meeting"]
        if self.meeting_template is None:
            self.meeting_template = Meeting.create(
                {
                    "name": "模板会议",
                    "organization_id": self.orgs[-1],
                    "type_id": self.meeting_types[0].id,
                    "date": self.today - timedelta(days=400),
                    # A held meeting needs its attendance (entered as numbers) and, for some types, minutes.
                    "expected_count": 1,
                    "present_count": 1,
                    "minutes": "<p>会议记录</p>",
                }
            )
        branches = self.branch_ids()
        rng = self.rng("meeting", start)
        overrides = []
        for index in range(start, target):
            meeting_type = self.meeting_types[index % len(self.meeting_types)]
            overrides.append(
                {
                    "name": f"{meeting_type.name}（{index}）",
                    "organization_id": branches[rng.randrange(len(branches))],
                    "type_id": meeting_type.id,
                    "date": self.today - timedelta(days=rng.randint(1, 365)),
                    "place": "党群服务中心",
                    "host": person_name(rng),
                }
            )
        clone_rows(self.env, self.meeting_template, overrides)
        self.counts["meeting"] = target

    # Board cards and plain tasks

    def _task_overrides(self, start, target, stages, rng, prefix, board):
        overrides = []
        stage_count = len(stages)
        for index in range(start, target):
            stage = stages[index % stage_count]
            # Every other run of 100 cards is overdue, a run sharing its deadline, the oldest
            # being the first run: the overdue cron's batch (the 100 oldest, one INSERT) then
            # holds one run, which spreads over all responsible people at any size. Odoo
            # subscribes each person reminded (a few queries per person), so the cron's count
            # compares records, not people.
            run = index // 100
            days = -60 + (run // 2) % 60 if run % 2 == 0 else rng.randint(0, 120)
            deadline = datetime.combine(self.today, datetime.min.time()) + timedelta(days=days, hours=9)
            values = {
                "name": f"{prefix}{index}",
                "stage_id": stage.id,
                "sequence": index,
                "date_deadline": deadline,
                "priority": "1" if rng.random() < 0.1 else "0",
            }
            if board:
                closed = bool(stage.org_closing)
                if closed:
                    light = "closed"
                elif deadline.date() < self.today:
                    light = "red"
                elif deadline.date() <= self.today + timedelta(days=self.board_type.warning_days):
                    light = "yellow"
                else:
                    light = "green"
                values.update(
                    {
                        "org_deadline_status": light,
                        "org_is_closed": closed,
                        "org_responsible_user_id": self.officers[
                            (index // stage_count) % len(self.officers)
                        ].id,
                    }
                )
            overrides.append(values)
        return overrides

    def _grow_tasks(self, key, target, template, stages, prefix, board):
        start = self.counts[key]
        if target <= start:
            return
        rng = self.rng(key, start)
        overrides = self._task_overrides(start, target, stages, rng, prefix, board)
        ids = clone_rows(self.env, template, overrides)
        cr = self.env.cr
        officers = self.officers.ids
        copy_rows(
            cr,
            "project_task_user_rel",
            ["task_id", "user_id"],
            [
                (task_id, officers[((start + n) // len(stages)) % len(officers)])
                for n, task_id in enumerate(ids)
            ],
        )
        if board and self.checklist_template_lines:
            lines = self.checklist_template_lines
            constant = [column for column in lines[0] if column not in ("id", "res_id", "done")]
            line_texts = ["\t".join(copy_value(line[column]) for column in constant) for line in lines]
            buffer = io.StringIO()
            for n, task_id in enumerate(ids):
                done_count = (start + n) % (len(lines) + 1)
                for position, text in enumerate(line_texts):
                    buffer.write(f"{task_id}\t{'t' if position < done_count else 'f'}\t{text}\n")
            buffer.seek(0)
            quoted = ", ".join(f'"{column}"' for column in ["res_id", "done", *constant])
            cr._obj.copy_expert(f"COPY org_checklist_line ({quoted}) FROM STDIN", buffer)
            done_share = {}
            for n, task_id in enumerate(ids):
                done = min((start + n) % (len(lines) + 1), len(lines))
                done_share.setdefault(done, []).append(task_id)
            for done, task_ids in done_share.items():
                cr.execute(
                    "UPDATE project_task SET checklist_progress = %s WHERE id = ANY(%s)",
                    [100.0 * done / len(lines), task_ids],
                )
        self.counts[key] = target

    def department_board(self, count):
        """A board of its own with ``count`` cards, as a department's board is (B6)."""
        env = self.env
        board = env["project.project"].create(
            {
                "name": "压测部门看板",
                "org_board_type_id": self.board_type.id,
                "privacy_visibility": "employees",
            }
        )
        stages = board.type_ids.sorted("sequence")
        template = env["project.task"].create(
            {"name": "模板卡片", "project_id": board.id, "stage_id": stages[0].id}
        )
        self.counts["department_task"] = 0
        self._grow_tasks("department_task", count, template, stages, "部门卡片", True)
        env.invalidate_all()
        return board

    # Cadres and talents

    def grow_people(self, cadres, talents):
        """Cadres (hr.employee) and talents (the org_talent model), through the ORM in batches."""
        rng = self.rng("people", 0)
        Employee = self.env["hr.employee"]
        existing = Employee.search_count([("name", "like", "压测干部")])
        rank = self.env.ref("org_base.rank_l10", raise_if_not_found=False)
        vals_list = []
        for index in range(existing, cadres):
            number, birthday = resident_id(5_000_000 + index)
            vals = {"name": f"压测干部{index}{person_name(rng)}", "identification_id": number}
            if "is_cadre" in Employee._fields:
                vals["is_cadre"] = True
                # A rank the young-cadre rules name, and the birthday: the daily recompute
                # of the young-cadre flag has cadres to look at.
                vals["birthday"] = birthday
                if rank:
                    vals["cadre_rank_id"] = rank.id
            vals_list.append(fill_required(self.env, "hr.employee", vals, rng))
        for offset in range(0, len(vals_list), 500):
            Employee.create(vals_list[offset : offset + 500])
        self.counts["cadre"] = max(existing, cadres)
        if "org.talent" in self.env:
            Talent = self.env["org.talent"].with_context(mail_create_nolog=True, tracking_disable=True)
            tiers = self.env["org.talent.tier"].search([])
            existing = Talent.search_count([])
            vals_list = []
            for index in range(existing, talents):
                number, birthday = resident_id(7_000_000 + index)
                vals = {
                    "name": f"压测人才{index}{person_name(rng)}",
                    "id_type": "resident",
                    "id_number": number,
                    "tier_id": tiers[index % len(tiers)].id if tiers else False,
                    "field_of_expertise": rng.choice(("智能网联汽车", "集成电路", "生物医药", "新能源")),
                }
                vals_list.append(vals)  # the contact is created from the talent
            for offset in range(0, len(vals_list), 500):
                Talent.create(vals_list[offset : offset + 500])
            self.counts["talent"] = max(existing, talents)
        self.env.flush_all()

    # Growing

    def grow(self, orgs, members, meetings, tasks):
        """Add rows up to these totals, then recompute what depends on them."""
        steps = []
        if self.has_grassroots:
            steps += [
                ("organizations", lambda: self._grow_orgs(orgs)),
                ("members", lambda: self._grow_members(members)),
                ("meetings", lambda: self._grow_meetings(meetings)),
            ]
        steps += [
            (
                "board cards",
                lambda: self._grow_tasks(
                    "board_task", tasks, self.board_template, self.board_stages, "压测卡片", True
                ),
            ),
            (
                "plain tasks",
                lambda: self._grow_tasks(
                    "plain_task", tasks, self.plain_template, self.plain_stages, "压测任务", False
                ),
            ),
            ("recompute and analyze", self.refresh),
        ]
        for label, step in steps:
            start = time.perf_counter()
            step()
            _logger.info("  %s: %.1f s", label, time.perf_counter() - start)

    def refresh(self):
        env = self.env
        env.invalidate_all()
        env.registry.clear_cache()
        if self.has_grassroots:
            Organization = env["org.party.organization"]
            organizations = Organization.with_context(active_test=False).search([])
            for name in ("member_formal_count", "member_probationary_count", "member_count"):
                env.add_to_compute(Organization._fields[name], organizations)
            env.flush_all()
        for table in BIG_TABLES:
            if self.has_grassroots or not table.startswith("org_party"):
                env.cr.execute(f"ANALYZE {table}")
        env.invalidate_all()

    # The models of the B2 pages and crons

    def grow_subjects(self, subjects, target):
        """Fill the model of each B2 subject up to ``target`` records: ``subjects`` maps a label
        to (model name, domain, model with the page's default context). The records come from
        one or two ORM-made templates cloned through COPY: a template in the state the model's
        cron acts on (a tenth of the rows: due publicity, a late service request ...) and a
        plain one. A unique column of the template varies per row; a model whose template
        cannot be made is left as it is (its B2 row then reports no records)."""
        env = self.env
        if "org.party.dues.line" in env:
            try:
                with env.cr.savepoint():
                    self.grow_dues(target)  # its models are then full: the loop below leaves them
            except Exception as error:  # reported (no records), not fatal, as below
                _logger.warning("the zone cannot fill the dues: %s", error)
                env.invalidate_all()
        done = set()
        # The sessions before their attendances (which are spread over them).
        ordered = sorted(subjects.values(), key=lambda subject: subject[0] == "org.study.attendance")
        for model_name, domain, model in ordered:
            key = (model_name, repr(domain))
            if (
                key in done
                or (model_name == "project.task" and not domain)
                or model_name in GROWN_BY_ZONE
                or model_name in NOT_MULTIPLIED
            ):
                continue
            done.add(key)
            Model = env[model_name]
            if Model._abstract or Model._transient or not Model._auto:
                continue
            have = Model.search_count(domain)
            if have >= target:
                continue
            started = time.perf_counter()
            try:
                with env.cr.savepoint():
                    templates = self._templates(model.with_context(**NO_TRACKING), domain)
                    if not templates:
                        continue
                    self.env.flush_all()
                    count = target - Model.search_count(domain)
                    # Rows are numbered on from those of the earlier stages.
                    self._row_counter = self._row_start = Model.search_count([])
                    due_count = count // 10 if len(templates) > 1 else 0
                    ids = []
                    for (template, _kind), rows in zip(
                        templates,
                        (count - due_count * (len(templates) - 1),) + (due_count,) * 3,
                        strict=False,
                    ):
                        ids += self._clone(template, rows, have + len(ids))
                    self._after_clone(Model, ids)
            except Exception as error:  # one model that cannot be filled is reported (no records), not fatal
                _logger.warning("the zone cannot fill %s: %s", model_name, error)
                env.invalidate_all()
                continue
            self.counts[model_name] = Model.search_count(domain)
            _logger.info(
                "  %s: %s → %s records in %.1f s",
                model_name,
                have,
                self.counts[model_name],
                time.perf_counter() - started,
            )
        env.invalidate_all()
        self.refresh_people()

    # 党费 (org_party_dues): dues bases, lines, payments and remittances, valid by the addon's rules

    def grow_dues(self, target):
        """``target`` paid dues lines, each with its payment, and as many remittances (one per
        organization and month, of what it collected that month), plus a tenth as many unpaid
        lines of last month (the arrears), made set-based (COPY). The members get a dues category
        (in service by income, one in ten a student at the fixed amount) and a dues base for each
        year they have lines of and for this year (the monthly cron's); each line's amount is its
        base's. One line per organization and month (the remittances then cover ``target``
        organization-months), the months going back from the month before last; the current
        month is left to the monthly cron. Rebuilt whole at each stage (the organizations grow)."""
        env = self.env
        cr = env.cr
        Line = env["org.party.dues.line"]
        if Line.search_count([]) >= target:
            return
        started = time.perf_counter()
        cr.execute(
            "DELETE FROM org_party_dues_remittance; DELETE FROM org_party_dues_line; "
            "DELETE FROM org_party_dues_payment; DELETE FROM org_party_dues_base"
        )
        env.invalidate_all()
        in_service = env.ref("org_party_dues.dues_category_in_service")
        student = env.ref("org_party_dues.dues_category_student")
        cr.execute(
            "UPDATE org_party_member SET dues_category_id = CASE WHEN id %% 10 = 0 THEN %s ELSE %s END, "
            "dues_months_unpaid = 0, dues_oldest_unpaid = NULL",
            [student.id, in_service.id],
        )
        this_month = env.company._org_office_today().replace(day=1)
        # the months the lines span (a member's lines are of months after they joined)
        months_back = target // max(len(self.branch_ids()) // 2, 1) + 3
        oldest = _month_add(this_month, -months_back)
        members = env["org.party.member"].search(
            Line._org_liable_member_domain(this_month) + [("date_join", "<", oldest)], order="id"
        )
        by_org = {}
        for member in members:
            by_org.setdefault(member.organization_id.id, []).append(member)
        orgs = sorted(by_org)
        currency = env.company.currency_id.id
        now = datetime.now()
        log = (1, now, 1, now)
        log_columns = ("create_uid", "create_date", "write_uid", "write_date")

        def income(member):
            return 2500 + member.id % 40 * 250 if member.dues_category_id == in_service else None

        standard = {}  # income → fen (a few dozen incomes)

        def amount_fen(member):
            value = income(member)
            if value not in standard:
                standard[value] = member.dues_category_id._org_standard_fen(value or 0.0)
            return standard[value]

        # (member, month, paid): the paid lines one per organization and month, oldest last
        lines = []
        for index in range(target):
            org = orgs[index % len(orgs)]
            step = index // len(orgs)
            month = _month_add(this_month, -2 - step)
            lines.append((by_org[org][step % len(by_org[org])], month, True))
        # the arrears: last month unpaid (the newest month: payments pay the oldest first)
        for member in members[: max(target // 10, 1)]:
            lines.append((member, _month_add(this_month, -1), False))
        if lines[-1][1] < oldest or min(month for _member, month, _paid in lines) < oldest:
            raise ValueError(f"dues lines before {oldest}: too few organizations with members")
        years = {(member, this_month.year) for member in members}
        years |= {(member, month.year) for member, month, _paid in lines}
        copy_rows(
            cr,
            "org_party_dues_base",
            ("member_id", "organization_id", "year", "currency_id", "income", "amount_standard", "amount")
            + log_columns,
            [
                (member.id, member.organization_id.id, year, currency, income(member))
                + (amount_fen(member) / 100,) * 2
                + log
                for member, year in sorted(years, key=lambda pair: (pair[0].id, pair[1]))
            ],
        )
        paid = [(member, month) for member, month, is_paid in lines if is_paid]
        payment_ids = reserve_ids(cr, "org_party_dues_payment", len(paid))
        copy_rows(
            cr,
            "org_party_dues_payment",
            (
                "id",
                "member_id",
                "organization_id",
                "date",
                "currency_id",
                "amount",
                "payment_way",
                "reference",
                "amount_allocated",
                "amount_unallocated",
            )
            + log_columns,
            [
                (payment_id, member.id, member.organization_id.id, month + timedelta(days=14), currency)
                + (amount_fen(member) / 100, "bank", f"压测流水{payment_id}", amount_fen(member) / 100, 0)
                + log
                for payment_id, (member, month) in zip(payment_ids, paid, strict=True)
            ],
        )
        payment_of = dict(zip(paid, payment_ids, strict=True))
        copy_rows(
            cr,
            "org_party_dues_line",
            (
                "member_id",
                "organization_id",
                "month",
                "currency_id",
                "amount",
                "date_paid",
                "payment_way",
                "payment_id",
                "state",
            )
            + log_columns,
            [
                (member.id, member.organization_id.id, month, currency, amount_fen(member) / 100)
                + (
                    (month + timedelta(days=14), "bank", payment_of[member, month], "paid")
                    if is_paid
                    else (None, None, None, "unpaid")
                )
                + log
                for member, month, is_paid in lines
            ],
        )
        parents = dict(
            env["org.party.organization"]
            .browse(orgs)
            .with_context(active_test=False)
            .mapped(lambda org: (org.id, org.parent_id.id or None))
        )
        copy_rows(
            cr,
            "org_party_dues_remittance",
            ("organization_id", "to_organization_id", "month", "date", "currency_id", "amount") + log_columns,
            [
                (member.organization_id.id, parents[member.organization_id.id], month)
                + (month + timedelta(days=20), currency, amount_fen(member) / 100)
                + log
                for member, month in paid
            ],
        )
        cr.execute(
            """UPDATE org_party_member m SET dues_months_unpaid = s.months, dues_oldest_unpaid = s.oldest
                 FROM (SELECT member_id, COUNT(*) AS months, MIN(month) AS oldest FROM org_party_dues_line
                        WHERE date_paid IS NULL GROUP BY member_id) s
                WHERE m.id = s.member_id"""
        )
        cr.execute(
            "ANALYZE org_party_dues_base, org_party_dues_line, "
            "org_party_dues_payment, org_party_dues_remittance"
        )
        env.invalidate_all()
        # The rows obey the addon's rules (one place per rule): a sample of each model checked.
        for model in (
            "org.party.dues.base",
            "org.party.dues.line",
            "org.party.dues.payment",
            "org.party.dues.remittance",
        ):
            for record in env[model].search([], limit=20, order="id desc") | env[model].search([], limit=20):
                messages = record._org_rule_messages()
                if messages:
                    raise ValueError(f"the zone made an invalid {model} {record.id}: {messages}")
        for model in (
            "org.party.dues.line",
            "org.party.dues.payment",
            "org.party.dues.remittance",
            "org.party.dues.base",
        ):
            self.counts[model] = env[model].search_count([])
        _logger.info(
            "  dues: %s lines, %s payments, %s remittances, %s bases in %.1f s",
            *(
                self.counts[model]
                for model in (
                    "org.party.dues.line",
                    "org.party.dues.payment",
                    "org.party.dues.remittance",
                    "org.party.dues.base",
                )
            ),
            time.perf_counter() - started,
        )

    def _clone(self, template, rows, start):
        """``rows`` copies of ``template`` with their name and unique columns varied."""
        if rows <= 0:
            return []
        cr = self.env.cr
        table = template._table
        template.flush_recordset()
        cr.execute(f'SELECT * FROM "{table}" WHERE id = %s', [template.id])
        columns = [description.name for description in cr.description]
        values = dict(zip(columns, cr.fetchone(), strict=True))
        # Unique columns vary per row, but not references (a row override sets those).
        varying = {
            column
            for column in unique_columns(cr, table)
            if not (column in template._fields and template._fields[column].type == "many2one")
        }
        if "name" in columns and "name" not in varying:
            varying.add("name")
        overrides_list = []
        for index in range(start, start + rows):
            overrides = {}
            for column in varying:
                value = values[column]
                if isinstance(value, dict):
                    overrides[column] = {lang: f"{text}{index}" for lang, text in value.items()}
                elif isinstance(value, str) or value is None:
                    overrides[column] = f"{value or 'B'}{index}"
                elif isinstance(value, int) and not isinstance(value, bool):
                    overrides[column] = value + 10_000_000 + index
                elif isinstance(value, date):
                    overrides[column] = value - timedelta(days=index + 1)  # a _row_overrides may set it
                else:
                    raise ValueError(f"{table}.{column} is unique and of a kind the zone cannot vary")
            overrides.update(self._row_overrides(template, self._row_counter))
            self._row_counter += 1
            overrides_list.append(overrides)
        return clone_rows(self.env, template, overrides_list)

    def _row_overrides(self, template, number):
        """Columns that must differ per row beyond the unique ones; ``number`` counts the
        model's rows over all stages, ``index`` this stage's."""
        index = number - self._row_start
        if template._name == "org.talent.card":
            # One card in force per talent: each card has its own talent.
            return {"talent_id": self.card_talent_ids[index % len(self.card_talent_ids)]}
        if template._name in ("org.cadre.assessment", "org.cadre.training.enrollment"):
            # One assessment (enrollment) a cadre in a cycle (programme): each its own cadre.
            return {"employee_id": self.free_cadre_ids[index % len(self.free_cadre_ids)]}
        if template._name == "org.party.meeting.compliance":
            # Past months of the organizations the zone has, never a period the cron makes.
            organization = self.orgs[number % len(self.orgs)]
            start = date(1990, 1, 1) + timedelta(days=number // len(self.orgs))
            return {
                "organization_id": organization,
                "period_start": start,
                "period_end": start,
                "period_label": f"{start.year}年{start.month:02d}月",
            }
        if template._name == "org.study.attendance":
            return {
                "session_id": self.session_ids[number % len(self.session_ids)],
                "employee_id": self.officer_employees[(number // len(self.session_ids)) % 20].id,
            }
        return {}

    def _after_clone(self, Model, ids):
        cr = self.env.cr
        if Model._parent_store and ids:
            cr.execute(
                f"UPDATE \"{Model._table}\" SET {Model._parent_name} = NULL, parent_path = id::text || '/' "
                "WHERE id = ANY(%s)",
                [ids],
            )
        if Model._name == "org.study.session":
            self.session_ids = Model.search([]).ids

    def _officer(self, index=0):
        return self.officers[index % len(self.officers)]

    def _templates(self, model, domain):
        """[(template, kind)]: the plain template first, then the ones a cron acts on."""
        env = self.env
        name = model._name
        today = self.today
        special = getattr(self, "_template_" + name.replace(".", "_"), None)
        if special:
            return special(model)
        existing = model.search(domain, limit=1, order="id desc")
        if existing:
            return [(existing, "plain")]
        vals = fill_required(env, name, {}, self.rng("template", 0))
        if "name" in model._fields and "name" not in vals and model._fields["name"].type == "char":
            vals["name"] = f"压测{model._description}"
        if "date" in model._fields and model._fields["date"].required and "date" not in vals:
            vals["date"] = today
        return [(model.create(vals), "plain")]

    def _cadre(self, index=0):
        Employee = self.env["hr.employee"]
        if not getattr(self, "zone_cadres", None):
            self.zone_cadres = Employee.search([("name", "like", "压测干部")], limit=50, order="id")
        return self.zone_cadres[index % len(self.zone_cadres)]

    def _template_org_cadre_appointment(self, model):
        today = self.today
        plain = model.create({"name": "压测岗位", "user_id": self._officer().id})
        publicity = model.create({"name": "压测公示岗位", "user_id": self._officer(1).id})
        probation = model.create({"name": "压测试用岗位", "user_id": self._officer(2).id})
        (plain | publicity | probation).flush_recordset()
        # The steps before are not the point here: the state is set as the workflow leaves it.
        self.env.cr.execute(
            "UPDATE org_cadre_appointment SET state = 'publicity', date_publicity_end = %s WHERE id = %s",
            [today - timedelta(days=3), publicity.id],
        )
        self.env.cr.execute(
            "UPDATE org_cadre_appointment SET state = 'appointed', has_probation = TRUE, "
            "date_probation_end = %s WHERE id = %s",
            [today - timedelta(days=3), probation.id],
        )
        (publicity | probation).invalidate_recordset()
        return [(plain, "plain"), (publicity, "publicity over"), (probation, "probation over")]

    def _template_org_cadre_supervision(self, model):
        today = self.today
        base = {"employee_id": self._cadre().id, "reason": "压测", "handler_id": self._officer().id}
        plain = model.create({**base, "kind": "reminder", "date": today - timedelta(days=10)})
        inquiry = model.create({**base, "kind": "inquiry", "date": today - timedelta(days=60)})
        inquiry.write({"reply_due_date": today - timedelta(days=3)})
        old = model.create({**base, "kind": "admonishment", "date": today - timedelta(days=3 * 365)})
        old.flush_recordset()
        self.env.cr.execute(
            "UPDATE org_cadre_supervision SET is_effective = TRUE, effect_date_end = %s WHERE id = %s",
            [today - timedelta(days=3), old.id],
        )
        old.invalidate_recordset()
        return [(plain, "plain"), (inquiry, "reply due"), (old, "effect over")]

    def _template_org_cadre_incentive(self, model):
        today = self.today
        base = {"employee_id": self._cadre().id, "reason": "压测", "user_id": self._officer().id}
        plain = model.create({**base, "kind": "commendation", "date": today - timedelta(days=10)})
        light = model.create({**base, "kind": "yellow_light", "date": today - timedelta(days=200)})
        light.write({"date_correction_end": today - timedelta(days=3)})
        return [(plain, "plain"), (light, "correction over")]

    def _template_org_party_candidate(self, model):
        env = self.env
        today = self.today
        branch = self.branch_ids()[0]
        plain = model.create({"name": "压测申请人", "organization_id": branch})
        admitted = today - timedelta(days=355)
        introducers = env["org.party.member"].search([("status", "=", "formal")], limit=2, order="id")
        due = model.create(
            {
                "name": "压测预备党员",
                "organization_id": branch,
                "stage_id": env.ref("org_grassroots.candidate_stage_probationary").id,
                "date_application": admitted - timedelta(days=800),
                "date_probationary": admitted,
                "political_review_done": True,
                "training_hours": 24,
                # Admission asks two introducers, a 公示 of 5 working days and a passed 预审.
                "introducer_1_id": introducers[0].id,
                "introducer_2_id": introducers[1].id,
                "date_publicity_start": admitted - timedelta(days=30),
                "date_publicity_end": admitted - timedelta(days=20),
                "date_pre_examination": admitted - timedelta(days=10),
                "pre_examination_result": "passed",
            }
        )
        return [(plain, "plain"), (due, "probation ending")]

    def _formal_member(self, offset):
        """A formal member in normal standing who joined long ago, for the registers of 党籍
        changes and 流动党员 (each its own: a suspended member cannot go away, say). Never the
        members' template: the members of the later stages are its clones (all suspended, else)."""
        return self.env["org.party.member"].search(
            [
                ("id", "!=", self.member_template.id),
                ("status", "=", "formal"),
                ("standing", "=", "normal"),
                ("date_join", "<", self.today - timedelta(days=3 * 365)),
            ],
            limit=offset + 1,
            order="id",
        )[offset:]

    def _first_record(self, model):
        """The template a former stage made: clones of it at this stage too."""
        return model.search([], limit=1, order="id")

    def _template_org_party_standing_event(self, model):
        if self._first_record(model):
            return [(self._first_record(model), "plain")]
        reason = self.env["org.dictionary.item"].search(
            # Settled abroad (not lost contact, which asks for a lost-contact registration first).
            [("dictionary_code", "=", "party_suspension_reason"), ("code", "=", "02")],
            limit=1,
        )
        event = model.create(
            {
                "member_id": self._formal_member(0).id,
                "kind": "suspend",
                "date": self.today - timedelta(days=30),
                "suspension_reason_id": reason.id,
                "reason": "压测：因私出国并在国外长期定居，支部决定停止党籍",
            }
        )
        return [(event, "plain")]

    def _template_org_party_mobility(self, model):
        if self._first_record(model):
            return [(self._first_record(model), "plain")]
        mobility = model.create(
            {
                "member_id": self._formal_member(1).id,
                "kind": "out",
                "destination": "压测外出务工地",
                "contact": "13900000000",
                "date_start": self.today - timedelta(days=60),
            }
        )
        return [(mobility, "plain")]

    def _template_org_party_report(self, model):
        today = self.today
        branch = self.branch_ids()[0]
        plain = model.create({"name": "压测请示", "organization_id": branch, "content": "<p>压测</p>"})
        due = model.create({"name": "压测待复请示", "organization_id": branch, "content": "<p>压测</p>"})
        due.action_submit()
        due.write({"date_reply_due": today - timedelta(days=1)})
        return [(plain, "plain"), (due, "reply due")]

    def _template_org_party_transfer(self, model):
        member = self.env["org.party.member"].search([], limit=1, order="id")
        vals = {"member_id": member.id, "organization_to_id": self.branch_ids()[1]}
        vals = fill_required(self.env, model._name, vals, self.rng("transfer", 0))
        return [(model.create(vals), "plain")]

    def _template_org_party_meeting_compliance(self, model):
        """A compliance row as the cron makes it; the clones spread over the organizations and
        over past periods (one row per type, period and organization)."""
        existing = model.search([], limit=1, order="id")
        if not existing:
            start = self.today.replace(day=1)
            existing = model.create(
                {
                    "organization_id": self.branch_ids()[0],
                    "type_id": self.meeting_types[0].id,
                    "period_start": start,
                    "period_end": start,
                }
            )
        return [(existing, "plain")]

    def _template_org_cadre_assessment(self, model):
        return self._template_per_cadre(model)

    def _template_org_cadre_training_enrollment(self, model):
        return self._template_per_cadre(model)

    def _template_per_cadre(self, model):
        """A template of a model with one record a cadre (per cycle or programme); the clones
        take the cadres that have none yet."""
        cadres = self.env["hr.employee"].search([("name", "like", "压测干部")], order="id")
        existing = model.search([], limit=1, order="id desc")
        if not existing:
            vals = fill_required(self.env, model._name, {"employee_id": cadres[0].id}, self.rng("cadre", 0))
            existing = model.create(vals)
        taken = set(model.search([]).employee_id.ids)
        self.free_cadre_ids = [cadre_id for cadre_id in cadres.ids if cadre_id not in taken]
        return [(existing, "plain")]

    def _template_org_form_customization(self, model):
        allowed = (
            model._allowed_models().filtered(lambda m: m.model == "org.party.member")
            or (model._allowed_models()[:1])
        )
        vals = fill_required(self.env, model._name, {"model_id": allowed.id}, self.rng("form", 0))
        return [(model.create(vals), "plain")]

    def _talents(self, count):
        return self.env["org.talent"].search([], limit=count, order="id").ids

    def _template_org_talent_card(self, model):
        today = self.today
        # Talents without a card yet: one card in force per talent.
        self.card_talent_ids = (
            self.env["org.talent"].search([("id", "not in", model.search([]).talent_id.ids)], order="id").ids
        )
        cards = model.create(
            [
                {
                    "talent_id": self.card_talent_ids[index],
                    "date_issue": today - timedelta(days=700),
                    "date_expiry": expiry,
                    "user_id": self._officer().id,
                }
                for index, expiry in enumerate((today + timedelta(days=700), today - timedelta(days=3)))
            ]
        )
        cards.action_issue()
        self.card_talent_ids = self.card_talent_ids[2:]
        return [(cards[0], "plain"), (cards[1], "expired")]

    def _policy_item(self):
        env = self.env
        if getattr(self, "policy_item", None):
            return self.policy_item
        policy = env["org.talent.policy"].create(
            {
                "name": "压测人才政策",
                "date_start": date(self.today.year - 3, 1, 1),
                "date_end": date(self.today.year + 3, 12, 31),
                "review_days": 10,
            }
        )
        self.policy_item = env["org.talent.policy.item"].create(
            fill_required(
                env,
                "org.talent.policy.item",
                {
                    "policy_id": policy.id,
                    "name": "压测租房补贴",
                    "kind": "housing",
                    "period": "year",
                    "amount_max": 100_000,
                },
                self.rng("policy", 0),
            )
        )
        return self.policy_item

    def _template_org_talent_policy_item(self, model):
        return [(self._policy_item(), "plain")]

    def _template_org_talent_application(self, model):
        item = self._policy_item()
        talent = self._talents(1)[0]
        base = {
            "talent_id": talent,
            "policy_item_id": item.id,
            "amount": 1000,
            "period_year": self.today.year,
            "date_claim": self.today - timedelta(days=60),
            "user_id": self._officer().id,
        }
        plain = model.create(base)
        stuck = model.create(base)
        stuck.flush_recordset()
        self.env.cr.execute(
            "UPDATE org_talent_application SET state = 'first_review', date_state = %s WHERE id = %s",
            [datetime.now() - timedelta(days=60), stuck.id],
        )
        stuck.invalidate_recordset()
        return [(plain, "plain"), (stuck, "stuck in review")]

    def _template_project_task(self, model):
        """A card of the page's board (the action's default project); on the talent service
        board a request of a service type, a tenth of them late."""
        env = self.env
        project = env["project.project"].browse(model.env.context.get("default_project_id"))
        if not project:
            return []
        stage = project.type_ids.sorted("sequence")[:1]
        base = {"name": f"压测{project.name}卡片", "project_id": project.id, "stage_id": stage.id}
        base["user_ids"] = [Command.set([self._officer().id])]
        if "org_talent_service_type_id" in model._fields and project == env.ref(
            "org_talent.project_talent_service", raise_if_not_found=False
        ):
            service_type = env["org.talent.service.type"].search([], limit=1) or env[
                "org.talent.service.type"
            ].create({"name": "压测服务", "code": "bench_service", "sla_days": 5})
            base.update({"org_talent_id": self._talents(1)[0], "org_talent_service_type_id": service_type.id})
            plain = model.create({**base, "date_deadline": datetime.now() + timedelta(days=30)})
            late = model.create({**base, "date_deadline": datetime.now() - timedelta(days=1)})
            return [(plain, "plain"), (late, "late")]
        base = fill_required(env, "project.task", base, self.rng("task", 0))
        return [(model.create(base), "plain")]

    def _template_org_study_session(self, model):
        env = self.env
        session_type = env["org.study.type"].search([], limit=1)
        now = datetime.now()
        base = {"name": "压测学习", "type_id": session_type.id, "place": "党群服务中心"}
        base = fill_required(env, "org.study.session", base, self.rng("session", 0))
        plain = model.create(
            {**base, "date_start": now + timedelta(days=10), "date_end": now + timedelta(days=10, hours=2)}
        )
        # Held tomorrow at 10:00 in the department's time zone (the cron's own bounds: after
        # 16:00 UTC, Wuhan's tomorrow is the UTC day after next): its participants are
        # reminded today.
        tomorrow = env["org.study.session"]._tomorrow_bounds()[0] + timedelta(hours=10)
        due = model.create({**base, "date_start": tomorrow, "date_end": tomorrow + timedelta(hours=2)})
        self.session_ids = [plain.id, due.id]
        return [(plain, "plain"), (due, "tomorrow")]

    def _template_org_audit_log(self, model):
        """Audit rows as the platform writes them (``_log``: one INSERT; the ORM refuses to
        create them), and one older than the retention period, which the monthly purge
        deletes."""
        Log = self.env["org.audit.log"]
        Log._log("export", self._cadre(), detail="压测导出")
        Log._log("export", self._cadre(1), detail="压测导出")
        plain, old = Log.search([], order="id desc", limit=2)[::-1]
        self.env.cr.execute(
            "UPDATE org_audit_log SET log_date = log_date - interval '10 years' WHERE id = %s", [old.id]
        )
        Log.invalidate_model()
        return [(plain, "plain"), (old, "past retention")]

    def _template_org_study_attendance(self, model):
        env = self.env
        self.session_ids = env["org.study.session"].search([], order="id").ids
        if not self.session_ids:
            return []
        self._officer_employees()
        existing = model.search([], limit=1, order="id desc")
        if existing:
            return [(existing, "plain")]
        return [
            (
                model.create(
                    {"session_id": self.session_ids[-1], "employee_id": self.officer_employees[-1].id}
                ),
                "plain",
            )
        ]

    def _officer_employees(self):
        """An employee for each bench officer (study attendances remind them)."""
        if getattr(self, "officer_employees", None):
            return self.officer_employees
        Employee = self.env["hr.employee"]
        self.officer_employees = Employee.search([("user_id", "in", self.officers.ids)], order="id")
        missing = self.officers - self.officer_employees.user_id
        if missing:
            Employee.create([{"name": user.name, "user_id": user.id} for user in missing])
            self.officer_employees = Employee.search([("user_id", "in", self.officers.ids)], order="id")
        return self.officer_employees

    def refresh_people(self):
        """A tenth of the cadres with a rank carry a stale young-cadre flag (as after a
        birthday or a changed rule): the daily recompute has that work at any size."""
        cr = self.env.cr
        cr.execute(
            "UPDATE hr_employee SET is_young_cadre = TRUE "
            "WHERE name LIKE '压测干部%' AND cadre_rank_id IS NOT NULL AND id % 10 = 0 "
            "AND birthday < '1970-01-01'"
        )
        self.env.invalidate_all()


def unique_columns(cr, table):
    """The columns of ``table``'s unique indexes (its primary key aside)."""
    cr.execute(
        """SELECT DISTINCT a.attname
             FROM pg_index i
             JOIN pg_class c ON c.oid = i.indrelid
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
            WHERE c.relname = %s AND i.indisunique AND NOT i.indisprimary""",
        [table],
    )
    return [row[0] for row in cr.fetchall()]
