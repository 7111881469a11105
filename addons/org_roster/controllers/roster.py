from odoo import http
from odoo.http import content_disposition, request

from ..wizards.org_roster_import import XLSX_MIMETYPE


class RosterTemplateController(http.Controller):
    """Import templates are streamed to the user who asked for them (a wizard is its creator's
    alone) and never stored: no attachment outlives the download."""

    @http.route("/org_base/roster_template/<int:wizard_id>", type="http", auth="user", methods=["GET"])
    def roster_template(self, wizard_id, **kwargs):
        wizard = request.env["org.roster.import"].browse(wizard_id).exists()
        if not wizard:
            raise request.not_found()
        wizard.check_access("read")
        filename, content = wizard._template_file()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )
