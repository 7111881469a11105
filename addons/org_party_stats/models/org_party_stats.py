from datetime import date

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

#: 年龄 columns of the 党员基本情况 table: (label, lowest age, highest age) as of 31 December.
AGE_BANDS = [
    ("30岁及以下", None, 30),
    ("31至35岁", 31, 35),
    ("36至40岁", 36, 40),
    ("41至45岁", 41, 45),
    ("46至50岁", 46, 50),
    ("51至55岁", 51, 55),
    ("56至60岁", 56, 60),
    ("61至70岁", 61, 70),
    ("71岁及以上", 71, None),
]
#: 学历 columns (GB/T 4658 codes of the dictionary 学历, by the code's first digits).
EDUCATION_COLUMNS = ["研究生", "大学本科", "大学专科", "中专", "高中、中技", "初中及以下"]
#: 职业 columns (dictionary 党员工作岗位, by the first two digits of the code).
JOB_COLUMNS = [
    ("01", "工人"),
    ("02", "农牧渔民"),
    ("03", "专业技术人员"),
    ("04", "管理人员"),
    ("05", "党政机关工作人员"),
    ("06", "学生"),
    ("07", "其他职业人员"),
    ("08", "离退休人员"),
]
#: 党支部 kinds (党支部, 联合党支部, 临时党支部).
BRANCH_KINDS = ("branch", "joint_branch", "temporary_branch")
#: The 党支部 sizes the table flags (正式党员不足3人, 党员超过50人: 支部工作条例 art. 5).
SMALL_BRANCH = 3
LARGE_BRANCH = 50
#: 35岁及以下 in the 发展党员 table.
YOUNG_AGE = 35
MEMBER = "org.party.member"
ORGANIZATION = "org.party.organization"
MOBILITY = "org.party.mobility"
CANDIDATE = "org.party.candidate"


def education_column(code):
    """The 学历 column of a GB/T 4658 code: 1x 研究生, 2x 本科, 3x 专科, 40-43 中专, 44-49 and 6x
    高中、中技 (职业高中, 技工学校, 普通高中), the rest 初中及以下."""
    code = code or ""
    if code[:1] in ("1", "2", "3"):
        return int(code[:1]) - 1
    if code in ("40", "41", "42", "43"):
        return 3
    if code[:1] in ("4", "6"):
        return 4
    return 5


def birth_range(year, lowest, highest):
    """Birthdays of the people aged ``lowest`` to ``highest`` on 31 December of ``year`` (the age
    on that day is ``year`` minus the year of birth)."""
    domain = []
    if highest is not None:
        domain.append(("birthday", ">=", date(year - highest, 1, 1)))
    if lowest is not None:
        domain.append(("birthday", "<=", date(year - lowest, 12, 31)))
    return domain


