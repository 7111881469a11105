import json
from datetime import date, datetime, timedelta

from odoo.tests import TransactionCase, new_test_user
from odoo.tools import file_open

from odoo.addons.org_base.tests.fixtures import resident_id

DASHBOARD_FILES = {
    f"org_dashboard.spreadsheet_dashboard_org_{name}": f"org_dashboard/data/files/org_{name}_dashboard.json"
    for name in ("overview", "grassroots")
}


def data_sources(path):
    """Every ODOO pivot and odoo_* chart of the dashboard file ``path``, as
    ``(name, model, domain, groupby, measures, field_matching)``: what the spreadsheet asks
    the server for (a read_group as the user)."""
    with file_open(path) as file:
        data = json.load(file)
    sources = []
    for pivot_id, pivot in data["pivots"].items():
        sources.append(
            (
                "pivot {} ({})".format(pivot_id, pivot["name"]),
                pivot["model"],
                pivot["domain"],
                [row["fieldName"] for row in pivot["rows"]] + [col["fieldName"] for col in pivot["columns"]],
                [measure["fieldName"] for measure in pivot["measures"]],
                pivot.get("fieldMatching") or {},
            )
        )
    for sheet in data["sheets"]:
        for figure in sheet["figures"]:
            chart = figure["data"]
            if not chart["type"].startswith("odoo_"):
                continue
            meta = chart["metaData"]
            sources.append(
                (
                    "chart {}".format(figure["id"]),
                    meta["resModel"],
                    chart["searchParams"]["domain"],
                    meta["groupBy"],
                    [meta["measure"]],
                    chart.get("fieldMatching") or {},
                )
            )
    return data, sources


