from odoo import models
from odoo.exceptions import AccessError


class OrgPartyScopeMixin(models.AbstractModel):
    """Keeps a party secretary's records inside the secretary's subtree after a write.

    Odoo checks the record rules of ``write`` on the records as they were before the write
    (``BaseModel.write`` calls ``check_access("write")`` first), and those of ``create`` on the
    created records. A secretary could thus move their own meeting, candidate or board card to
    an organization outside their subtree. This mixin checks the write rules again on the
    records as they are after the write, in one query; a record leaves the subtree only through
    组织关系转接 (``org.party.transfer``, which moves the member as superuser).
    """

    _name = "org.party.scope.mixin"
    _description = "Party Secretary Scope Kept After Writes"

    def write(self, vals):
        result = super().write(vals)
        self._check_org_party_scope()
        return result

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
