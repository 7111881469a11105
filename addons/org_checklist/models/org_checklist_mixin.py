from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class OrgChecklistMixin(models.AbstractModel):
    """Gives a model checklist lines from a template, a progress %, and a closing guard.

    The closing guard of every closed loop: a model calls ``_checklist_check_closable()``
    before a closing step (a stage, a state); it raises one error listing what blocks each
    record. A model adds its own conditions by overriding ``_checklist_closing_blockers()`` and
    words its refusal by overriding ``_checklist_closing_message()``.
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

    def _checklist_closing_blockers(self):
        """Hook: what keeps this record from its closing step, as translated phrases; empty
        when it may close. By default the checklist's required items still open; a model adds
        its own conditions (evidence, an acceptance ...) to ``super()``'s list."""
        self.ensure_one()
        open_lines = self._checklist_open_required_lines()
        if not open_lines:
            return []
        return [
            self.env._(
                "required checklist items are open: %(items)s", items="、".join(open_lines.mapped("name"))
            )
        ]

    def _checklist_closing_message(self, blockers):
        """Hook: the sentence refusing this record's closing step, naming it and its blockers."""
        self.ensure_one()
        return self.env._(
            "%(record)s cannot be closed: %(problems)s.",
            record=self.display_name,
            problems="; ".join(blockers),
        )

    def _checklist_check_closable(self):
        """The closing guard: call it before a closing step (a stage, a state). Raises one
        UserError naming each record that may not close and why; nothing when all may."""
        messages = []
        for record in self:
            blockers = record._checklist_closing_blockers()
            if blockers:
                messages.append(record._checklist_closing_message(blockers))
        if messages:
            raise UserError("\n".join(messages))

    def unlink(self):
        """Delete the lines first, as the records' deleter: whoever may delete a record may
        delete its checklist (a line's own access is checked through its record, which must
        still exist then)."""
        self.check_access("unlink")
        self.env["org.checklist.line"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        return super().unlink()
