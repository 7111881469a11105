from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class OrgChecklistMixin(models.AbstractModel):
    """Gives a model checklist lines from a template, a progress %, and a closing guard.

    A model calls ``_checklist_check_closable()`` before a closing step (a stage, a state):
    it raises with the list of required items still open.
    """

    _name = "org.checklist.mixin"
    _description = "Checklist Mixin"

    checklist_template_id = fields.Many2one(
        "org.checklist.template",
        domain=lambda self: ["|", ("model", "=", False), ("model", "=", self._name)],
    )
    checklist_line_ids = fields.One2many(
        "org.checklist.line",
        "res_id",
        string="Checklist",
        domain=lambda self: [("res_model", "=", self._name)],
        copy=False,
    )
    checklist_progress = fields.Float(compute="_compute_checklist_progress", store=True, aggregator="avg")
    checklist_open_required_count = fields.Integer(
        string="Open Required Items", compute="_compute_checklist_progress", store=True
    )

    @api.depends("checklist_line_ids.done", "checklist_line_ids.required")
    def _compute_checklist_progress(self):
        for record in self:
            lines = record.checklist_line_ids
            record.checklist_progress = 100.0 * len(lines.filtered("done")) / len(lines) if lines else 0.0
            record.checklist_open_required_count = len(
                lines.filtered(lambda line: line.required and not line.done)
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._checklist_set_line_model(vals)
        records = super().create(vals_list)
        records.filtered("checklist_template_id")._checklist_apply_template()
        return records

    def write(self, vals):
        self._checklist_set_line_model(vals)
        result = super().write(vals)
        if vals.get("checklist_template_id"):
            self._checklist_apply_template()
        return result

    @api.model
    def _checklist_set_line_model(self, vals):
        """Lines created through the One2many belong to this model (its inverse is a plain id)."""
        for command in vals.get("checklist_line_ids") or []:
            if command[0] == Command.CREATE:
                command[2].setdefault("res_model", self._name)

    def _checklist_apply_template(self):
        """Add the template's items that a record does not have yet; ticked lines stay."""
        line_vals = []
        for record in self:
            present = record.checklist_line_ids.template_item_id
            for item in record.checklist_template_id.item_ids - present:
                line_vals.append(
                    {
                        "res_model": record._name,
                        "res_id": record.id,
                        "template_item_id": item.id,
                        "sequence": item.sequence,
                        "name": item.name,
                        "description": item.description,
                        "required": item.required,
                        "evidence_required": item.evidence_required,
                    }
                )
        if line_vals:
            self.env["org.checklist.line"].create(line_vals)
            # Read the lines back in their order (sequence), not in the order of creation.
            self.invalidate_recordset(["checklist_line_ids"])

    def _checklist_open_required_lines(self):
        self.ensure_one()
        return self.checklist_line_ids.filtered(lambda line: line.required and not line.done)

    def _checklist_check_closable(self):
        """Raise a UserError naming the record and its open required items, if any."""
        for record in self:
            open_lines = record._checklist_open_required_lines()
            if open_lines:
                raise UserError(
                    self.env._(
                        "%(record)s cannot be closed: these required checklist items are still open:\n"
                        "%(items)s",
                        record=record.display_name,
                        items="\n".join(f"- {name}" for name in open_lines.mapped("name")),
                    )
                )

    def unlink(self):
        """Delete the lines first, as the records' deleter: whoever may delete a record may
        delete its checklist (a line's own access is checked through its record, which must
        still exist then)."""
        self.check_access("unlink")
        self.env["org.checklist.line"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        return super().unlink()
