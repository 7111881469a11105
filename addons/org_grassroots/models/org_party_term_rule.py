from odoo import api, fields, models

from .org_party_organization import ORGANIZATION_KINDS


class OrgPartyTermRule(models.Model):
    """The rules that apply to one kind of party organization: its term (换届) and its size."""

    _name = "org.party.term.rule"
    _description = "Party Organization Term Rule"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    kind = fields.Selection(ORGANIZATION_KINDS, required=True, tracking=True)
    sequence = fields.Integer(default=10)
    term_years = fields.Integer(
        string="Term (Years)",
        required=True,
        default=3,
        tracking=True,
        help="Years between two elections of the organization's committee.",
    )
    min_formal_members = fields.Integer(
        string="Minimum Formal Members",
        tracking=True,
        help="Fewer formal members flags the organization; 0 checks nothing.",
    )
    max_members = fields.Integer(
        string="Maximum Members",
        tracking=True,
        help="More members (formal and probationary) flags the organization; 0 checks nothing.",
    )

    remind_months_first = fields.Integer(
        string="First Reminder (Months Ahead)",
        default=6,
        tracking=True,
        help="The secretary is reminded this many months before the re-election is due; 0: never.",
    )
    remind_months_second = fields.Integer(
        string="Second Reminder (Months Ahead)",
        default=3,
        tracking=True,
        help="A second reminder this many months before the due date; 0: never.",
    )

    _sql_constraints = [
        ("kind_uniq", "unique(kind)", "Each kind of organization has one term rule."),
        ("term_years_positive", "CHECK(term_years > 0)", "A term lasts at least one year."),
    ]

    @api.depends("kind")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for rule in self:
            rule.display_name = labels.get(rule.kind, "")

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        rules._recompute_organizations()
        return rules

    def write(self, vals):
        kinds = set(self.mapped("kind"))
        result = super().write(vals)
        if "kind" in vals:
            self._recompute_organizations(kinds | set(self.mapped("kind")))
        return result

    def unlink(self):
        kinds = set(self.mapped("kind"))
        result = super().unlink()
        self._recompute_organizations(kinds)
        return result

    def _recompute_organizations(self, kinds=None):
        """Attach the organizations of the rules' kinds to their (new) rule."""
        kinds = list(kinds if kinds is not None else set(self.mapped("kind")))
        Organization = self.env["org.party.organization"].with_context(active_test=False)
        organizations = Organization.sudo().search([("kind", "in", kinds)])
        # Their rule depends on the kind: mark it, and what depends on it, for recomputation.
        organizations.modified(["kind"])
