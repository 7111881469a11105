import pytz

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTalentTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["org_base", "org_talent"], ["zh_CN"], overwrite=True)
        cls.officer = new_test_user(
            cls.env,
            "talent_tour_officer",
            groups="org_talent.group_talent_officer",
            lang="zh_CN",
            name="人才专员",
        )
        # The tour walks one officer through every step of a claim: separation of duties,
        # proven in test_duties, is off here.
        cls.env.company.write(
            {"org_talent_sod_review": False, "org_talent_sod_approve": False, "org_talent_sod_pay": False}
        )
        cls.tier = cls.env["org.talent.tier"].create({"name": "巡检领军人才", "code": "tour_leading"})
        policy = cls.env["org.talent.policy"].create({"name": "巡检黄金十条", "date_start": "2020-01-01"})
        cls.item = cls.env["org.talent.policy.item"].create(
            {
                "policy_id": policy.id,
                "name": "巡检安家补贴",
                "kind": "settlement",
                "period": "once",
                "amount_max": 300000,
                "tier_ids": [(6, 0, cls.tier.ids)],
            }
        )
        cls.env["res.partner"].create({"name": "巡检汽车有限公司", "is_company": True})
        cls.env["org.talent.service.type"].create(
            {"name": "巡检住房安居", "code": "tour_housing", "sla_days": 15}
        )

    def test_officer_registers_a_talent_and_serves_them(self):
        self.start_tour(
            "/odoo/action-org_talent.org_talent_action", "org_talent_tour", login="talent_tour_officer"
        )
        talent = self.env["org.talent"].search([("name", "=", "巡检人才")])
        self.assertEqual(talent.tier_id, self.tier)
        self.assertEqual(str(talent.birthday), "1990-01-01")
        self.assertEqual(talent.card_id.state, "active")
        claims = talent.application_ids
        self.assertEqual(len(claims), 2)
        # Approval waits for the end of the public notice (5 working days).
        notice = claims.filtered(lambda claim: claim.state == "notice")
        self.assertEqual(notice.amount, 200000)
        self.assertGreater(notice.date_notice_end, notice.date_notice_start)
        self.assertFalse(notice.date_approved)
        self.assertEqual((claims - notice).state, "draft", "the double claim was refused")
        request = talent.service_task_ids
        self.assertTrue(request.org_is_closed)
        self.assertEqual(request.org_satisfaction, "5")
        self.assertEqual(request.org_satisfaction_note, "入住很快，感谢")
        self.assertEqual(request.org_talent_service_type_id.sla_days, 15)
        # Due at 17:00 in Shanghai on the 15th day after the request's day there.
        shanghai = pytz.timezone("Asia/Shanghai")
        created = pytz.utc.localize(request.create_date).astimezone(shanghai)
        due = pytz.utc.localize(request.date_deadline).astimezone(shanghai)
        self.assertEqual((due.date() - created.date()).days, 15)
        self.assertEqual((due.hour, due.minute), (17, 0))
