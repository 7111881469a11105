from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression

from odoo.addons.org_base.tools.cron import BATCH_SIZE

ORGANIZATION_KINDS = [
    ("working_committee", "Party Working Committee"),
    ("committee", "Party Committee"),
    ("general_branch", "General Party Branch"),
    ("branch", "Party Branch"),
    ("joint_branch", "Joint Party Branch"),
    ("temporary_branch", "Temporary Party Branch"),
]


class OrgPartyOrganization(models.Model):
    """A party organization (党组织) in the zone's tree: from the working committee (党工委)
    down to the branches (党支部), with its committee, term and members."""

    _name = "org.party.organization"
    _description = "Party Organization"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.party.scope.mixin"]
    _parent_store = True
    _order = "parent_path, sequence, id"
    _rec_names_search = ["name", "complete_name"]

    # Identity and place in the tree
    name = fields.Char(required=True, tracking=True)
    complete_name = fields.Char(
        string="Full Name", compute="_compute_complete_name", recursive=True, store=True
    )
    active = fields.Boolean(default=True, tracking=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(ORGANIZATION_KINDS, required=True, default="branch", tracking=True)
    field_id = fields.Many2one(
        "org.dictionary.item",
        domain="[('dictionary_code', '=', 'party_field')]",
        tracking=True,
        help="The field the organization works in (领域): community, state enterprise, "
        "non-public enterprise, industry chain …",
    )
    parent_id = fields.Many2one(
        "org.party.organization",
        string="Higher Organization",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("org.party.organization", "parent_id", string="Lower Organizations")
    child_count = fields.Integer(compute="_compute_child_count", string="Lower Organization Count")

    # Leadership
    secretary_user_id = fields.Many2one(
        "res.users",
        string="Secretary",
        tracking=True,
        help="The user who acts as the organization's secretary: they see and maintain this "
        "organization and the ones below it.",
    )
    committee_member_ids = fields.Many2many(
        "org.party.member",
        "org_party_organization_committee_rel",
        "organization_id",
        "member_id",
        string="Committee Members",
    )
    member_ids = fields.One2many("org.party.member", "organization_id", string="Members")

    # Term (换届)
    date_founded = fields.Date(string="Founded On", tracking=True)
    term_rule_id = fields.Many2one("org.party.term.rule", compute="_compute_term_rule_id", store=True)
    is_appointed = fields.Boolean(
        string="Appointed (No Re-election)",
        compute="_compute_is_appointed",
        store=True,
        readonly=False,
        tracking=True,
        help="Appointed by the higher committee (党工委 and other bodies it sends, 党组): no "
        "re-election date, no reminders. Follows the term rule unless set here.",
    )
    term_years_override = fields.Integer(
        string="Own Term (Years)",
        tracking=True,
        help="The term of this organization when it differs from its rule (e.g. approved by "
        "the higher committee); 0: the rule's term.",
    )
    term_years = fields.Integer(
        string="Term (Years)",
        compute="_compute_term_years",
        store=True,
        help="The organization's own term if set, else its rule's (by kind and field).",
    )
    date_term_start = fields.Date(string="Current Term Started On", tracking=True)
    date_reelection_due = fields.Date(
        string="Re-election Due On",
        compute="_compute_date_reelection_due",
        store=True,
        tracking=True,
    )
    is_reelection_overdue = fields.Boolean(
        string="Re-election Overdue",
        compute="_compute_is_reelection_overdue",
        search="_search_is_reelection_overdue",
    )

    reelection_reminder_level = fields.Integer(
        string="Re-election Reminders Sent",
        compute="_compute_reelection_reminder_level",
        store=True,
        readonly=False,
        copy=False,
        help="Reminders sent for the current due date: 1 first, 2 second, 3 overdue.",
    )

    # Members (stored for filters, lists and reports)
    member_formal_count = fields.Integer(
        string="Formal Members",
        compute="_compute_member_counts",
        store=True,
        recursive=True,
        help="Formal members of the organization and of the organizations below it.",
    )
    member_probationary_count = fields.Integer(
        string="Probationary Members",
        compute="_compute_member_counts",
        store=True,
        recursive=True,
        help="Probationary members of the organization and of the organizations below it.",
    )
    member_count = fields.Integer(compute="_compute_member_counts", store=True, recursive=True)
    is_understaffed = fields.Boolean(
        string="Too Few Formal Members",
        compute="_compute_size_flags",
        store=True,
        help="Fewer formal members than its kind requires (正式党员不足3人).",
    )
    is_oversized = fields.Boolean(
        string="Too Many Members",
        compute="_compute_size_flags",
        store=True,
        help="More members than its kind allows (党支部党员超过50人).",
    )
    # Bodies that exist in the organization: the meeting requirements follow them.
    has_committee_set_up = fields.Boolean(
        string="Committee Set Up",
        tracking=True,
        help="The organization has elected a committee (支部委员会) although it has fewer formal "
        "members than its rule's threshold.",
    )
    has_committee = fields.Boolean(
        string="Has a Committee",
        compute="_compute_has_committee",
        store=True,
        help="A committee exists: set up, or enough formal members to elect one (支部工作条例: "
        "7 or more by default). Committee meetings are required only then.",
    )
    party_group_count = fields.Integer(
        string="Party Groups",
        tracking=True,
        help="党小组 set up in the organization; group meetings are required only where there "
        "is at least one.",
    )
    note = fields.Html()

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for organization in self:
            if organization.parent_id:
                organization.complete_name = f"{organization.parent_id.complete_name} / {organization.name}"
            else:
                organization.complete_name = organization.name

    @api.depends("child_ids")
    def _compute_child_count(self):
        counts = dict(
            self.env["org.party.organization"]._read_group(
                [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]
            )
        )
        for organization in self:
            organization.child_count = counts.get(organization._origin, 0)

    @api.depends("kind", "field_id")
    def _compute_term_rule_id(self):
        rules = {
            (rule.kind, rule.field_id.id): rule for rule in self.env["org.party.term.rule"].sudo().search([])
        }
        for organization in self:
            kind = organization.kind
            organization.term_rule_id = rules.get((kind, organization.field_id.id)) or rules.get(
                (kind, False), False
            )

    @api.depends("term_rule_id.is_elected")
    def _compute_is_appointed(self):
        for organization in self:
            organization.is_appointed = (
                bool(organization.term_rule_id) and not organization.term_rule_id.is_elected
            )

    @api.depends("term_years_override", "term_rule_id.term_years")
    def _compute_term_years(self):
        for organization in self:
            organization.term_years = organization.term_years_override or organization.term_rule_id.term_years

    @api.depends("date_term_start", "term_years", "is_appointed")
    def _compute_date_reelection_due(self):
        for organization in self:
            years = organization.term_years
            start = organization.date_term_start
            organization.date_reelection_due = (
                start + relativedelta(years=years)
                if start and years and not organization.is_appointed
                else False
            )

    @api.depends("has_committee_set_up", "member_formal_count", "term_rule_id.committee_min_formal_members")
    def _compute_has_committee(self):
        for organization in self:
            threshold = organization.term_rule_id.committee_min_formal_members
            organization.has_committee = organization.has_committee_set_up or bool(
                threshold and organization.member_formal_count >= threshold
            )

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        if self.term_years_override < 0:
            messages.append(
                (
                    ("term_years_override",),
                    self.env._("A term cannot last %(years)s years.", years=self.term_years_override),
                )
            )
        if self.party_group_count < 0:
            messages.append(
                (
                    ("party_group_count",),
                    self.env._(
                        "The number of party groups cannot be %(count)s.", count=self.party_group_count
                    ),
                )
            )
        today = self.env.company._org_office_today()
        if self.date_term_start and self.date_term_start > today:
            messages.append(
                (
                    ("date_term_start",),
                    self.env._(
                        "The current term cannot start on %(date)s, after today (%(today)s).",
                        date=self.date_term_start,
                        today=today,
                    ),
                )
            )
        if self.date_founded and self.date_term_start and self.date_term_start < self.date_founded:
            messages.append(
                (
                    ("date_term_start", "date_founded"),
                    self.env._(
                        "The current term cannot start on %(date)s, before the organization was "
                        "founded (%(founded)s).",
                        date=self.date_term_start,
                        founded=self.date_founded,
                    ),
                )
            )
        return messages

    @api.constrains("term_years_override", "party_group_count", "date_term_start", "date_founded")
    def _check_org_rules(self):
        self._org_check_rules()

    @api.depends("date_reelection_due")
    @api.depends_context("date")
    def _compute_is_reelection_overdue(self):
        today = fields.Date.context_today(self)
        for organization in self:
            due = organization.date_reelection_due
            organization.is_reelection_overdue = bool(due and due < today)

    def _search_is_reelection_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on Re-election Overdue."))
        domain = [("date_reelection_due", "<", fields.Date.context_today(self))]
        if (operator == "=") != value:
            domain = ["|", ("date_reelection_due", "=", False), ("date_reelection_due", ">=", domain[0][2])]
        return domain

    @api.depends("date_reelection_due")
    def _compute_reelection_reminder_level(self):
        # A new due date (a new term, another rule) starts the reminders over.
        self.reelection_reminder_level = 0

    @api.depends(
        "member_ids",
        "member_ids.status",
        "member_ids.active",
        "child_ids.member_formal_count",
        "child_ids.member_probationary_count",
    )
    def _compute_member_counts(self):
        # The organization's own members, then those of the organizations below it.
        counts = {
            (organization.id, status): count
            for organization, status, count in self.env["org.party.member"]._read_group(
                [("organization_id", "in", self._origin.ids)], ["organization_id", "status"], ["__count"]
            )
        }
        for organization in self:
            key = organization._origin.id
            children = organization.child_ids
            formal = counts.get((key, "formal"), 0) + sum(children.mapped("member_formal_count"))
            probationary = counts.get((key, "probationary"), 0) + sum(
                children.mapped("member_probationary_count")
            )
            organization.member_formal_count = formal
            organization.member_probationary_count = probationary
            organization.member_count = formal + probationary

    @api.depends(
        "member_formal_count",
        "member_count",
        "term_rule_id.min_formal_members",
        "term_rule_id.max_members",
    )
    def _compute_size_flags(self):
        for organization in self:
            rule = organization.term_rule_id
            organization.is_understaffed = bool(
                rule.min_formal_members and organization.member_formal_count < rule.min_formal_members
            )
            organization.is_oversized = bool(
                rule.max_members and organization.member_count > rule.max_members
            )

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An organization cannot be placed below itself."))

    @api.model_create_multi
    def create(self, vals_list):
        organizations = super().create(vals_list)
        if any(vals.get("secretary_user_id") for vals in vals_list):
            # Record rules read the organizations a secretary leads: refresh them.
            self.env.registry.clear_cache()
        return organizations

    def write(self, vals):
        if "parent_id" in vals:
            self._check_secretary_parent(vals["parent_id"])
        result = super().write(vals)
        if "secretary_user_id" in vals or "active" in vals or "parent_id" in vals:
            # Record rules read the organizations a secretary leads and their paths (the
            # members' rule matches them as prefixes): refresh them.
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        had_secretary = any(self.mapped("secretary_user_id"))
        result = super().unlink()
        if had_secretary:
            self.env.registry.clear_cache()
        return result

    def _check_secretary_parent(self, parent_id):
        """A secretary places organizations only below one of their own subtree: their top
        organization keeps its higher organization, nothing is hung under another subtree."""
        if self.env.su or not self.env.user.org_party_secretary_scoped:
            return
        moving = self.filtered(lambda organization: organization.parent_id.id != (parent_id or False))
        # Searched with the secretary's record rules: only the own subtree is found.
        if not moving or (parent_id and self.search_count([("id", "=", parent_id)])):
            return
        raise AccessError(
            self.env._(
                "%(organizations)s cannot be placed below %(parent)s: you may only move the "
                "organizations you lead within your own subtree.",
                organizations="、".join(moving.mapped("display_name")),
                parent=self.sudo().browse(parent_id).display_name
                if parent_id
                else self.env._("no higher organization"),
            )
        )

    def action_open_children(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("org_grassroots.org_party_organization_action")
        action.update(
            name=self.env._("Below %(organization)s", organization=self.name),
            domain=[("id", "child_of", self.id), ("id", "!=", self.id)],
            context={"default_parent_id": self.id},
        )
        return action

    def action_open_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("org_grassroots.org_party_member_action")
        action.update(
            name=self.env._("Members of %(organization)s", organization=self.name),
            domain=[("organization_id", "child_of", self.id)],
            context={"default_organization_id": self.id},
        )
        return action

    def _reminder_user(self):
        """Who is reminded about this organization: its secretary, else the one above."""
        self.ensure_one()
        return self.secretary_user_id or self.parent_id.secretary_user_id

    def _cron_reelection_reminders(self, batch_size=BATCH_SIZE):
        """Remind secretaries of re-elections due (换届): months ahead as the term rule says
        (6 and 3 by default), and once overdue.

        Idempotent (each level is sent once per due date) and batched: a run reminds one batch
        and tells the cron how many organizations wait (``_notify_progress``). A batch is as
        large as one of the ORM's INSERT statements, so a run costs the same queries for 100
        organizations as for 10,000.
        """
        today = fields.Date.context_today(self)
        rules = self.env["org.party.term.rule"].search([])
        rule_domains = []
        for rule in rules:
            clauses = [["&", ("date_reelection_due", "<", today), ("reelection_reminder_level", "<", 3)]]
            for level, months in ((2, rule.remind_months_second), (1, rule.remind_months_first)):
                if months > 0:
                    clauses.append(
                        [
                            "&",
                            ("date_reelection_due", "<=", today + relativedelta(months=months)),
                            ("reelection_reminder_level", "<", level),
                        ]
                    )
            rule_domains.append(expression.AND([[("term_rule_id", "=", rule.id)], expression.OR(clauses)]))
        # One query for every term rule, the earliest due first.
        found = self.search(
            expression.AND([[("date_reelection_due", "!=", False)], expression.OR(rule_domains)]),
            limit=batch_size + 1,
            order="date_reelection_due, id",
        )
        levels = found[:batch_size]
        due_levels = {}
        for organization in levels:
            rule = organization.term_rule_id
            due = organization.date_reelection_due
            if due < today:
                due_levels[organization.id] = 3
            elif rule.remind_months_second > 0 and due <= today + relativedelta(
                months=rule.remind_months_second
            ):
                due_levels[organization.id] = 2
            else:
                due_levels[organization.id] = 1
        plans = []
        bodies = {}
        for organization in levels:
            level = due_levels[organization.id]
            due = organization.date_reelection_due
            if level == 3:
                summary = self.env._("Re-election overdue since %(date)s", date=due)
            else:
                summary = self.env._("Re-election due on %(date)s", date=due)
            plans.append(
                (
                    organization,
                    {
                        "user_id": organization._reminder_user().id,
                        "date_deadline": due if level < 3 else today,
                        "summary": summary,
                    },
                )
            )
            bodies[organization.id] = summary
        for level in set(due_levels[organization.id] for organization in levels):
            levels.filtered(
                lambda org, level=level: due_levels[org.id] == level
            ).reelection_reminder_level = level
        # Each level reminds anew, next to the earlier level's activity.
        self.env["mail.activity"]._org_schedule_batch(
            "org_grassroots.mail_activity_type_reelection", plans, automated=True, skip_existing=False
        )
        levels._message_log_batch(bodies=bodies)
        self.env["ir.cron"]._notify_progress(done=len(levels), remaining=len(found) - len(levels))
        return levels
