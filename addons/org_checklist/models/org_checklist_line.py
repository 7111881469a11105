import functools
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OrgChecklistLine(models.Model):
    """One checklist item of one record, of any model (see org.checklist.mixin)."""

    _name = "org.checklist.line"
    _description = "Checklist Item"
    _order = "res_model, res_id, sequence, id"

    res_model = fields.Char(
        string="Record Model", required=True, index=True, default=lambda self: self._default_res_model()
    )
    res_id = fields.Many2oneReference(string="Record", model_field="res_model", required=True, index=True)
    template_item_id = fields.Many2one(
        "org.checklist.template.item", ondelete="set null", index="btree_not_null"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    description = fields.Text()
    required = fields.Boolean(default=True)
    evidence_required = fields.Boolean()
    done = fields.Boolean()
    done_date = fields.Datetime(string="Done On", readonly=True, copy=False)
    done_user_id = fields.Many2one("res.users", string="Done By", readonly=True, copy=False)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "org_checklist_line_attachment_rel",
        "line_id",
        "attachment_id",
        string="Evidence",
        copy=False,
    )
    note = fields.Char()

    def _default_res_model(self):
        return self.env.context.get("default_res_model") or self.env.context.get("checklist_res_model")

    @api.constrains("done", "evidence_required", "attachment_ids")
    def _check_evidence(self):
        for line in self:
            if line.done and line.evidence_required and not line.attachment_ids:
                raise ValidationError(
                    self.env._(
                        "Checklist item “%(item)s” needs evidence: attach a file before ticking it.",
                        item=line.name,
                    )
                )

    @api.constrains("res_model")
    def _check_res_model(self):
        for line in self:
            if line.res_model not in self.env:
                raise ValidationError(
                    self.env._(
                        "Checklist item “%(item)s” belongs to “%(model)s”, which is not a model of "
                        "this database: a checklist line must belong to a record of an installed model.",
                        item=line.name,
                        model=line.res_model,
                    )
                )

    # Access follows the record a line belongs to: reading a line needs read access to it,
    # changing a line needs write access to it (as mail.activity does).

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if not self or self.env.su:
            return result
        lines = self - result[0] if result else self
        doc_operation = "read" if operation == "read" else "write"
        by_model = defaultdict(lambda: defaultdict(list))
        for line in lines.sudo():
            by_model[line.res_model][line.res_id].append(line.id)
        forbidden_ids = []
        for res_model, line_ids_by_doc in by_model.items():
            if res_model not in self.env:
                # The line of a model no longer installed: nobody but the superuser sees it.
                forbidden_ids.extend(line_id for line_ids in line_ids_by_doc.values() for line_id in line_ids)
                continue
            documents = self.env[res_model].browse(line_ids_by_doc)
            if doc_result := documents._check_access(doc_operation):
                for document in doc_result[0]:
                    forbidden_ids.extend(line_ids_by_doc[document.id])
        if not forbidden_ids:
            return result
        forbidden = self.browse(forbidden_ids)
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, functools.partial(self.env["ir.rule"]._make_access_error, operation, forbidden))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.su:
            return query
        rows = self.env.execute_query(
            query.select(*[self._field_to_sql(self._table, fname) for fname in ("id", "res_model", "res_id")])
        )
        doc_ids = defaultdict(set)
        for _line_id, res_model, res_id in rows:
            doc_ids[res_model].add(res_id)
        allowed = {
            res_model: set(self.env[res_model].browse(ids).exists()._filtered_access("read")._ids)
            for res_model, ids in doc_ids.items()
            if res_model in self.env
        }
        return self.browse(
            line_id for line_id, res_model, res_id in rows if res_id in allowed.get(res_model, ())
        )._as_query(order)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("done"):
                vals.update(done_date=fields.Datetime.now(), done_user_id=self.env.uid)
        return super().create(vals_list)

    def write(self, vals):
        if "done" in vals:
            if vals["done"]:
                vals = dict(vals, done_date=fields.Datetime.now(), done_user_id=self.env.uid)
            else:
                vals = dict(vals, done_date=False, done_user_id=False)
        return super().write(vals)