class OrgPartyStats(models.AbstractModel):
    """党内统计年报: the main tables of the party statistics as of 31 December of a year, from
    the member register read with the user's rights (a secretary gets their subtree, officers
    and leaders everything). Each table is a fixed number of grouped queries whatever the number
    of members; each cell carries the domain of what it counts, so it opens the members (or
    organizations, candidates, registrations) behind it."""

    _name = "org.party.stats"
    _description = "Party Statistics of the Year"

    # Who and what

    @api.model
    def _org_check_user(self):
        user = self.env.user
        if not self.env.su and not any(
            user.has_group(group)
            for group in (
                "org_base.group_org_user",
                "org_base.group_org_leader",
                "org_grassroots.group_party_secretary",
            )
        ):
            raise AccessError(
                self.env._(
                    "The party statistics are for organization officers, leaders and party secretaries."
                )
            )

    @api.model
    def default_year(self):
        """Last year until the end of March (the yearly report is made then), else this year."""
        today = self.env.company._org_office_today()
        return today.year - 1 if today.month <= 3 else today.year

    @api.model
    def _org_scope(self, organization_id=False):
        """The organizations the figures cover: the chosen one (which the user must be able to
        read), else a secretary's own, else none (everything the user reads)."""
        self._org_check_user()
        if organization_id:
            organization = self.env[ORGANIZATION].browse(int(organization_id)).exists()
            if not organization:
                raise UserError(self.env._("The party organization no longer exists."))
            organization.check_access("read")
            return organization
        if self.env.user.org_party_secretary_scoped:
            led = self.env.user.org_party_secretary_organization_ids
            if not led:
                raise AccessError(self.env._("You lead no party organization: there are no figures to show."))
            return led
        return self.env[ORGANIZATION]

    @api.model
    def _org_year(self, year):
        year = int(year or 0) or self.default_year()
        today = self.env.company._org_office_today()
        if not 1921 <= year <= today.year:
            raise UserError(
                self.env._(
                    "The year %(year)s cannot be reported: choose a year from 1921 to %(current)s.",
                    year=year,
                    current=today.year,
                )
            )
        return year

    # Domains on the register as of a date

    @api.model
    def _in_scope_at(self, day, scope):
        """The members who belonged to ``scope`` on ``day``: their organization now, unless an
        approved move within the zone after ``day`` took them out of the one they were in (then
        the organization they left)."""
        if not scope:
            return []
        moved_after = [("kind", "=", "internal"), ("state", "=", "approved"), ("date", ">", day)]
        return [
            "|",
            "&",
            ("transfer_ids", "not any", moved_after),
            ("organization_id", "child_of", scope.ids),
            ("transfer_ids", "any", moved_after + [("organization_from_id", "child_of", scope.ids)]),
        ]

    @api.model
    def _stock_domain(self, day, scope):
        """党员 on ``day``: joined by then (or joined before the register knew when), not come in
        by a transfer after it, not left (出党, 死亡, 转出) by then, and either active or archived
        because they left (a member archived for another reason is not counted)."""
        left_kinds = ("exit", "death")
        transfer_out = [("kind", "=", "out"), ("state", "=", "approved")]
        return expression.AND(
            [
                ["|", ("date_join", "<=", day), ("date_join", "=", False)],
                [
                    (
                        "transfer_ids",
                        "not any",
                        [("kind", "=", "in"), ("state", "=", "approved"), ("date", ">", day)],
                    )
                ],
                [("standing_event_ids", "not any", [("kind", "in", left_kinds), ("date", "<=", day)])],
                [("transfer_ids", "not any", transfer_out + [("date", "<=", day)])],
                [
                    "|",
                    ("active", "=", True),
                    "|",
                    ("standing_event_ids", "any", [("kind", "in", left_kinds)]),
                    ("transfer_ids", "any", transfer_out),
                ],
                self._in_scope_at(day, scope),
            ]
        )

    # Counting

    @api.model
    def _count_by(self, model, domain, groupby):
        """``{group: count}`` of ``domain`` grouped by one field, archived records included. As
        superuser within the scope the caller checked (``_org_scope``): a member who moved to
        another subtree, or left, still counts where they were on the day."""
        Model = self.env[model].sudo().with_context(active_test=False)
        return dict(Model._read_group(domain, [groupby], ["__count"]))

    @api.model
    def _count(self, model, domain):
        return self.env[model].sudo().with_context(active_test=False).search_count(domain)

    @api.model
    def _dictionary_buckets(self, code, column_of, size):
        """The ids of a dictionary's entries per column (for the cells' domains)."""
        buckets = [[] for _index in range(size)]
        items = (
            self.env["org.dictionary.item"]
            .with_context(active_test=False)
            .search_read([("dictionary_code", "=", code)], ["code"])
        )
        for item in items:
            column = column_of(item["code"])
            if column is not None:
                buckets[column].append(item["id"])
        return buckets

    @staticmethod
    def _job_column(code):
        prefixes = [prefix for prefix, _label in JOB_COLUMNS]
        return prefixes.index(code[:2]) if code and code[:2] in prefixes else None

    # The tables

    @api.model
    def _org_tables(self, year, scope):
        """The tables of ``year`` for ``scope``: a list of ``{key, title, groups: [{label,
        columns: [{label, value, model, domain}]}]}``."""
        end = date(year, 12, 31)
        context = {"year": year, "start": date(year, 1, 1), "end": end, "scope": scope}
        context["stock"] = self._stock_domain(end, scope)
        context["education"] = self._dictionary_buckets("education", education_column, len(EDUCATION_COLUMNS))
        context["job"] = self._dictionary_buckets("job_category", self._job_column, len(JOB_COLUMNS))
        return [
            self._table_members(context),
            self._table_job_standing(context),
            self._table_organizations(context),
            self._table_development(context),
            self._table_mobility(context),
            self._table_changes(context),
        ]

    @staticmethod
    def _column(label, value, model, domain):
        return {"label": label, "value": value, "model": model, "domain": domain}

    def _member_column(self, label, value, base, extra):
        return self._column(label, value, MEMBER, expression.AND([base, extra]))

    def _profile_columns(self, ctx, base, ages):
        """The columns shared by the 党员 and 发展党员 tables: 女, 少数民族 and by 学历."""
        genders = self._count_by(MEMBER, base, "gender")
        ethnicities = self._count_by(MEMBER, base, "ethnicity_id")
        educations = self._count_by(MEMBER, base, "education_id")
        births = self._count_by(MEMBER, base, "birthday:year")
        minority = sum(count for item, count in ethnicities.items() if item and item.code != "01")
        by_education = [0] * len(EDUCATION_COLUMNS)
        for item, count in educations.items():
            if item:
                by_education[education_column(item.code)] += count
        age_of = {born.year: count for born, count in births.items() if born}
        age_columns = []
        for label, lowest, highest in ages:
            value = sum(
                count
                for born_year, count in age_of.items()
                if (lowest is None or ctx["year"] - born_year >= lowest)
                and (highest is None or ctx["year"] - born_year <= highest)
            )
            age_columns.append(
                self._member_column(label, value, base, birth_range(ctx["year"], lowest, highest))
            )
        total = sum(genders.values())
        return total, {
            "female": self._member_column("女", genders.get("female", 0), base, [("gender", "=", "female")]),
            "minority": self._member_column(
                "少数民族",
                minority,
                base,
                [("ethnicity_id", "!=", False), ("ethnicity_id.code", "!=", "01")],
            ),
            "education": [
                self._member_column(
                    label, by_education[index], base, [("education_id", "in", ctx["education"][index])]
                )
                for index, label in enumerate(EDUCATION_COLUMNS)
            ],
            "age": age_columns,
        }

    def _table_members(self, ctx):
        base = ctx["stock"]
        total, profile = self._profile_columns(ctx, base, AGE_BANDS)
        probationary = [("date_formal", "=", False), ("date_formal", ">", ctx["end"])]
        formal_years = self._count_by(MEMBER, base, "date_formal:year")
        probationary_count = sum(
            count for formal, count in formal_years.items() if not formal or formal.year > ctx["year"]
        )
        return {
            "key": "members",
            "title": "党员基本情况",
            "groups": [
                {"label": "党员总数", "columns": [self._member_column("党员总数", total, base, [])]},
                {
                    "label": "其中",
                    "columns": [
                        profile["female"],
                        profile["minority"],
                        self._member_column("预备党员", probationary_count, base, ["|", *probationary]),
                    ],
                },
                {"label": "学历", "columns": profile["education"]},
                {"label": "年龄", "columns": profile["age"]},
            ],
        }

    def _table_job_standing(self, ctx):
        base = ctx["stock"]
        jobs = self._count_by(MEMBER, base, "job_category_id")
        by_job = [0] * len(JOB_COLUMNS)
        unknown = 0
        for item, count in jobs.items():
            column = self._job_column(item.code) if item else None
            if column is None:
                unknown += count
            else:
                by_job[column] += count
        job_columns = [
            self._member_column(label, by_job[index], base, [("job_category_id", "in", ctx["job"][index])])
            for index, (_prefix, label) in enumerate(JOB_COLUMNS)
        ]
        job_columns.append(
            self._member_column(
                "未填",
                unknown,
                base,
                ["|", ("job_category_id", "=", False), ("job_category_id", "not in", sum(ctx["job"], []))],
            )
        )
        # 党龄 of the formal members on 31 December: the year minus the year they became formal.
        formal = expression.AND([base, [("date_formal", "<=", ctx["end"])]])
        formal_years = self._count_by(MEMBER, formal, "date_formal:year")
        bands = self.env["org.dictionary.item"].search_read(
            [("dictionary_code", "=", "party_standing_band")], ["code", "name"]
        )
        bounds = sorted((int(band["code"]), band["name"]) for band in bands if band["code"].isdigit())
        standing_columns = []
        for index, (lowest, label) in enumerate(bounds):
            upper = bounds[index + 1][0] - 1 if index + 1 < len(bounds) else None
            value = sum(
                count
                for formal_on, count in formal_years.items()
                if formal_on
                and ctx["year"] - formal_on.year >= lowest
                and (upper is None or ctx["year"] - formal_on.year <= upper)
            )
            domain = [("date_formal", "<=", date(ctx["year"] - lowest, 12, 31))]
            if upper is not None:
                domain.append(("date_formal", ">=", date(ctx["year"] - upper, 1, 1)))
            standing_columns.append(self._member_column(label, value, formal, domain))
        return {
            "key": "job_standing",
            "title": "党员职业和党龄情况",
            "groups": [
                {"label": "职业", "columns": job_columns},
                {"label": "党龄（正式党员）", "columns": standing_columns},
            ],
        }

    def _table_organizations(self, ctx):
        scope, end = ctx["scope"], ctx["end"]
        base = [("active", "=", True), "|", ("date_founded", "=", False), ("date_founded", "<=", end)]
        if scope:
            base = expression.AND([base, [("id", "child_of", scope.ids)]])
        kinds = self._count_by(ORGANIZATION, base, "kind")
        branches = expression.AND([base, [("kind", "in", BRANCH_KINDS)]])
        fields_count = self._count_by(ORGANIZATION, branches, "field_id")
        # 党支部 sizes on 31 December: the members of the year's stock in each branch.
        members = self._count_by(MEMBER, ctx["stock"], "organization_id")
        formal = self._count_by(
            MEMBER, expression.AND([ctx["stock"], [("date_formal", "<=", end)]]), "organization_id"
        )
        branch_ids = self.env[ORGANIZATION].sudo().search(branches).ids
        formal_of = {organization.id: count for organization, count in formal.items()}
        members_of = {organization.id: count for organization, count in members.items()}
        small = [org_id for org_id in branch_ids if formal_of.get(org_id, 0) < SMALL_BRANCH]
        large = [org_id for org_id in branch_ids if members_of.get(org_id, 0) > LARGE_BRANCH]

        def org_column(label, value, extra):
            return self._column(label, value, ORGANIZATION, expression.AND([base, extra]))

        field_columns = []
        for item in self.env["org.dictionary.item"].search([("dictionary_code", "=", "party_field")]):
            field_columns.append(
                org_column(
                    item.name,
                    fields_count.get(item, 0),
                    [("kind", "in", BRANCH_KINDS), ("field_id", "=", item.id)],
                )
            )
        field_columns.append(
            org_column(
                "未填",
                fields_count.get(self.env["org.dictionary.item"], 0),
                [("kind", "in", BRANCH_KINDS), ("field_id", "=", False)],
            )
        )
        return {
            "key": "organizations",
            "title": "党组织基本情况",
            "groups": [
                {"label": "党组织总数", "columns": [org_column("党组织总数", sum(kinds.values()), [])]},
                {
                    "label": "按类别",
                    "columns": [
                        org_column(
                            "党工委", kinds.get("working_committee", 0), [("kind", "=", "working_committee")]
                        ),
                        org_column("党委", kinds.get("committee", 0), [("kind", "=", "committee")]),
                        org_column(
                            "党总支", kinds.get("general_branch", 0), [("kind", "=", "general_branch")]
                        ),
                        org_column(
                            "党支部",
                            sum(kinds.get(kind, 0) for kind in BRANCH_KINDS),
                            [("kind", "in", BRANCH_KINDS)],
                        ),
                        org_column(
                            "其中联合党支部", kinds.get("joint_branch", 0), [("kind", "=", "joint_branch")]
                        ),
                    ],
                },
                {"label": "党支部按领域", "columns": field_columns},
                {
                    "label": "党支部规模",
                    "columns": [
                        org_column("正式党员不足3人", len(small), [("id", "in", small)]),
                        org_column("党员超过50人", len(large), [("id", "in", large)]),
                    ],
                },
            ],
        }

    def _table_development(self, ctx):
        start, end, scope = ctx["start"], ctx["end"], ctx["scope"]
        base = expression.AND(
            [
                [("date_join", ">=", start), ("date_join", "<=", end)],
                [("transfer_ids", "not any", [("kind", "=", "in"), ("state", "=", "approved")])],
                self._in_scope_at(end, scope),
            ]
        )
        total, profile = self._profile_columns(ctx, base, [("35岁及以下", None, YOUNG_AGE)])
        jobs = self._count_by(MEMBER, base, "job_category_id")
        by_job = [0] * len(JOB_COLUMNS)
        for item, count in jobs.items():
            column = self._job_column(item.code) if item else None
            if column is not None:
                by_job[column] += count
        formal_base = expression.AND(
            [
                [("date_formal", ">=", start), ("date_formal", "<=", end), ("date_join", "!=", False)],
                self._in_scope_at(end, scope),
            ]
        )
        candidates = [("active", "=", True)]
        if scope:
            candidates.append(("organization_id", "child_of", scope.ids))
        admitted_later = ["|", ("date_probationary", "=", False), ("date_probationary", ">", end)]
        stages = [
            (
                "入党申请人",
                [
                    ("date_application", "<=", end),
                    "|",
                    ("date_activist", "=", False),
                    ("date_activist", ">", end),
                ]
                + admitted_later,
            ),
            (
                "入党积极分子",
                [
                    ("date_activist", "<=", end),
                    "|",
                    ("date_development", "=", False),
                    ("date_development", ">", end),
                ]
                + admitted_later,
            ),
            ("发展对象", [("date_development", "<=", end)] + admitted_later),
        ]
        candidate_columns = []
        for label, domain in stages:
            full = expression.AND([candidates, domain])
            candidate_columns.append(self._column(label, self._count(CANDIDATE, full), CANDIDATE, full))
        return {
            "key": "development",
            "title": "发展党员情况",
            "groups": [
                {"label": "发展党员数", "columns": [self._member_column("发展党员数", total, base, [])]},
                {"label": "其中", "columns": [profile["female"], profile["minority"], profile["age"][0]]},
                {"label": "学历", "columns": profile["education"]},
                {
                    "label": "职业",
                    "columns": [
                        self._member_column(
                            label, by_job[index], base, [("job_category_id", "in", ctx["job"][index])]
                        )
                        for index, (_prefix, label) in enumerate(JOB_COLUMNS)
                    ],
                },
                {
                    "label": "预备党员转正",
                    "columns": [
                        self._member_column("预备党员转正", self._count(MEMBER, formal_base), formal_base, [])
                    ],
                },
                {"label": "年底入党申请人和积极分子", "columns": candidate_columns},
            ],
        }

    def _table_mobility(self, ctx):
        start, end, scope = ctx["start"], ctx["end"], ctx["scope"]
        in_scope = [("organization_id", "child_of", scope.ids)] if scope else []
        away_at_end = [("date_start", "<=", end), "|", ("date_end", "=", False), ("date_end", ">", end)]
        out_end = expression.AND([[("kind", "=", "out"), ("member_id", "!=", False)], away_at_end, in_scope])
        reasons = self._count_by(MOBILITY, out_end, "reason_id")

        def out_column(label, value, registrations):
            return self._column(label, value, MEMBER, [("mobility_ids", "any", registrations)])

        reason_columns = []
        for item in self.env["org.dictionary.item"].search([("dictionary_code", "=", "mobility_reason")]):
            reason_columns.append(
                out_column(
                    item.name, reasons.get(item, 0), expression.AND([out_end, [("reason_id", "=", item.id)]])
                )
            )
        new_out = expression.AND(
            [
                [
                    ("kind", "=", "out"),
                    ("member_id", "!=", False),
                    ("date_start", ">=", start),
                    ("date_start", "<=", end),
                ],
                in_scope,
            ]
        )
        returned = expression.AND(
            [
                [
                    ("kind", "=", "out"),
                    ("member_id", "!=", False),
                    ("date_end", ">=", start),
                    ("date_end", "<=", end),
                ],
                in_scope,
            ]
        )
        in_end = expression.AND([[("kind", "=", "in")], away_at_end, in_scope])
        return {
            "key": "mobility",
            "title": "流动党员情况",
            "groups": [
                {
                    "label": "年底流出党员",
                    "columns": [out_column("年底流出党员", sum(reasons.values()), out_end)],
                },
                {"label": "流出原因", "columns": reason_columns},
                {
                    "label": "本年",
                    "columns": [
                        out_column("本年流出", self._count(MOBILITY, new_out), new_out),
                        out_column("本年回流", self._count(MOBILITY, returned), returned),
                    ],
                },
                {
                    "label": "年底流入党员",
                    "columns": [
                        self._column("年底流入党员", self._count(MOBILITY, in_end), MOBILITY, in_end)
                    ],
                },
            ],
        }

    def _table_changes(self, ctx):
        year, start, end, scope = ctx["year"], ctx["start"], ctx["end"], ctx["scope"]
        previous = self._stock_domain(date(year - 1, 12, 31), scope)
        in_year = [("state", "=", "approved"), ("date", ">=", start), ("date", "<=", end)]
        if scope:
            came = in_year + [
                ("kind", "in", ("in", "internal")),
                ("organization_to_id", "child_of", scope.ids),
                "|",
                ("organization_from_id", "=", False),
                "!",
                ("organization_from_id", "child_of", scope.ids),
            ]
            went = in_year + [
                ("kind", "in", ("out", "internal")),
                ("organization_from_id", "child_of", scope.ids),
                "|",
                ("organization_to_id", "=", False),
                "!",
                ("organization_to_id", "child_of", scope.ids),
            ]
        else:
            came = in_year + [("kind", "=", "in")]
            went = in_year + [("kind", "=", "out")]
        at_end = self._in_scope_at(end, scope)
        developed = expression.AND(
            [
                [("date_join", ">=", start), ("date_join", "<=", end)],
                [("transfer_ids", "not any", [("kind", "=", "in"), ("state", "=", "approved")])],
                at_end,
            ]
        )
        transferred_in = expression.AND([[("transfer_ids", "any", came)], at_end])
        transferred_out = [("transfer_ids", "any", went)]
        events = [("date", ">=", start), ("date", "<=", end)]
        died = expression.AND([[("standing_event_ids", "any", events + [("kind", "=", "death")])], at_end])
        left = expression.AND([[("standing_event_ids", "any", events + [("kind", "=", "exit")])], at_end])
        counts = {
            key: self._count(MEMBER, domain)
            for key, domain in (
                ("previous", previous),
                ("developed", developed),
                ("in", transferred_in),
                ("died", died),
                ("left", left),
                ("out", transferred_out),
                ("end", ctx["stock"]),
            )
        }
        added = expression.OR([developed, transferred_in])
        removed = expression.OR([died, left, transferred_out])
        return {
            "key": "changes",
            "title": "党员增减变化情况",
            "groups": [
                {
                    "label": "上年底党员数",
                    "columns": [self._member_column("上年底党员数", counts["previous"], previous, [])],
                },
                {
                    "label": "本年增加",
                    "columns": [
                        self._member_column("合计", counts["developed"] + counts["in"], added, []),
                        self._member_column("发展党员", counts["developed"], developed, []),
                        self._member_column("转入组织关系", counts["in"], transferred_in, []),
                    ],
                },
                {
                    "label": "本年减少",
                    "columns": [
                        self._member_column(
                            "合计", counts["died"] + counts["left"] + counts["out"], removed, []
                        ),
                        self._member_column("死亡", counts["died"], died, []),
                        self._member_column("出党", counts["left"], left, []),
                        self._member_column("转出组织关系", counts["out"], transferred_out, []),
                    ],
                },
                {
                    "label": "本年底党员数",
                    "columns": [self._member_column("本年底党员数", counts["end"], ctx["stock"], [])],
                },
            ],
        }

    # What the client, the export and the report ask

    @api.model
    def _org_unit_name(self, scope):
        if scope:
            return "、".join(scope.mapped("display_name"))
        return self.env.company.name

    @api.model
    def get_report(self, year=False, organization_id=False):
        """The tables of a year for the client action, without the cells' domains."""
        year = self._org_year(year)
        scope = self._org_scope(organization_id)
        tables = self._org_tables(year, scope)
        for table in tables:
            for group in table["groups"]:
                for column in group["columns"]:
                    column.pop("domain")
                    column.pop("model")
        return {
            "year": year,
            "end": f"{year}年12月31日",
            "unit": self._org_unit_name(scope),
            "tables": tables,
        }

    @api.model
    def get_options(self):
        """The years and organizations the user may choose, for the client action."""
        self._org_check_user()
        today = self.env.company._org_office_today()
        organizations = self.env[ORGANIZATION].search_read(
            [("kind", "not in", BRANCH_KINDS)], ["display_name"], order="parent_path", limit=500
        )
        return {
            "default_year": self.default_year(),
            "years": list(range(today.year, today.year - 10, -1)),
            "organizations": organizations,
        }

    @api.model
    def action_open_cell(self, year, organization_id, table_key, group_index, column_index):
        """What a cell counts, as a list (the cell's domain recomputed as the user)."""
        year = self._org_year(year)
        scope = self._org_scope(organization_id)
        table = next((table for table in self._org_tables(year, scope) if table["key"] == table_key), None)
        try:
            column = table["groups"][int(group_index)]["columns"][int(column_index)]
        except (TypeError, IndexError, ValueError) as error:
            raise UserError(self.env._("This cell of the party statistics does not exist.")) from error
        # What a cell counts is read, not added to: no create button on the list.
        context = {"create": False, "active_test": column["model"] not in (MEMBER, ORGANIZATION)}
        return {
            "type": "ir.actions.act_window",
            "name": f"{table['title']} · {table['groups'][int(group_index)]['label']} · {column['label']}",
            "res_model": column["model"],
            "views": [(False, "list"), (False, "form")],
            "domain": column["domain"],
            "context": context,
            "target": "current",
        }

    @api.model
    def action_print_pdf(self, year=False, organization_id=False):
        """The PDF report of the tables, one part per organization (the chosen one, else the
        user's top organizations)."""
        year = self._org_year(year)
        scope = self._org_scope(organization_id)
        if not scope:
            scope = self.env[ORGANIZATION].search([("parent_id", "=", False)])
        return self.env.ref("org_party_stats.action_report_party_stats").report_action(
            scope, data={"year": year}
        )
