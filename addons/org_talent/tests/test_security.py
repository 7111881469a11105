from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TalentCommon


@tagged("post_install", "-at_install")
class TestSecurity(TalentCommon):
    def test_talent_officer_maintains_everything(self):
        env = self.env(user=self.user_talent)
        talent = env["org.talent"].create({"name": "专员登记", "tier_id": self.tier_young.id})
        application = env["org.talent.application"].create(
            {"talent_id": talent.id, "policy_item_id": self.item_rent.id, "amount": 1000}
        )
        card = env["org.talent.card"].create({"talent_id": talent.id})
        card.action_issue()
        self.assertEqual(card.state, "active")
        application.unlink()
        env["org.talent.platform"].create({"name": "专员平台"})

    def test_leader_reads_but_cannot_write(self):
        application = self._claim(self.talent_a, self.item_rent, 1000)
        env = self.env(user=self.user_leader)
        self.assertEqual(env["org.talent.application"].browse(application.id).amount, 1000)
        self.assertTrue(env["org.talent"].search([("id", "=", self.talent_a.id)]))
        for model, record in (
            ("org.talent", self.talent_a),
            ("org.talent.application", application),
            ("org.talent.policy", self.policy),
        ):
            with self.assertRaises(AccessError, msg=model):
                env[model].browse(record.id).write(
                    {"name": "改"} if model != "org.talent.application" else {"amount": 1}
                )
        with self.assertRaises(AccessError):
            env["org.talent"].create({"name": "领导登记"})

    def test_other_officers_read_talents_but_not_claims(self):
        self._claim(self.talent_a, self.item_rent, 1000)
        env = self.env(user=self.user_officer)
        self.assertTrue(env["org.talent"].search([("id", "=", self.talent_a.id)]))
        with self.assertRaises(AccessError):
            env["org.talent.application"].search([])
        with self.assertRaises(AccessError):
            env["org.talent"].browse(self.talent_a.id).write({"name": "改"})

    def test_plain_employee_sees_nothing(self):
        env = self.env(user=self.user_employee)
        for model in ("org.talent", "org.talent.application", "org.talent.card", "org.talent.policy"):
            with self.assertRaises(AccessError, msg=model):
                env[model].search([])

    def test_company_rule_hides_other_companies(self):
        other = self.env["res.company"].create({"name": "测试其他公司"})
        talent = self.env["org.talent"].create({"name": "他司人才", "company_id": other.id})
        application = self._claim(talent, self.item_rent, 10, company_id=other.id)
        card = self.env["org.talent.card"].create({"talent_id": talent.id, "company_id": other.id})
        env = self.env(user=self.user_talent)
        self.assertFalse(env["org.talent"].search([("id", "=", talent.id)]))
        self.assertFalse(env["org.talent.application"].search([("id", "=", application.id)]))
        self.assertFalse(env["org.talent.card"].search([("id", "=", card.id)]))
        self.user_talent.write({"company_ids": [(4, other.id)]})
        env = env(context={"allowed_company_ids": [self.env.company.id, other.id]})
        self.assertTrue(env["org.talent"].search([("id", "=", talent.id)]))
        self.assertTrue(env["org.talent.card"].search([("id", "=", card.id)]))

    def test_leader_reads_the_service_board_and_the_report(self):
        board = self.env.ref("org_talent.project_talent_service")
        service_type = self.env["org.talent.service.type"].create({"name": "测试就医", "code": "t_sec_med"})
        task = self.env["project.task"].create(
            {
                "name": "测试就医协调",
                "project_id": board.id,
                "org_talent_id": self.talent_a.id,
                "org_talent_service_type_id": service_type.id,
            }
        )
        Task = self.env["project.task"].with_user(self.user_leader)
        self.assertIn(task, Task.search([("org_board_type_id.code", "=", "talent_service")]))
        self.assertEqual(Task.browse(task.id).org_talent_id.name, "张测试")
        menus = self.env["ir.ui.menu"].with_user(self.user_leader)._visible_menu_ids()
        for xmlid in (
            "menu_org_talent_services",
            "menu_org_talent_report_money",
            "menu_org_talent_applications",
        ):
            self.assertIn(self.env.ref(f"org_talent.{xmlid}").id, menus, xmlid)
        self.assertNotIn(self.env.ref("org_talent.menu_org_talent_import").id, menus)
        # Other officers see talents, cards and services, not the claims.
        menus = self.env["ir.ui.menu"].with_user(self.user_officer)._visible_menu_ids()
        self.assertIn(self.env.ref("org_talent.menu_org_talent_services").id, menus)
        self.assertNotIn(self.env.ref("org_talent.menu_org_talent_applications").id, menus)

    def test_claim_and_talent_of_one_company(self):
        other = self.env["res.company"].create({"name": "测试另一公司"})
        with self.assertRaises(UserError):
            self._claim(self.talent_a, self.item_rent, 10, company_id=other.id)

    def test_every_role_opens_the_talent_form(self):
        self._claim(self.talent_a, self.item_rent, 1000)
        for user in (self.user_talent, self.user_officer, self.user_leader):
            Talent = self.env["org.talent"].with_user(user)
            views = Talent.get_views([(False, "form")])
            fields = views["models"]["org.talent"]["fields"]
            # What the web client reads: the fields of the form as this user gets it.
            names = set(
                etree.fromstring(views["views"]["form"]["arch"]).xpath("//field[not(ancestor::field)]/@name")
            )
            spec = {
                name: {"fields": {"display_name": {}}}
                if fields[name]["type"] in ("many2one", "one2many", "many2many")
                else {}
                for name in names
            }
            record = Talent.browse(self.talent_a.id).web_read(spec)[0]
            self.assertEqual(record["card_count"], 0, user.login)
            self.assertEqual(record.get("application_count", 1), 1, user.login)
