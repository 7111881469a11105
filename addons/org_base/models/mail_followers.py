from odoo import api, models
from odoo.osv import expression


class MailFollowers(models.Model):
    """Followers are read only by those who read the record they follow.

    mail lists every follower line (who follows which record id) to every internal user: who
    follows a supervision record, a talent's claim or another subtree's meeting tells about it.
    A search is narrowed with one sub-select per followed model, the reader's own
    ``_search([])`` (their record rules), after one grouped query for the models the domain
    reaches; a model the reader cannot read at all gives no follower. ``_check_access`` does
    the same for records read by id. The superuser is not filtered (mail's own code reads
    followers as superuser where it must).
    """

    _inherit = "mail.followers"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if self.env.su:
            return super()._search(domain, offset, limit, order)
        followed = self.sudo()._read_group(domain, ["res_model"])
        scope = expression.FALSE_DOMAIN
        for (res_model,) in followed:
            if res_model not in self.env or not self.env[res_model].has_access("read"):
                continue
            scope = expression.OR(
                [
                    scope,
                    [
                        ("res_model", "=", res_model),
                        ("res_id", "in", self.env[res_model].with_context(active_test=False)._search([])),
                    ],
                ]
            )
        return super()._search(expression.AND([domain, scope]), offset, limit, order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation != "read" or not self or self.env.su:
            return result
        allowed = self - result[0] if result else self
        forbidden = self.browse()
        for res_model, followers in allowed.sudo().grouped("res_model").items():
            if res_model not in self.env or not self.env[res_model].has_access("read"):
                forbidden |= followers
                continue
            documents = self.env[res_model].browse(set(followers.mapped("res_id"))).exists()
            visible = set(documents._filtered_access("read")._ids)
            forbidden |= followers.filtered(lambda follower, visible=visible: follower.res_id not in visible)
        if not forbidden:
            return result
        forbidden = self.browse(forbidden.ids)
        if result:
            return result[0] | forbidden, result[1]
        return forbidden, lambda: self.env["ir.rule"]._make_access_error(operation, forbidden)
