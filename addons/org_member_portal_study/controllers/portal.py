from werkzeug.exceptions import NotFound

from odoo import http

from odoo.addons.org_member_portal.controllers.portal import OrgMemberPortal


class OrgMemberPortalStudy(OrgMemberPortal):
    @http.route("/my/party/study", type="http", auth="user", website=True)
    def org_party_member_study(self, **kw):
        member = self._org_member()
        year = member.env.company.sudo()._org_office_today().year
        study = member._org_portal_study(year)
        if study is None:
            raise NotFound()
        return self._org_render(
            "org_member_portal_study.portal_member_study", "org_party_member_study", member, study=study
        )
