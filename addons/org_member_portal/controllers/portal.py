import csv
import io

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import CustomerPortal


class OrgMemberPortal(CustomerPortal):
    """我的党员档案: the pages of a party member's own record. No page takes a record id: each
    reads the member whose account is the logged-in user (``user_id``), through the member's
    own rights (record rules for base.group_portal), so there is nothing to enumerate."""

    def _org_own_member(self):
        """The logged-in user's own member record, read with their rights (none for a user who
        may read no member at all)."""
        Member = request.env["org.party.member"]
        if not Member.has_access("read"):
            return Member
        return Member.search([("user_id", "=", request.env.uid)], limit=1)

    def _org_member(self):
        """The logged-in user's own member record (404 for anybody else)."""
        member = self._org_own_member()
        if not member:
            raise NotFound()
        return member

    def _org_password_to_change(self):
        return bool(request.env.user.sudo().org_portal_password_temporary)

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["org_party_member"] = self._org_own_member()
        return values

    @http.route()
    def home(self, **kw):
        if self._org_password_to_change():
            return request.redirect("/my/security")
        return super().home(**kw)

    @http.route()
    def security(self, **post):
        response = super().security(**post)
        if self._org_password_to_change() and request.httprequest.method == "GET":
            response.qcontext["org_password_to_change"] = True
        return response

    def _org_render(self, template, page_name, member, **values):
        if self._org_password_to_change():
            return request.redirect("/my/security")
        layout = self._prepare_portal_layout_values()
        layout.update(values, page_name=page_name, member=member)
        return request.render(template, layout)

    @http.route("/my/party", type="http", auth="user", website=True)
    def org_party_member_home(self, **kw):
        member = self._org_member()
        return self._org_render(
            "org_member_portal.portal_member_record",
            "org_party_member",
            member,
            record=member._org_portal_record(),
            sections=member._org_portal_sections(),
        )

    @http.route("/my/party/meetings", type="http", auth="user", website=True)
    def org_party_member_meetings(self, **kw):
        member = self._org_member()
        return self._org_render(
            "org_member_portal.portal_member_meetings",
            "org_party_member_meetings",
            member,
            years=member._org_portal_meeting_years(),
        )

    @http.route("/my/party/transfers", type="http", auth="user", website=True)
    def org_party_member_transfers(self, **kw):
        member = self._org_member()
        return self._org_render(
            "org_member_portal.portal_member_transfers",
            "org_party_member_transfers",
            member,
            transfers=member._org_portal_transfers(),
        )

    @http.route("/org_member_portal/invitations/<int:wizard_id>", type="http", auth="user", methods=["GET"])
    def org_invitations_csv(self, wizard_id, **kw):
        """The invitation texts of a batch as CSV (phone, name, text) for an SMS tool; the
        batch is its maker's (record rule)."""
        wizard = request.env["org.member.portal.account.wizard"].search([("id", "=", wizard_id)])
        lines = wizard.line_ids.filtered("invitation")
        if not lines:
            raise NotFound()
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow(
            [request.env._("Mobile Phone"), request.env._("Member"), request.env._("Invitation Text")]
        )
        for line in lines:
            writer.writerow([line.login, line.member_id.name, line.invitation])
        content = ("\ufeff" + output.getvalue()).encode()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Cache-Control", "no-store"),
                ("Content-Disposition", content_disposition(request.env._("invitations.csv"))),
            ],
        )

    @http.route(
        "/org_member_portal/password_sheet/<int:wizard_id>", type="http", auth="user", methods=["GET"]
    )
    def org_password_sheet(self, wizard_id, key=None, **kw):
        """The initial password sheet of a batch, once per key the wizard's button gave (the
        passwords are set now and exist in clear in this PDF only)."""
        wizard = request.env["org.member.portal.account.wizard"].search([("id", "=", wizard_id)])
        slips = wizard and wizard._org_password_slips(key)
        if not slips:
            raise NotFound()
        pdf, _type = (
            request.env["ir.actions.report"]
            .with_context(org_member_portal_sheet=True)
            ._render_qweb_pdf("org_member_portal.action_report_password_sheet", data={"slips": slips})
        )
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Cache-Control", "no-store"),
                ("Content-Disposition", 'inline; filename="password_sheet.pdf"'),
            ],
        )
