from odoo import api, models
from odoo.osv import expression


class MailFollowers(models.Model):
    """Followers of a party record are seen only by those who see the record.

    Odoo lets every employee read every ``mail.followers`` line (who follows which record id);
    the followers of party records and boards are seen only by those who can read the record
    itself (a secretary: their own subtree). Officers and leaders, who read every party record,
    are not filtered; for the others the filter is one sub-select per party model, added to the
    search.
    """

    _inherit = "mail.followers"

    @api.model
    def _org_party_scoped_models(self):
        return [*self.env["org.party.scope.mixin"]._inherit_children, "project.project"]

    @api.model
    def _org_party_followers_filtered(self):
        user = self.env.user
        return not self.env.su and not (
            user.has_group("org_base.group_org_user") or user.has_group("org_base.group_org_leader")
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if self._org_party_followers_filtered():
            scoped = [model for model in self._org_party_scoped_models() if model in self.env]
            scope = [("res_model", "not in", scoped)]
            for model in scoped:
                if not self.env[model].browse().has_access("read"):
                    continue  # no access to the model: none of its followers
                scope = expression.OR(
                    [scope, [("res_model", "=", model), ("res_id", "in", self.env[model]._search([]))]]
                )
            domain = expression.AND([domain, scope])
        return super()._search(domain, offset, limit, order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if not self or not self._org_party_followers_filtered():
            return result
        allowed = self - result[0] if result else self
        scoped = set(self._org_party_scoped_models())
        forbidden = self.browse()
        for res_model, followers in allowed.sudo().grouped("res_model").items():
            if res_model in scoped:
                visible = set(
                    self.env[res_model].browse(followers.mapped("res_id"))._filtered_access("read")._ids
                )
                forbidden |= followers.filtered(
                    lambda follower, visible=visible: follower.res_id not in visible
                )
        if not forbidden:
            return result
        forbidden = self.browse(forbidden.ids)
        if result:
            return result[0] | forbidden, result[1]
        return forbidden, lambda: self.env["ir.rule"]._make_access_error(operation, forbidden)
