from datetime import date, timedelta

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.org_base.tests.fixtures import resident_id


class TalentCommon(TransactionCase):
    """Tiers, a policy with items, two talents and least-privileged users of each role; no
    demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cny = cls.env.ref("base.CNY")
        cny.active = True
        cls.env.company.currency_id = cny
        cls.user_talent = new_test_user(
            cls.env, "tl_officer", groups="org_talent.group_talent_officer", name="人才专员"
        )
        cls.user_officer = new_test_user(cls.env, "tl_org_officer", groups="org_base.group_org_user")
        cls.user_leader = new_test_user(cls.env, "tl_leader", groups="org_base.group_org_leader")
        cls.user_employee = new_test_user(cls.env, "tl_employee", groups="base.group_user")
        Tier = cls.env["org.talent.tier"]
        cls.tier_leading = Tier.create(
            {"name": "测试行业领军人才", "code": "t_leading", "card_validity_years": 5}
        )
        cls.tier_young = Tier.create(
            {"name": "测试青年拔尖人才", "code": "t_young", "card_validity_years": 3}
        )
        cls.tier_skilled = Tier.create({"name": "测试高技能人才", "code": "t_skilled"})
        cls.employer = cls.env["res.partner"].create({"name": "测试汽车有限公司", "is_company": True})
        cls.platform = cls.env["org.talent.platform"].create(
            {"name": "测试技术研究中心", "kind": "research_institute"}
        )
        Talent = cls.env["org.talent"]
        cls.talent_a = Talent.create(
            {
                "name": "张测试",
                "id_number": resident_id(),
                "tier_id": cls.tier_leading.id,
                "employer_id": cls.employer.id,
                "platform_id": cls.platform.id,
                "user_id": cls.user_talent.id,
            }
        )
        cls.talent_b = Talent.create(
            {"name": "李测试", "id_number": resident_id(order=422), "tier_id": cls.tier_skilled.id}
        )
        cls.documents = cls.env["org.checklist.template"].create(
            {
                "name": "测试申报材料",
                "item_ids": [
                    (0, 0, {"sequence": 1, "name": "身份证明"}),
                    (0, 0, {"sequence": 2, "name": "劳动合同"}),
                ],
            }
        )
        cls.policy = cls.env["org.talent.policy"].create(
            {
                "name": "测试黄金十条",
                "date_start": date(2023, 1, 1),
                "date_end": date(2027, 12, 31),
                "talent_cap_amount": 1_000_000,
                "review_days": 10,
            }
        )
        Item = cls.env["org.talent.policy.item"]
        cls.item_settlement = Item.create(
            {
                "policy_id": cls.policy.id,
                "name": "测试安家补贴",
                "kind": "settlement",
                "period": "once",
                "amount_max": 500_000,
                "tier_ids": [(6, 0, (cls.tier_leading | cls.tier_young).ids)],
                "checklist_template_id": cls.documents.id,
            }
        )
        cls.item_salary = Item.create(
            {
                "policy_id": cls.policy.id,
                "name": "测试薪酬补贴",
                "kind": "salary",
                "period": "year",
                "amount_max": 200_000,
                "talent_cap_amount": 300_000,
            }
        )
        cls.item_rent = Item.create(
            {
                "policy_id": cls.policy.id,
                "name": "测试租房补贴",
                "kind": "housing",
                "period": "year",
                "amount_max": 400_000,
            }
        )

    @classmethod
    def _claim(cls, talent, item, amount, year=2025, **vals):
        return cls.env["org.talent.application"].create(
            {
                "talent_id": talent.id,
                "policy_item_id": item.id,
                "amount": amount,
                "period_year": year,
                "date_claim": date(year, 3, 1),
                **vals,
            }
        )

    @staticmethod
    def _tick_documents(application):
        application.checklist_line_ids.write({"done": True})

    @classmethod
    def _run_to(cls, application, state):
        """Move a claim along the workflow up to ``state``."""
        steps = [
            ("submitted", "action_submit"),
            ("first_review", "action_start_review"),
            ("second_review", "action_pass_first_review"),
            ("notice", "action_pass_second_review"),
            ("approved", "action_approve"),
            ("paid", "action_pay"),
        ]
        application.checklist_line_ids.write({"done": True})
        for reached, method in steps:
            if reached == "approved":
                cls._end_notice(application)
            getattr(application, method)()
            if reached == state:
                break
        return application

    @staticmethod
    def _end_notice(application):
        """The public notice of the claim started long enough ago to be over (approval waits for
        its end)."""
        application.date_notice_start -= timedelta(days=30)
