from odoo import http
from odoo.http import content_disposition, request


class CadreLrmxController(http.Controller):
    """LRMX files are streamed to the person who asked for them and never stored: nobody else
    can list or download them afterwards (no ir.attachment is created)."""

    # Not a read-only route: each download writes its row of the audit log.
    @http.route("/org_cadre/lrmx/<string:employee_ids>", type="http", auth="user", methods=["GET"])
    def lrmx_export(self, employee_ids, **kwargs):
        ids = [int(part) for part in employee_ids.split(",") if part.isdigit()]
        employees = request.env["hr.employee"].browse(ids).exists()
        # Refused with an AccessError (403) unless the requester may read every dossier.
        employees._cadre_check_dossier_access()
        filename, content = employees._lrmx_export()
        request.env["org.audit.log"]._log("download", employees, detail=filename)
        mimetype = "application/zip" if filename.endswith(".zip") else "application/xml"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )

    @http.route("/org_cadre/cadre_form_docx/<string:employee_ids>", type="http", auth="user", methods=["GET"])
    def cadre_form_docx(self, employee_ids, **kwargs):
        """The 任免审批表 as .docx (a .zip for several cadres), streamed like the LRMX file."""
        ids = [int(part) for part in employee_ids.split(",") if part.isdigit()]
        employees = request.env["hr.employee"].browse(ids).exists()
        # Refused with an AccessError (403) unless the requester may read every dossier.
        employees._cadre_check_dossier_access()
        filename, content = request.env["report.org_cadre.report_cadre_form"]._form_docx(employees)
        request.env["org.audit.log"]._log("download", employees, detail=filename)
        mimetype = (
            "application/zip"
            if filename.endswith(".zip")
            else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )
