from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import YEAR, StatsCommon

ZONE = {
    "members": {
        "党员总数/党员总数": 13,
        "其中/女": 5,
        "其中/少数民族": 2,
        "其中/预备党员": 2,
        "学历/研究生": 2,
        "学历/大学本科": 6,
        "学历/大学专科": 3,
        "学历/中专": 0,
        "学历/高中、中技": 1,
        "学历/初中及以下": 1,
        "年龄/30岁及以下": 4,
        "年龄/31至35岁": 2,
        "年龄/36至40岁": 2,
        "年龄/41至45岁": 1,
        "年龄/46至50岁": 1,
        "年龄/51至55岁": 1,
        "年龄/56至60岁": 0,
        "年龄/61至70岁": 1,
        "年龄/71岁及以上": 1,
    },
    "job_standing": {
        "职业/工人": 1,
        "职业/农牧渔民": 0,
        "职业/专业技术人员": 3,
        "职业/管理人员": 3,
        "职业/党政机关工作人员": 1,
        "职业/学生": 1,
        "职业/其他职业人员": 2,
        "职业/离退休人员": 2,
        "职业/未填": 0,
        "党龄（正式党员）/不满5年": 1,
        "党龄（正式党员）/5年至不满10年": 3,
        "党龄（正式党员）/10年至不满20年": 3,
        "党龄（正式党员）/20年至不满30年": 2,
        "党龄（正式党员）/30年至不满40年": 1,
        "党龄（正式党员）/40年至不满50年": 0,
        "党龄（正式党员）/50年及以上": 1,
    },
    "organizations": {
        "党组织总数/党组织总数": 7,
        "按类别/党工委": 1,
        "按类别/党委": 2,
        "按类别/党总支": 0,
        "按类别/党支部": 4,
        "按类别/其中联合党支部": 1,
        "党支部按领域/社区": 2,
        "党支部按领域/国企": 1,
        "党支部按领域/农村": 0,
        "党支部按领域/机关": 0,
        "党支部按领域/学校": 0,
        "党支部按领域/非公企业": 0,
        "党支部按领域/社会组织": 0,
        "党支部按领域/新业态新就业群体": 0,
        "党支部按领域/楼宇/园区": 0,
        "党支部按领域/产业链": 0,
        "党支部按领域/未填": 1,
        "党支部规模/正式党员不足3人": 1,
        "党支部规模/党员超过50人": 0,
    },
    "development": {
        "发展党员数/发展党员数": 2,
        "其中/女": 1,
        "其中/少数民族": 0,
        "其中/35岁及以下": 2,
        "学历/研究生": 0,
        "学历/大学本科": 1,
        "学历/大学专科": 1,
        "学历/中专": 0,
        "学历/高中、中技": 0,
        "学历/初中及以下": 0,
        "职业/工人": 0,
        "职业/农牧渔民": 0,
        "职业/专业技术人员": 0,
        "职业/管理人员": 0,
        "职业/党政机关工作人员": 0,
        "职业/学生": 1,
        "职业/其他职业人员": 1,
        "职业/离退休人员": 0,
        "预备党员转正/预备党员转正": 1,
        "年底入党申请人和积极分子/入党申请人": 1,
        "年底入党申请人和积极分子/入党积极分子": 0,
        "年底入党申请人和积极分子/发展对象": 0,
    },
    "mobility": {
        "年底流出党员/年底流出党员": 1,
        "流出原因/外出务工经商": 1,
        "流出原因/外出学习培训": 0,
        "流出原因/异地居住": 0,
        "流出原因/待业求职": 0,
        "流出原因/其他": 0,
        "本年/本年流出": 1,
        "本年/本年回流": 1,
        "年底流入党员/年底流入党员": 1,
    },
    "changes": {
        "上年底党员数/上年底党员数": 13,
        "本年增加/合计": 3,
        "本年增加/发展党员": 2,
        "本年增加/转入组织关系": 1,
        "本年减少/合计": 3,
        "本年减少/死亡": 1,
        "本年减少/出党": 1,
        "本年减少/转出组织关系": 1,
        "本年底党员数/本年底党员数": 13,
    },
}
#: 测试甲党委 as its secretary sees it (no organization chosen: the one they lead).
ORG_A = {
    "members": {
        "党员总数/党员总数": 7,
        "其中/女": 2,
        "其中/少数民族": 1,
        "其中/预备党员": 1,
        "年龄/71岁及以上": 1,
    },
    "organizations": {
        "党组织总数/党组织总数": 4,
        "按类别/党委": 1,
        "按类别/党支部": 3,
        # 甲二支部 holds 2 of the year's members of 测试甲党委 (乙六 moved in only in 2026).
        "党支部规模/正式党员不足3人": 2,
    },
    "development": {"发展党员数/发展党员数": 1, "预备党员转正/预备党员转正": 1},
    "mobility": {"年底流出党员/年底流出党员": 0, "本年/本年回流": 0},
    "changes": {
        "上年底党员数/上年底党员数": 10,
        "本年增加/合计": 1,
        "本年增加/发展党员": 1,
        "本年增加/转入组织关系": 0,
        "本年减少/合计": 4,
        "本年减少/死亡": 1,
        "本年减少/出党": 1,
        "本年减少/转出组织关系": 2,
        "本年底党员数/本年底党员数": 7,
    },
}
ORG_B = {
    "members": {"党员总数/党员总数": 6, "其中/女": 3, "其中/少数民族": 1, "其中/预备党员": 1},
    "mobility": {"年底流出党员/年底流出党员": 1, "本年/本年回流": 1, "年底流入党员/年底流入党员": 1},
    "changes": {
        "上年底党员数/上年底党员数": 3,
        "本年增加/发展党员": 1,
        "本年增加/转入组织关系": 2,
        "本年减少/合计": 0,
        "本年底党员数/本年底党员数": 6,
    },
}