class DashboardCommon(TransactionCase):
    """A small zone, built by hand (no demo data): two units with 2 red cards and 1 green one
    on a board; a party committee with two branches, the secretary leading branch 甲; meeting
    compliance rows, candidates and 幸福清单 items on both branches; two cadres; a study
    requirement met by one of two people; two approved talent claims of two years."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.env.company.partner_id.tz = "Asia/Shanghai"
        cls.today = cls.env.company._org_office_today()
        cls.year = cls.today.year
        # Roles: a leader, an administrator, an officer, a secretary, an employee.
        cls.leader = new_test_user(cls.env, "dash_leader", groups="org_base.group_org_leader")
        cls.manager = new_test_user(cls.env, "dash_manager", groups="org_base.group_org_manager")
        cls.officer = new_test_user(cls.env, "dash_officer", groups="org_base.group_org_user")
        cls.secretary = new_test_user(
            cls.env, "dash_secretary", groups="org_grassroots.group_party_secretary"
        )
        cls.employee = new_test_user(cls.env, "dash_employee", groups="base.group_user")
        cls.configurator = new_test_user(
            cls.env, "dash_configurator", groups="org_base.group_org_configurator"
        )

        # 挂图作战: 2 red cards in 组织科, 1 green card in 干部科.
        Department = cls.env["hr.department"]
        cls.unit_a = Department.create({"name": "测试组织科"})
        cls.unit_b = Department.create({"name": "测试干部科"})
        cls.board_type = cls.env["org.board.type"].create({"name": "测试重点任务", "code": "dash_test"})
        cls.board = cls.env["project.project"].create(
            {
                "name": "测试重点任务看板",
                "org_board_type_id": cls.board_type.id,
                "privacy_visibility": "employees",
            }
        )
        now = datetime.now()
        Task = cls.env["project.task"]
        cls.cards = Task.create(
            [
                {
                    "name": "测试逾期一",
                    "project_id": cls.board.id,
                    "org_unit_id": cls.unit_a.id,
                    "date_deadline": now - timedelta(days=5),
                },
                {
                    "name": "测试逾期二",
                    "project_id": cls.board.id,
                    "org_unit_id": cls.unit_a.id,
                    "date_deadline": now - timedelta(days=9),
                },
                {
                    "name": "测试正常",
                    "project_id": cls.board.id,
                    "org_unit_id": cls.unit_b.id,
                    "date_deadline": now + timedelta(days=40),
                },
            ]
        )

        # 基层党建: 测试党委 ── 测试甲支部 (the secretary's), 测试乙支部.
        Organization = cls.env["org.party.organization"]
        cls.committee = Organization.create({"name": "测试党委", "kind": "committee"})
        cls.branch_a = Organization.create(
            {
                "name": "测试甲支部",
                "kind": "branch",
                "parent_id": cls.committee.id,
                "secretary_user_id": cls.secretary.id,
            }
        )
        cls.branch_b = Organization.create(
            {"name": "测试乙支部", "kind": "branch", "parent_id": cls.committee.id}
        )
        # 三会一课 this year: 甲 held both its 支部党员大会 and 党课; 乙 is behind on its 大会.
        general = cls.env.ref("org_grassroots.meeting_type_general_meeting")
        lecture = cls.env.ref("org_grassroots.meeting_type_party_lecture")
        start, end = date(cls.year, 1, 1), date(cls.year, 3, 31)
        Compliance = cls.env["org.party.meeting.compliance"]
        cls.compliance = Compliance.create(
            [
                {
                    "organization_id": org.id,
                    "type_id": meeting_type.id,
                    "period_start": start,
                    "period_end": end,
                    "is_compliant": compliant,
                    "is_final": True,
                    "meeting_count": int(compliant),
                }
                for org, meeting_type, compliant in (
                    (cls.branch_a, general, True),
                    (cls.branch_a, lecture, True),
                    (cls.branch_b, general, False),
                )
            ]
        )
        cls.general, cls.lecture = general, lecture
        # 发展党员: 甲 has two applicants, 乙 one.
        Candidate = cls.env["org.party.candidate"]
        cls.candidates = Candidate.create(
            [
                {
                    "name": name,
                    "organization_id": org.id,
                    "id_number": resident_id("420115", "19980510", order),
                    "date_application": date(cls.year, 1, 5),
                }
                for name, org, order in (
                    ("测试申请人甲一", cls.branch_a, 11),
                    ("测试申请人甲二", cls.branch_a, 12),
                    ("测试申请人乙一", cls.branch_b, 21),
                )
            ]
        )
        # 幸福清单: 甲 closed one (非常满意, 5) and has one open; 乙 closed one (基本满意, 3).
        happiness = cls.env.ref("org_grassroots.project_happiness")
        done = cls.env.ref("org_grassroots.stage_happiness_visit")
        cls.happiness = Task.create(
            [
                {
                    "name": name,
                    "project_id": happiness.id,
                    "org_party_organization_id": org.id,
                    "stage_id": (
                        done if satisfaction else cls.env.ref("org_grassroots.stage_happiness_claimed")
                    ).id,
                    "org_satisfaction": satisfaction,
                    "date_deadline": now - timedelta(days=2),
                }
                for name, org, satisfaction in (
                    ("测试加装电梯", cls.branch_a, "5"),
                    ("测试停车难", cls.branch_a, False),
                    ("测试路灯", cls.branch_b, "3"),
                )
            ]
        )

        # 干部结构: a man and a woman.
        Employee = cls.env["hr.employee"]
        cls.cadres = Employee.create(
            [
                {
                    "name": "测试干部男",
                    "is_cadre": True,
                    "identification_id": resident_id("420115", "19800101", 31),
                    "department_id": cls.unit_a.id,
                },
                {
                    "name": "测试干部女",
                    "is_cadre": True,
                    "identification_id": resident_id("420115", "19900101", 42),
                    "department_id": cls.unit_b.id,
                },
            ]
        )
        # 学时达标率: in 组织科 one of two people reaches the 3 hours required.
        tag = cls.env["hr.employee.category"].create({"name": "测试学习对象"})
        cls.learners = Employee.create(
            [
                {"name": "测试达标", "department_id": cls.unit_a.id, "category_ids": [(6, 0, tag.ids)]},
                {"name": "测试未达标", "department_id": cls.unit_a.id, "category_ids": [(6, 0, tag.ids)]},
            ]
        )
        cls.env["org.study.requirement"].create(
            {"name": "测试学时要求", "hours": 3, "category_ids": [(6, 0, tag.ids)]}
        )
        study_type = cls.env["org.study.type"].create(
            {"name": "测试夜校", "default_hours": 3, "concentrated": True}
        )
        session = cls.env["org.study.session"].create(
            {
                "name": "测试专题学习",
                "type_id": study_type.id,
                "date_start": now - timedelta(days=1),
                "hours": 3,
                "attendance_ids": [(0, 0, {"employee_id": cls.learners[0].id, "state": "present"})],
            }
        )
        session.action_set_held()

        # 人才资金: one policy, a claim approved for last year and one for this year, a draft.
        cls.env.ref("base.CNY").active = True
        cls.env.company.currency_id = cls.env.ref("base.CNY")
        tier = cls.env["org.talent.tier"].create({"name": "测试领军人才", "code": "dash_t"})
        talents = cls.env["org.talent"].create(
            [
                {"name": "测试人才甲", "id_number": resident_id(order=511), "tier_id": tier.id},
                {"name": "测试人才乙", "id_number": resident_id(order=522), "tier_id": tier.id},
            ]
        )
        cls.policy = cls.env["org.talent.policy"].create(
            {
                "name": "测试黄金十条",
                "date_start": date(cls.year - 3, 1, 1),
                "date_end": date(cls.year + 3, 12, 31),
            }
        )
        item = cls.env["org.talent.policy.item"].create(
            {
                "policy_id": cls.policy.id,
                "name": "测试薪酬补贴",
                "kind": "salary",
                "period": "year",
                "amount_max": 200_000,
                "tier_ids": [(6, 0, tier.ids)],
            }
        )
        Application = cls.env["org.talent.application"]
        claims = Application.create(
            [
                {
                    "talent_id": talent.id,
                    "policy_item_id": item.id,
                    "amount": amount,
                    "period_year": year,
                    "date_claim": date(year, 3, 1),
                }
                for talent, amount, year in (
                    (talents[0], 100_000, cls.year - 1),
                    (talents[1], 50_000, cls.year),
                    (talents[0], 70_000, cls.year),
                )
            ]
        )
        for claim in claims[:2]:
            cls._approve(claim)

    @classmethod
    def _approve(cls, claim):
        claim.checklist_line_ids.write({"done": True})
        claim.action_submit()
        claim.action_start_review()
        claim.action_pass_first_review()
        claim.action_pass_second_review()
        claim.date_notice_start -= timedelta(days=30)
        claim.action_approve()

    def read_source(self, user, model, domain, groupby, measures, field_matching):
        """The figures the spreadsheet reads for one data source, as ``user``: the read_group
        its pivot or chart makes (with the default year of the 三会一课 filter)."""
        domain = list(domain)
        for matching in field_matching.values():
            domain += [
                (matching["chain"], ">=", date(self.year, 1, 1)),
                (matching["chain"], "<=", date(self.year, 12, 31)),
            ]
        fields = [measure for measure in measures if measure != "__count"]
        Model = self.env[model].with_user(user)
        if not groupby:
            return Model.read_group(domain, fields, [], lazy=False)
        return Model.read_group(domain, fields, groupby, lazy=False)

    @staticmethod
    def counts(groups, *fields):
        """``{(value of each field, …): count}`` of read_group results (ids of many2ones)."""
        result = {}
        for group in groups:
            key = tuple(
                group[field][0] if isinstance(group[field], tuple) else group[field] for field in fields
            )
            result[key] = group["__count"]
        return result
