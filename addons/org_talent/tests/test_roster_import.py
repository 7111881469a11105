import base64

from odoo.tests import tagged

from odoo.addons.org_roster.tests.roster_fixtures import build_xlsx

from .common import TalentCommon, resident_id

HEADERS = [
    "姓名",
    "证件类型",
    "证件号码",
    "性别",
    "人才层次",
    "认定时间",
    "工作单位",
    "所属行业",
    "专业领域",
    "载体平台",
]


@tagged("post_install", "-at_install")
class TestTalentRoster(TalentCommon):
    def _wizard(self, rows):
        return (
            self.env["org.roster.import"]
            .with_user(self.user_talent)
            .create(
                {
                    "roster": "talent",
                    "file": base64.b64encode(build_xlsx(rows, HEADERS)),
                    "file_name": "人才花名册.xlsx",
                }
            )
        )

    def test_import_talents(self):
        number = resident_id("420115", "19900101", 135)
        rows = [
            [
                "孙导入",
                "身份证",
                number,
                "男",
                "测试青年拔尖人才",
                "2023.05",
                "测试汽车有限公司",
                "制造业",
                "智能网联汽车",
                "测试技术研究中心",
            ],
            [
                "Smith John",
                "护照",
                "P1234567",
                "男",
                "测试行业领军人才",
                "2022-01-01",
                None,
                None,
                "电池材料",
                None,
            ],
            [
                "周导入",
                "身份证",
                resident_id("420115", "19800101", 246),
                "女",
                "不存在的层次",
                None,
                None,
                None,
                None,
                None,
            ],
            # An existing talent changes tier.
            [
                "张测试",
                "身份证",
                self.talent_a.id_number,
                "男",
                "测试青年拔尖人才",
                None,
                None,
                None,
                None,
                None,
            ],
        ]
        count = self.env["org.talent"].search_count([])
        wizard = self._wizard(rows)
        wizard.action_dry_run()
        self.assertEqual(wizard.error_count, 1, wizard.error_line_ids.mapped("message"))
        self.assertEqual(wizard.error_line_ids.row, 4)
        self.assertIn("不存在的层次", wizard.error_line_ids.message)
        rows.pop(2)
        wizard = self._wizard(rows)
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.created_count, wizard.updated_count), ("done", 2, 1))
        self.assertEqual(self.env["org.talent"].search_count([]), count + 2)
        sun = self.env["org.talent"].search([("id_number", "=", number)])
        self.assertEqual(
            (sun.tier_id, sun.employer_id, sun.platform_id, sun.industry_id.name, sun.birthday.year),
            (self.tier_young, self.employer, self.platform, "制造业", 1990),
        )
        smith = self.env["org.talent"].search([("id_number", "=", "P1234567")])
        self.assertEqual((smith.id_type, smith.tier_id), ("passport", self.tier_leading))
        self.assertEqual(self.talent_a.tier_id, self.tier_young)

    def test_menu_opens_the_talent_roster(self):
        menu = self.env.ref("org_talent.menu_org_talent_import")
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(self.user_talent)._visible_menu_ids())
        self.assertNotIn(menu.id, self.env["ir.ui.menu"].with_user(self.user_leader)._visible_menu_ids())
