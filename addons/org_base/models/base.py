from odoo import api, models
from odoo.exceptions import ValidationError

from .org_audit_log import audited_model


class Base(models.AbstractModel):
    """What the platform adds to every model: audit hooks, and one place per domain rule.

    A model states the rules of its domain once, in ``_org_rule_messages``; every entry path
    asks that same method: the model's constraint (forms, RPC and the API, LRMX imports), the
    roster import's dry run and its real import (each row checked as ``model.new(vals,
    origin=record)``, so that fields the row does not fill are read from the stored record and
    computed fields, such as a birthday derived from a resident ID number, are derived from the
    row's values). A model overrides it, extends ``super()`` and lists the fields its rules read
    in an ``@api.constrains`` method that calls ``_org_check_rules``.
    """

    _inherit = "base"

    # Audit hooks (org.audit.log): exports, and reads of confidential records.

    # A model whose every read is audited ("read of a confidential record"), e.g. supervision
    # records: set to True on the model. A list read writes one INSERT for the whole page.
    _org_audit_read = False

    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        if self._org_audit_read and result and not self.env.su:
            self.env["org.audit.log"].sudo()._log(
                "read_confidential", self.browse([row["id"] for row in result])
            )
        return result

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        if self and audited_model(self._name) and not self.env.su:
            self.env["org.audit.log"].sudo()._log("export", self, detail=", ".join(fields_to_export)[:1000])
        return result

    # Domain rules

    def _org_rule_messages(self):
        """The rules one record (real or new) breaks.

        Returns a list of ``(field names, message)``: the fields whose values break the rule
        (the roster import names their columns) and a sentence in the user's language that
        names the values and the rule but not the record (the caller names the record, or the
        spreadsheet row and column). The rule's source belongs in the addon's README.
        """
        self.ensure_one()
        return []

    @api.model
    def _org_rule_record_name(self, record):
        """How a refusal names a record: its display name, or the model's for a nameless one."""
        return record.display_name or record._description

    def _org_check_rules(self):
        """Refuse, in one ValidationError, every rule each record breaks, naming the record.

        The rules are the domain's, not the user's: they are evaluated as the superuser, so that
        a rule may read a field the user cannot (a secretary saving a member whose resident ID
        number only officers read). What the user may write is the access rules' business."""
        lines = []
        for record in self:
            lines.extend(
                self.env._("%(record)s: %(message)s", record=name, message=message)
                for name in [self._org_rule_record_name(record)]
                for __, message in record.sudo()._org_rule_messages()
            )
        if lines:
            raise ValidationError("\n".join(lines))
