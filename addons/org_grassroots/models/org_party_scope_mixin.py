from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.models import regex_order


class OrgPartyScopeMixin(models.AbstractModel):
    """What the party records share for their scope: a secretary's records stay inside the
    secretary's subtree after a write, and a sort order that cannot be used is refused clearly.

    Odoo checks the record rules of ``write`` on the records as they were before the write
    (``BaseModel.write`` calls ``check_access("write")`` first), and those of ``create`` on the
    created records. A secretary could thus move their own meeting, candidate or board card to
    an organization outside their subtree. This mixin checks the write rules again on the
    records as they are after the write, in one query; a record leaves the subtree only through
    组织关系转接 (``org.party.transfer``, which moves the member as superuser).
    """

    _name = "org.party.scope.mixin"
    _description = "Party Secretary Scope Kept After Writes"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if order:
            self._check_org_order(order)
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        if order:
            self._check_org_order(order, groupby=groupby)
        return super()._read_group(
            domain,
            groupby=groupby,
            aggregates=aggregates,
            having=having,
            offset=offset,
            limit=limit,
            order=order,
        )

    def write(self, vals):
        result = super().write(vals)
        self._check_org_party_scope()
        return result

    @api.model
    def _check_org_order(self, order, groupby=None):
        """Refuse with a clear message what Odoo would refuse with a bare ``ValueError``: a sort
        on an unknown or unstored field, or, when grouping, on a field that is not grouped.
        Fields the user may not read are refused by Odoo's own field access check."""
        match = regex_order.match(order)
        if not match:
            return  # Odoo's _check_qorder refuses it with a UserError
        for part in order.split(","):
            term = regex_order.match(part)["term"]
            fname = term.split(":")[0].split(".")[0]
            field = self._fields.get(fname)
            if groupby is not None:
                valid = term in groupby or ":" in term or term == "__count"
            else:
                valid = field and (
                    (field.store and field.column_type and ("." not in term or field.type == "properties"))
                    or (field.type == "many2one" and field.store and term == f"{fname}.id")
                    or (field.related and not field.store and "." not in term)
                )
            if not valid:
                model = self.env["ir.model"]._get(self._name).name
                if groupby is not None:
                    message = self.env._(
                        "%(model)s grouped this way cannot be sorted by “%(term)s”: sort by a field "
                        "it is grouped by or by a total.",
                        model=model,
                        term=part.strip(),
                    )
                else:
                    message = self.env._(
                        "%(model)s cannot be sorted by “%(term)s”: sort by a stored field you can read.",
                        model=model,
                        term=part.strip(),
                    )
                raise UserError(message)

    def _check_org_party_scope(self):
        if not self or self.env.su or not self.env.user.org_party_secretary_scoped:
            return
        forbidden = self._check_access("write")
        if forbidden:
            raise AccessError(
                self.env._(
                    "%(records)s would leave the party organizations you lead: a record leaves them "
                    "only through a membership transfer (组织关系转接).",
                    records="、".join(forbidden[0].sudo().mapped("display_name")),
                )
            )
