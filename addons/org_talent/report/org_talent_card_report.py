import base64

from odoo import api, models


class ReportTalentCard(models.AbstractModel):
    """人才一卡通, card-sized: the front with photo, holder, number, tier, validity, company and
    a QR code of the card's verification text (number, issuer, validity: nothing secret, no ID
    number or phone); the back with the benefits. Whoever may not read the cards is refused
    before anything is rendered."""

    _name = "report.org_talent.report_talent_card"
    _description = "Talent Card Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        cards = self.env["org.talent.card"].browse(docids)
        cards.check_access("read")
        Report = self.env["ir.actions.report"]
        qr_codes = {
            card.id: base64.b64encode(
                Report.barcode("QR", self._verification_text(card), width=240, height=240, quiet=0)
            )
            for card in cards
        }
        return {
            "doc_ids": docids,
            "doc_model": "org.talent.card",
            "docs": cards,
            "data": data,
            "qr_codes": qr_codes,
        }

    @api.model
    def _verification_text(self, card):
        """What the QR code says: the card number, the issuing organization and the validity,
        for whoever checks the card against the register."""
        return self.env._(
            "Talent Card No. %(number)s, issued by %(company)s, valid until %(expiry)s",
            number=card.number,
            company=card.company_id.name,
            expiry=card.date_expiry.isoformat() if card.date_expiry else "-",
        )
