"""Where the platform writes its audit log (org.audit.log): exports, PDF reports, access
refused, reads of an unmasked resident ID number and of confidential records."""

from odoo import models

from .org_audit_log import audited_model


class OrgResidentIdMixin(models.AbstractModel):
    _inherit = "org.resident.id.mixin"

    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        self._resident_id_audit_read(result)
        return result

    def _resident_id_audit_read(self, rows):
        """Log the records whose resident ID number a user has just read in full."""
        fname = self._resident_id_field
        if self.env.su or not rows:
            return
        ids = [row["id"] for row in rows if row.get(fname)]
        if ids:
            self.env["org.audit.log"].sudo()._log("read_identifier", self.browse(ids), detail=fname)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        result = super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        if res_ids and not self.env.su:
            report = self._get_report(report_ref)
            if audited_model(report.model):
                ids = [res_ids] if isinstance(res_ids, int) else list(res_ids)
                self.env["org.audit.log"].sudo()._log(
                    "download", self.env[report.model].browse(ids), detail=report.name
                )
        return result


class IrModelAccess(models.Model):
    _inherit = "ir.model.access"

    def _make_access_error(self, model, mode):
        error = super()._make_access_error(model, mode)
        if audited_model(model) and model in self.env:
            self.env["org.audit.log"].sudo()._log_outside_transaction(
                "access_refused", self.env[model], detail=mode, model_level=True
            )
        return error


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        error = super()._make_access_error(operation, records)
        if audited_model(records._name):
            self.env["org.audit.log"].sudo()._log_outside_transaction(
                "access_refused", records, detail=operation
            )
        return error
