from odoo import http

from odoo.addons.org_member_portal.controllers.portal import OrgMemberPortal


class OrgMemberPortalDues(OrgMemberPortal):
    @http.route("/my/party/dues", type="http", auth="user", website=True)
    def org_party_member_dues(self, **kw):
        member = self._org_member()
        return self._org_render(
            "org_member_portal_dues.portal_member_dues",
            "org_party_member_dues",
            member,
            dues=member._org_portal_dues(),
        )