@tagged("post_install", "-at_install")
class TestAnnualReport(StatsCommon):
    def assertFigures(self, report, expected):
        figures = self.figures(report)
        for table, cells in expected.items():
            for cell, value in cells.items():
                self.assertIn(cell, figures[table], f"{table}: no cell {cell}")
                self.assertEqual(figures[table][cell], value, f"{table} › {cell}")

    def test_zone_tables(self):
        report = self.Stats.with_user(self.user_officer).get_report(YEAR, self.zone.id)
        self.assertEqual(report["unit"], "测试工委")
        self.assertEqual(report["end"], "2025年12月31日")
        self.assertFigures(report, ZONE)
        # Every cell of every table is written above.
        self.assertEqual(
            {table: set(cells) for table, cells in self.figures(report).items()},
            {table: set(cells) for table, cells in ZONE.items()},
        )

    def test_secretary_subtree(self):
        report_a = self.Stats.with_user(self.secretary_a).get_report(YEAR)
        self.assertEqual(report_a["unit"], "测试甲党委")
        self.assertFigures(report_a, ORG_A)
        self.assertFigures(self.Stats.with_user(self.secretary_b).get_report(YEAR), ORG_B)
        # The officer choosing 测试甲党委 gets the secretary's figures.
        self.assertFigures(self.Stats.with_user(self.user_officer).get_report(YEAR, self.org_a.id), ORG_A)

    def test_changes_balance(self):
        """上年底 + 增加 - 减少 = 本年底, for the zone and each subtree."""
        for user, organization in (
            (self.user_officer, self.zone),
            (self.secretary_a, self.org_a),
            (self.secretary_b, self.org_b),
        ):
            cells = self.figures(self.Stats.with_user(user).get_report(YEAR, organization.id))["changes"]
            self.assertEqual(
                cells["上年底党员数/上年底党员数"] + cells["本年增加/合计"] - cells["本年减少/合计"],
                cells["本年底党员数/本年底党员数"],
                organization.name,
            )

    def test_past_year_ignores_later_history(self):
        """2024 as of today: the 2025 events do not change it (甲二六 died in 2025, still counted;
        甲四 joined in 2025, not yet)."""
        cells = self.figures(self.Stats.with_user(self.user_officer).get_report(2024, self.zone.id))
        self.assertEqual(cells["members"]["党员总数/党员总数"], 13)
        self.assertEqual(cells["development"]["发展党员数/发展党员数"], 1)  # 甲十五, 2024-04-01
        self.assertEqual(cells["mobility"]["年底流出党员/年底流出党员"], 1)  # 乙三, back only in 2025
        self.assertEqual(cells["members"]["年龄/71岁及以上"], 2)  # 甲二六 (74) and 甲二九 (79)

    def test_cells_open_what_they_count(self):
        Stats = self.Stats.with_user(self.user_officer)
        report = Stats.get_report(YEAR, self.zone.id)
        m = self.members
        expected = {
            ("members", "其中", "女"): m["甲二"] | m["甲三"] | m["乙一"] | m["乙五"] | m["乙六"],
            ("members", "年龄", "71岁及以上"): m["甲二九"],
            ("changes", "本年减少", "死亡"): m["甲二六"],
            ("changes", "本年减少", "出党"): m["甲二七"],
            ("changes", "本年减少", "转出组织关系"): m["甲二八"],
            ("changes", "本年增加", "转入组织关系"): m["乙一"],
            ("mobility", "年底流出党员", "年底流出党员"): m["乙二"],
            ("job_standing", "党龄（正式党员）", "不满5年"): m["甲十五"],
        }
        for (key, group_label, column_label), members in expected.items():
            table = next(table for table in report["tables"] if table["key"] == key)
            group_index = next(i for i, group in enumerate(table["groups"]) if group["label"] == group_label)
            columns = table["groups"][group_index]["columns"]
            column_index = next(i for i, column in enumerate(columns) if column["label"] == column_label)
            action = Stats.action_open_cell(YEAR, self.zone.id, key, group_index, column_index)
            self.assertEqual(action["res_model"], "org.party.member")
            self.assertFalse(action["context"]["create"])
            found = (
                self.env["org.party.member"]
                .with_user(self.user_officer)
                .with_context(**action["context"])
                .search(action["domain"])
            )
            self.assertEqual(found, members, f"{key} › {column_label}")
            self.assertEqual(len(found), columns[column_index]["value"])
        # The branches under three formal members: 甲联合支部, as organizations.
        table = next(table for table in report["tables"] if table["key"] == "organizations")
        action = Stats.action_open_cell(YEAR, self.zone.id, "organizations", 3, 0)
        self.assertEqual(action["res_model"], "org.party.organization")
        self.assertEqual(self.env["org.party.organization"].search(action["domain"]), self.branch_a3)
        self.assertEqual(table["groups"][3]["columns"][0]["label"], "正式党员不足3人")

    def test_default_year(self):
        """Last year until the end of March, this year from April."""
        company_class = type(self.env.company)
        for today, year in ((date(2026, 3, 31), 2025), (date(2026, 4, 1), 2026)):
            with patch.object(company_class, "_org_office_today", lambda _company, today=today: today):
                self.assertEqual(self.Stats.default_year(), year)

    def test_refusals(self):
        Stats = self.Stats.with_user(self.user_officer)
        with self.assertRaisesRegex(UserError, "2999"):
            Stats.get_report(2999, self.zone.id)
        with self.assertRaisesRegex(UserError, "cell"):
            Stats.action_open_cell(YEAR, self.zone.id, "members", 9, 0)
