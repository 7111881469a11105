from odoo import api, fields, models
from odoo.osv import expression

from .org_party_member import c_collation


class ResUsers(models.Model):
    _inherit = "res.users"

    org_party_secretary_organization_ids = fields.One2many(
        "org.party.organization",
        "secretary_user_id",
        string="Party Organizations Led",
        help="The party organizations whose secretary the user is; record rules give the user "
        "these organizations and the ones below them.",
    )
    org_party_secretary_scoped = fields.Boolean(
        compute="_compute_org_party_secretary_scoped",
        string="Limited to the Own Party Subtree",
        help="A party secretary who is neither officer nor leader: record rules keep them to the "
        "organizations they lead, the ones below them and the party boards' cards of those.",
    )

    @api.depends("groups_id")
    def _compute_org_party_secretary_scoped(self):
        for user in self:
            user.org_party_secretary_scoped = user.has_group("org_grassroots.group_party_secretary") and not (
                user.has_group("org_base.group_org_user") or user.has_group("org_base.group_org_leader")
            )

    def _org_party_path_domain(self, path_field):
        """The domain of the records whose ``path_field`` (a stored copy of their organization's
        parent_path) lies in the subtree of an organization the user leads: one prefix match per
        organization, which an index on the path serves as one range each, in the tree order
        (``child_of`` would search the organizations first and join them). With several
        organizations, the span from the first subtree to the last bounds the walk of that
        index in a database of the "C" collation (Odoo makes its databases so; the order of
        the paths as text is then their order in the index). Record rules cache their domain:
        organizations clear the cache when their secretary, place in the tree or activity
        changes."""
        self.ensure_one()
        paths = sorted(self.sudo().org_party_secretary_organization_ids.mapped("parent_path"))
        # A subtree inside another one led by the same user adds nothing.
        paths = [path for path in paths if not any(path != top and path.startswith(top) for top in paths)]
        if not paths:
            return expression.FALSE_DOMAIN
        domain = expression.OR([[(path_field, "=like", f"{path}%")] for path in paths])
        if len(paths) > 1 and c_collation(self.env.cr):
            # A subtree's paths are those from its own ("1/5/") up to the next after its
            # prefix ("1/50": "0" follows "/").
            end = max(path[:-1] + "0" for path in paths)
            domain = expression.AND([[(path_field, ">=", paths[0]), (path_field, "<", end)], domain])
        return domain
