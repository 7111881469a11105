import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.http import request
from odoo.modules import module as odoo_module
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

ACTIONS = [
    ("read_identifier", "Read of an unmasked identifier"),
    ("read_confidential", "Read of a confidential record"),
    ("export", "Export"),
    ("download", "Report or file download"),
    ("access_refused", "Access refused"),
    ("import", "Import"),
]
PURGE_BATCH = 10000
RETENTION_PARAM = "org_base.audit_retention_months"
DEFAULT_RETENTION_MONTHS = 36


def audited_model(model_name):
    """Whether access to records of ``model_name`` is worth an audit row: ours, and employees."""
    return model_name.startswith("org.") or model_name == "hr.employee"


class OrgAuditLog(models.Model):
    """Who looked at what: one row per record read, exported, downloaded or refused.

    Append-only: rows are written by ``_log()`` (one INSERT for many records) and by nothing
    else; nobody may change or delete one, except the retention cron (``_cron_purge``).
    """

    _name = "org.audit.log"
    _description = "Audit Log"
    _order = "log_date desc, id desc"
    _rec_name = "res_name"
    _log_access = False

    log_date = fields.Datetime(string="Time", required=True, readonly=True, index=True)
    user_id = fields.Many2one("res.users", readonly=True, index=True, ondelete="set null")
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Record ID", model_field="res_model", readonly=True)
    res_name = fields.Char(string="Record", readonly=True)
    action = fields.Selection(ACTIONS, required=True, readonly=True, index=True)
    detail = fields.Char(readonly=True)
    ip = fields.Char(string="IP Address", readonly=True)

    # Append-only, for everyone: the ACLs grant no create/write/unlink, and the superuser is
    # refused here as well; _log() and _cron_purge() write with SQL.

    @api.model_create_multi
    def create(self, vals_list):
        if vals_list:
            raise UserError(
                self.env._("The audit log is written by the platform only: rows cannot be created by hand.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(self.env._("The audit log is append-only: its rows cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if self:
            raise UserError(
                self.env._(
                    "The audit log is append-only: its rows are deleted only by the retention schedule."
                )
            )
        return super().unlink()

    @api.model
    def _log(self, action, records, detail=None):
        """Log ``action`` on every record of ``records`` (a recordset, or a pair of a model
        name and ids) by the current user, in one INSERT."""
        rows = self._log_rows(action, records, detail)
        if not rows:
            return 0
        query = self._log_insert_query(rows)
        if not self.env.cr.readonly:
            self.env.cr.execute(query)
        elif self.env.registry.in_test_mode():
            # Tests cannot open a read/write cursor beside a read-only one: this raises
            # ReadOnlySqlTransaction, and Odoo serves the request again read/write.
            self.env.cr.execute(query, log_exceptions=False)
        else:
            # The web client reads on read-only transactions: the rows get one of their own.
            with self.env.registry.cursor(readonly=False) as cr:
                cr.execute(query)
        return len(rows)

    @api.model
    def _log_outside_transaction(self, action, records, detail=None, model_level=False):
        """Like ``_log``, for an event whose transaction is about to fail (an access refused):
        the rows are written with the transaction if it commits, and in a transaction of
        their own after it is rolled back."""
        rows = self._log_rows(action, records, detail, model_level=model_level)
        if not rows:
            return 0
        cr = self.env.cr
        state = cr.precommit.data.get("org.audit.log.pending")
        if state is None:
            state = cr.precommit.data["org.audit.log.pending"] = {"rows": []}
            registry = self.env.registry
            query_of = self._log_insert_query

            def insert_apart():
                if not state["rows"] or (odoo_module.current_test and not registry.in_test_mode()):
                    return
                try:
                    with registry.cursor(readonly=False) as new_cr:
                        new_cr.execute(query_of(state["rows"]))
                except Exception:  # the log must never hide the user's own error
                    _logger.warning("Could not write %s audit rows", len(state["rows"]), exc_info=True)

            def insert_with_transaction():
                if not state["rows"]:
                    return
                if not cr.readonly:
                    # Kept for insert_after_rollback: a later rollback would lose them.
                    cr.execute(query_of(state["rows"]))
                    return
                # A read-only transaction that commits (the refusal was caught): apart (tests
                # cannot open a read/write cursor beside a read-only one).
                if not registry.in_test_mode():
                    insert_apart()
                state["rows"] = []

            def insert_after_rollback():
                insert_apart()

            cr.precommit.add(insert_with_transaction)
            cr.postrollback.add(insert_after_rollback)
        state["rows"].extend(rows)
        return len(rows)

    @api.model
    def _log_rows(self, action, records, detail, model_level=False):
        """The rows of ``_log``; ``model_level``: one row without a record when there is none
        (an access refused on a whole model)."""
        if isinstance(records, tuple):
            model_name, ids = records
            records = self.env[model_name].browse(ids)
        uid = self.env.uid
        ip = request.httprequest.remote_addr if request else None
        now = fields.Datetime.now()
        records = records.exists() if records._ids else records
        if not records:
            return [(now, uid, records._name, None, None, action, detail, ip)] if model_level else []
        names = {record.id: record.display_name for record in records.sudo().with_context(active_test=False)}
        return [
            (now, uid, records._name, record_id, names.get(record_id), action, detail, ip)
            for record_id in records._ids
        ]

    @api.model
    def _log_insert_query(self, rows):
        return SQL(
            "INSERT INTO org_audit_log (log_date, user_id, res_model, res_id, res_name, action, detail, ip)"
            " VALUES %s",
            SQL(", ").join(SQL("(%s, %s, %s, %s, %s, %s, %s, %s)", *row) for row in rows),
        )

    @api.model
    def _retention_months(self):
        value = self.env["ir.config_parameter"].sudo().get_param(RETENTION_PARAM)
        try:
            return max(int(value), 1)
        except (TypeError, ValueError):
            return DEFAULT_RETENTION_MONTHS

    @api.model
    def _cron_purge(self):
        """Delete the rows older than the retention setting (months), in batches."""
        limit = fields.Datetime.now() - relativedelta(months=self._retention_months())
        deleted = 0
        while True:
            self.env.cr.execute(
                SQL(
                    "DELETE FROM org_audit_log WHERE id IN "
                    "(SELECT id FROM org_audit_log WHERE log_date < %s LIMIT %s)",
                    limit,
                    PURGE_BATCH,
                )
            )
            deleted += self.env.cr.rowcount
            if self.env.cr.rowcount < PURGE_BATCH:
                break
        self.invalidate_model()
        _logger.info("Audit log: %s rows older than %s deleted", deleted, limit)
        return deleted
