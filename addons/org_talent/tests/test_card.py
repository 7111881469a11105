import base64
import io
import re
from datetime import date

from freezegun import freeze_time
from PIL import Image

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import TalentCommon


def _pixels(png):
    with Image.open(io.BytesIO(png)) as image:
        # Black and white modules: the anti-aliasing of the edges varies between renderings.
        return image.convert("L").point(lambda value: 255 if value > 128 else 0).tobytes()


def _difference(pixels, others):
    """The share of the pixels that differ."""
    return sum(1 for mine, theirs in zip(pixels, others, strict=True) if mine != theirs) / len(pixels)


# A 2 × 2 PNG: the talent's photo.
PHOTO = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM8ISfHwMDAxMDAwMDAAAANBAEI"
    b"fXHKZgAAAABJRU5ErkJggg=="
)


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
        """Two cards, one document: front and back of each, card-sized pages."""
        cards = self.cards
        report = self.env.ref("org_talent.action_report_talent_card")
        html = report._render_qweb_html(report.report_name, cards.ids)[0].decode()
        for card in cards:
            self.assertIn(card.number, html)
            self.assertIn(card.talent_id.name, html)
            self.assertIn(card.company_id.name, html)
        self.assertIn("测试就医绿色通道", html)
        self.assertIn("测试打印层次", html)
        self.assertEqual(html.count('class="o_side o_front"'), 2)
        self.assertEqual(html.count("o_side_last"), 1 + 1, "the last side of the last card (+ its CSS)")
        self.assertEqual(html.count('class="article"'), 1, "one body for all cards, not one per card")
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, cards.ids
        )
        self.assertEqual(kind, "pdf")
        reader = PdfFileReader(io.BytesIO(pdf))
        self.assertEqual(len(reader.pages), 4)
        for page in reader.pages:
            box = page.mediabox
            width_mm, height_mm = (float(box.width) * 25.4 / 72, float(box.height) * 25.4 / 72)
            self.assertAlmostEqual(width_mm, 86, delta=0.5)
            self.assertAlmostEqual(height_mm, 54, delta=0.5)

    def test_card_shows_photo_and_qr_code(self):
        card = self.cards[0]
        card.talent_id.partner_id.image_1920 = PHOTO
        report = self.env.ref("org_talent.action_report_talent_card")
        html = report._render_qweb_html(report.report_name, card.ids)[0].decode()
        self.assertIn(f'src="data:image/png;base64,{card.talent_id.image_128.decode()}"', html)
        text = self.env["report.org_talent.report_talent_card"]._verification_text(card)
        self.assertIn(card.number, text)
        self.assertIn(card.company_id.name, text)
        self.assertIn(card.date_expiry.isoformat(), text)
        self.assertNotIn(card.talent_id.name, text, "the QR code says nothing about the person")
        printed = re.search(r'class="o_talent_card_qr"[^>]*src="data:image/png;base64,([^"]+)"', html).group(
            1
        )
        Report = self.env["ir.actions.report"]
        # The PNG's bytes and the anti-aliased edges of its modules differ from one rendering to
        # the next: the same text gives (almost) the same pixels, another text many others.
        printed = _pixels(base64.b64decode(printed))
        same = _pixels(Report.barcode("QR", text, width=240, height=240, quiet=0))
        other = _pixels(Report.barcode("QR", text + "x", width=240, height=240, quiet=0))
        self.assertLess(_difference(printed, same), 0.01)
        self.assertGreater(_difference(printed, other), 0.05)
