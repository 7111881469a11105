from odoo import api, models


class ReportCadreForm(models.AbstractModel):
    """The 任免审批表: whoever may not read the dossiers is refused before anything is rendered
    (leaders print it; birth date, gender and place of birth are read for them, once for all
    the cadres printed, by ``hr.employee._cadre_identities``)."""

    _name = "report.org_cadre.report_cadre_form"
    _description = "Appointment Form Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.employee"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "hr.employee",
            "docs": docs,
            "data": data,
            "identities": docs._cadre_identities(),
        }
