from odoo import api, fields, models

from .org_party_organization import ORGANIZATION_KINDS


class OrgPartyTermRule(models.Model):
    """The rules that apply to one kind of party organization, in one field (领域) or in every
    field: whether it is elected, its term (换届), its size and when it has a committee.

    An organization takes the rule of its kind and field, else the rule of its kind without a
    field (村 and 社区 organizations serve 5 years whatever their kind: rules of their field)."""

    _name = "org.party.term.rule"
    _description = "Party Organization Term Rule"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    kind = fields.Selection(ORGANIZATION_KINDS, required=True, tracking=True)
    field_id = fields.Many2one(
        "org.dictionary.item",
        domain="[('dictionary_code', '=', 'party_field')]",
        ondelete="cascade",
        tracking=True,
        help="The rule applies to organizations of its kind in this field (领域); empty: in every "
        "field that has no rule of its own.",
    )
    sequence = fields.Integer(default=10)
    is_elected = fields.Boolean(
        string="Elected",
        default=True,
        tracking=True,
        help="Elected organizations hold re-elections (换届); appointed ones (党工委 and other "
        "bodies sent by a higher committee, 党组) have no re-election date nor reminders.",
    )
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

    committee_min_formal_members = fields.Integer(
        string="Committee From (Formal Members)",
        default=7,
        tracking=True,
        help="From this many formal members the organization elects a committee (支部委员会) and "
        "holds committee meetings; below it, a secretary (and maybe a deputy) only. 0: never "
        "by number, only where the organization says it has set up a committee.",
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
        ("term_years_positive", "CHECK(term_years > 0)", "A term lasts at least one year."),
    ]

    @api.depends("kind", "field_id")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for rule in self:
            label = labels.get(rule.kind, "")
            rule.display_name = f"{label} · {rule.field_id.name}" if rule.field_id else label

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        if self.kind:
            others = self.search_count(
                [
                    ("kind", "=", self.kind),
                    ("field_id", "=", self.field_id.id),
                    ("id", "!=", self._origin.id or 0),
                ]
            )
            if others:
                messages.append(
                    (
                        ("kind", "field_id"),
                        self.env._(
                            "%(kind)s in %(field)s already has a term rule: one rule per kind and field.",
                            kind=dict(self._fields["kind"]._description_selection(self.env))[self.kind],
                            field=self.field_id.name or self.env._("every field"),
                        ),
                    )
                )
        for name in ("min_formal_members", "max_members", "committee_min_formal_members"):
            if self[name] < 0:
                messages.append(
                    (
                        (name,),
                        self.env._(
                            "%(field)s cannot be negative (%(value)s).",
                            field=self._fields[name]._description_string(self.env),
                            value=self[name],
                        ),
                    )
                )
        return messages

    @api.constrains("kind", "field_id", "min_formal_members", "max_members", "committee_min_formal_members")
    def _check_org_rules(self):
        self._org_check_rules()

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        rules._recompute_organizations()
        return rules

    def write(self, vals):
        kinds = set(self.mapped("kind"))
        result = super().write(vals)
        if "kind" in vals or "field_id" in vals:
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
