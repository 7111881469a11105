import base64

from odoo.tests import tagged

from .common import CadreCommon, resident_id


@tagged("post_install", "-at_install")
class TestCadreRoster(CadreCommon):
    def _wizard(self, content):
        return (
            self.env["org.roster.import"]
            .with_user(self.user_officer)
            .create(
                {
                    "roster": "cadre",
                    "file": base64.b64encode(content.encode("gbk")),
                    "file_name": "干部花名册.csv",
                }
            )
        )

    def test_import_creates_cadres_and_updates_by_id(self):
        number = resident_id(order=777)
        content = (
            "干部花名册\n"
            "姓名,公民身份号码,性别,民族,现任职务,职级,参加工作时间\n"
            f"测试花名册干部,{number},男,汉族,招商局副局长,乡科级副职,2008.07\n"
            f"测试干部乙,{self.cadre_b.identification_id},女,回族,财政局科长,乡科级正职,2012年7月\n"
        )
        wizard = self._wizard(content)
        wizard.action_dry_run()
        self.assertEqual(wizard.error_count, 0, wizard.error_line_ids.mapped("message"))
        wizard.action_import()
        employee = self.env["hr.employee"].search([("identification_id", "=", number)])
        self.assertTrue(employee.is_cadre)
        self.assertEqual(employee.cadre_rank_id, self.env.ref("org_base.rank_l10"))
        self.assertEqual(str(employee.cadre_work_start_date), "2008-07-01")
        self.assertEqual(self.cadre_b.cadre_current_post, "财政局科长")
        self.assertEqual(self.cadre_b.cadre_ethnicity_id.name, "回族")

    def test_bad_row_named(self):
        wizard = self._wizard("姓名,身份证号\n测试,420115198503154210\n")
        wizard.action_dry_run()
        self.assertEqual(wizard.error_count, 1)
        self.assertEqual(wizard.error_line_ids.row, 2)

    def test_row_breaking_a_rule_is_named(self):
        """A roster row whose work start breaks a dossier rule is refused by its row, with the
        values, and nothing is stored (the import meets the models' rules)."""
        content = (
            "姓名,公民身份号码,性别,参加工作时间\n"
            f"测试干部乙,{self.cadre_b.identification_id},女,2012.07\n"
            f"测试花名册童工,{resident_id(birth='19900101', order=779)},男,2003.07\n"
        )
        wizard = self._wizard(content)
        wizard.action_import()
        messages = dict(
            zip(wizard.error_line_ids.mapped("row"), wizard.error_line_ids.mapped("message"), strict=True)
        )
        self.assertIn("2003-07-01", messages.get(3, ""), messages)
        self.assertIn("1990-01-01", messages.get(3, ""), messages)
        self.assertFalse(self.env["hr.employee"].search([("name", "=", "测试花名册童工")]))
        self.assertFalse(self.cadre_b.cadre_work_start_date, "nothing was imported")
