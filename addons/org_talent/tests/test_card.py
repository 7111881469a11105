import io
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import TalentCommon


@tagged("post_install", "-at_install")
class TestCard(TalentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.benefit = cls.env["org.talent.card.benefit"].create({"name": "测试就医绿色通道"})
        cls.tier_leading.benefit_ids = cls.benefit

    def test_issue_numbers_dates_and_benefits(self):
        with freeze_time("2025-05-01"):
            card = self.env["org.talent.card"].create({"talent_id": self.talent_a.id})
            other = self.env["org.talent.card"].create({"talent_id": self.talent_b.id})
            card.action_issue()
        self.assertTrue(card.number.startswith("CGRC2025"))
        self.assertNotEqual(card.number, other.number)
        self.assertEqual((card.date_issue, card.date_expiry), (date(2025, 5, 1), date(2030, 5, 1)))
        self.assertEqual(card.tier_id, self.tier_leading)
        self.assertEqual(card.benefit_ids, self.benefit)
        self.assertEqual(card.state, "active")
        self.assertEqual(self.talent_a.card_id, card)
        with self.assertRaisesRegex(UserError, "not a draft"):
            card.action_issue()

    def test_talent_form_button_issues_a_card(self):
        action = self.talent_b.with_user(self.user_talent).action_issue_card()
        card = self.env["org.talent.card"].browse(action["res_id"])
        self.assertEqual((card.talent_id, card.state), (self.talent_b, "active"))
        self.assertEqual(card.date_expiry.year - card.date_issue.year, 3)

    def test_one_valid_card_per_talent(self):
        card = self.env["org.talent.card"].create({"talent_id": self.talent_a.id})
        card.action_issue()
        second = self.env["org.talent.card"].create({"talent_id": self.talent_a.id})
        with self.assertRaisesRegex(UserError, f"张测试 already has the valid card {card.number}"):
            second.action_issue()
        card.action_revoke()
        self.assertEqual(card.state, "revoked")
        second.action_issue()
        self.assertEqual(self.talent_a.card_id, second)
        renewed = self.env["org.talent.card"].browse(card.action_renew()["res_id"])
        self.assertEqual((renewed.state, renewed.talent_id), ("draft", self.talent_a))
        self.assertNotEqual(renewed.number, card.number)

    def test_expiry_after_issue(self):
        card = self.env["org.talent.card"].create({"talent_id": self.talent_a.id})
        with self.assertRaisesRegex(ValidationError, "张测试"):
            card.write({"date_issue": "2025-01-01", "date_expiry": "2024-12-31"})


@tagged("post_install", "-at_install")
class TestCardPdf(HttpCase):
    """wkhtmltopdf fetches the report's assets over HTTP: an HttpCase serves them from the
    test transaction, as Odoo's own report rendering tests do."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tier = cls.env["org.talent.tier"].create({"name": "测试打印层次", "code": "t_print"})
        tier.benefit_ids = cls.env["org.talent.card.benefit"].create({"name": "测试就医绿色通道"})
        talents = cls.env["org.talent"].create(
            [{"name": "张测试", "tier_id": tier.id}, {"name": "李测试", "tier_id": tier.id}]
        )
        cls.cards = cls.env["org.talent.card"].create([{"talent_id": talent.id} for talent in talents])
        cls.cards.action_issue()

    def test_print_two_cards_at_once(self):
        cards = self.cards
        report = self.env.ref("org_talent.action_report_talent_card")
        html = report._render_qweb_html(report.report_name, cards.ids)[0].decode()
        for card in cards:
            self.assertIn(card.number, html)
            self.assertIn(card.talent_id.name, html)
        self.assertIn("测试就医绿色通道", html)
        self.assertEqual(html.count("o_talent_card_break"), 1 + 1, "one break between two cards (+ its CSS)")
        self.assertEqual(html.count('class="article"'), 1, "one body for all cards, not one per card")
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, cards.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertEqual(len(PdfFileReader(io.BytesIO(pdf)).pages), 2)
