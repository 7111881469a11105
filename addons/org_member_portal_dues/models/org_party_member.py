from odoo import models


class OrgPartyMember(models.Model):
    _inherit = "org.party.member"

    def _org_portal_sections(self):
        sections = super()._org_portal_sections()
        sections.append(
            {
                "title": self.env._("My Party Dues"),
                "text": self.env._("My monthly dues: paid, unpaid, what I owe."),
                "url": "/my/party/dues",
            }
        )
        return sections

    def _org_portal_dues(self):
        """{owed, owed_months, since, lines: [{month, amount, paid, date_paid, way}]}: the
        member's monthly dues, read through the member's own rights (their lines only)."""
        self.ensure_one()
        lines = self.env["org.party.dues.line"].search([("member_id", "=", self.id)], order="month desc")
        ways = dict(lines._fields["payment_way"]._description_selection(self.env))
        unpaid = lines.filtered(lambda line: line.state == "unpaid")
        return {
            "owed": sum(unpaid.mapped("amount")),
            "owed_months": len(unpaid),
            "since": unpaid and unpaid[-1].month_label,
            "currency": lines[:1].currency_id or self.env.company.currency_id,
            "lines": [
                {
                    "month": line.month_label,
                    "amount": line.amount,
                    "paid": line.state == "paid",
                    "date_paid": line.date_paid,
                    "way": ways.get(line.payment_way, ""),
                }
                for line in lines
            ],
        }

    def _org_portal_page_texts(self):
        pages = super()._org_portal_page_texts()
        html = self.env["ir.qweb"]._render(
            "org_member_portal_dues.member_dues_content", {"dues": self._org_portal_dues()}
        )
        return [*pages, ("/my/party/dues", html)]
