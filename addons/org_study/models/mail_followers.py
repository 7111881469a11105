from odoo import api, models
from odoo.osv import expression


class MailFollowers(models.Model):
    """Followers of a study record are seen only by those who read the record.

    Odoo lets every employee read every ``mail.followers`` line (who follows which record id):
    a party secretary or a plain employee would list who follows each study plan or research visit.
    Here the followers of the study models are filtered by the reader's own access to the
    followed records, one sub-select per model (none for a model the user cannot read at all).
    """

    _inherit = "mail.followers"

    @api.model
    def _org_study_followed_models(self):
        # Sessions and hour requirements are read by every employee, so are their followers.
        return ["org.research.visit", "org.study.plan"]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            models_ = self._org_study_followed_models()
            scope = [("res_model", "not in", models_)]
            for model in models_:
                Model = self.env[model]
                if Model.has_access("read"):
                    scope = expression.OR(
                        [scope, [("res_model", "=", model), ("res_id", "in", Model._search([]))]]
                    )
            domain = expression.AND([domain, scope])
        return super()._search(domain, offset, limit, order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if not self or self.env.su:
            return result
        allowed = self - result[0] if result else self
        models_ = set(self._org_study_followed_models())
        forbidden = self.browse()
        for res_model, followers in allowed.sudo().grouped("res_model").items():
            if res_model not in models_:
                continue
            Model = self.env[res_model]
            if not Model.has_access("read"):
                forbidden |= followers
                continue
            visible = set(Model.browse(followers.mapped("res_id"))._filtered_access("read")._ids)
            forbidden |= followers.filtered(lambda follower, visible=visible: follower.res_id not in visible)
        if not forbidden:
            return result
        forbidden = self.browse(forbidden.ids)
        if result:
            return result[0] | forbidden, result[1]
        return forbidden, lambda: self.env["ir.rule"]._make_access_error(operation, forbidden)
