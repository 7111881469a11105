import contextlib

from odoo import api, fields, models

from odoo.addons.org_base.tools.resident_id import ResidentIdError, normalize_resident_id


class OrgPartyMobility(models.Model):
    """流动党员登记: a member of the zone going away (流出: where, why, the 流动党员活动证, who
    manages the member meanwhile, the return, 回流), or a member from elsewhere whose
    membership stays outside the zone and whom an organization of the zone manages meanwhile
    (流入). 《关于加强和改进流动党员管理工作的意见》 (2006); 党员教育管理工作条例 art. 25."""

    _name = "org.party.mobility"
    _description = "Mobile Party Member Registration"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.party.scope.mixin"]
    _order = "date_start desc, id desc"
    _rec_names_search = ["member_id", "person_name"]

    # in the reader's language (the kind's label), so not stored; found by the member's name
    name = fields.Char(string="Reference", compute="_compute_name")
    kind = fields.Selection(
        [("out", "Going Away (流出)"), ("in", "Coming In (流入)")],
        required=True,
        default="out",
        tracking=True,
    )
    state = fields.Selection(
        [("away", "Registered"), ("returned", "Ended")],
        required=True,
        default="away",
        tracking=True,
        copy=False,
        help="Registered: the member is away (流出) or managed here (流入); Ended: the member came "
        "back (回流) or left the organization that managed them.",
    )
    member_id = fields.Many2one(
        "org.party.member",
        string="Party Member",
        index=True,
        ondelete="cascade",
        tracking=True,
        help="流出: the member of the zone who goes away.",
    )
    person_name = fields.Char(
        string="Incoming Member", tracking=True, help="流入: the member from elsewhere."
    )
    person_id_number = fields.Char(string="Incoming Member's ID Number", groups="org_base.group_org_user")
    person_gender = fields.Selection(
        [("male", "Male"), ("female", "Female")], string="Incoming Member's Gender"
    )
    organization_id = fields.Many2one(
        "org.party.organization",
        string="Responsible Organization",
        required=True,
        compute="_compute_organization_id",
        store=True,
        precompute=True,
        readonly=False,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="流出: the member's own organization; 流入: the organization of the zone that manages "
        "the incoming member meanwhile.",
    )
    origin_organization_name = fields.Char(
        string="Home Organization (Outside the Zone)",
        tracking=True,
        help="流入: the party organization outside the zone that keeps the member's membership.",
    )
    destination = fields.Char(tracking=True, help="流出: where the member goes (place, employer).")
    host_organization_id = fields.Many2one(
        "org.party.organization",
        string="Managing Organization (Zone)",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="流出: the organization of the zone that manages the member meanwhile, if any.",
    )
    host_organization_name = fields.Char(
        string="Managing Organization (Elsewhere)",
        tracking=True,
        help="流出: the party organization at the destination that manages the member meanwhile.",
    )
    reason_id = fields.Many2one(
        "org.dictionary.item",
        string="Mobility Reason",
        domain=[("dictionary_code", "=", "mobility_reason")],
        tracking=True,
    )
    activity_card_number = fields.Char(
        string="Activity Card No.", tracking=True, help="《流动党员活动证》 number."
    )
    contact = fields.Char(tracking=True, help="How to reach the member meanwhile (phone, WeChat …).")
    date_start = fields.Date(
        string="Since", required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    date_end = fields.Date(
        string="Until", index=True, tracking=True, help="回流 (return) or end of the management here."
    )
    note = fields.Text()

    @api.depends("kind", "member_id.name", "person_name")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for mobility in self:
            mobility.name = (
                f"{labels.get(mobility.kind, '')} · {mobility.member_id.name or mobility.person_name or ''}"
            )

    @api.depends("member_id", "kind")
    def _compute_organization_id(self):
        for mobility in self:
            if mobility.kind == "out" and mobility.member_id:
                mobility.organization_id = mobility.member_id.sudo().organization_id
            else:
                mobility.organization_id = mobility.organization_id

    @api.constrains(
        "kind",
        "state",
        "member_id",
        "person_name",
        "person_id_number",
        "organization_id",
        "origin_organization_name",
        "destination",
        "date_start",
        "date_end",
    )
    def _check_org_rules(self):
        self.sudo()._org_check_rules()

    def _org_rule_messages(self):
        """流动党员 (2006 意见; 条例 art. 25; README › Rules)."""
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
        start, end = self.date_start, self.date_end
        if self.kind == "out":
            if not self.member_id:
                messages.append((("member_id",), self.env._("choose the member who goes away.")))
            elif self.member_id.standing not in (False, "normal"):
                messages.append(
                    (
                        ("member_id",),
                        self.env._("%(member)s is not in normal standing.", member=self.member_id.name),
                    )
                )
            if not (self.destination or "").strip():
                messages.append((("destination",), self.env._("say where the member goes (destination).")))
            if self.member_id and self.state == "away":
                others = self.sudo().search_count(
                    [
                        ("member_id", "=", self.member_id._origin.id or self.member_id.id),
                        ("kind", "=", "out"),
                        ("state", "=", "away"),
                        ("id", "!=", self._origin.id or 0),
                    ]
                )
                if others:
                    messages.append(
                        (
                            ("member_id", "state"),
                            self.env._(
                                "%(member)s is already registered as away: record the return first.",
                                member=self.member_id.name,
                            ),
                        )
                    )
            if self.member_id.date_join and start and start < self.member_id.date_join:
                messages.append(
                    (
                        ("date_start",),
                        self.env._(
                            "went away on %(date)s, before joining the party on %(joined)s.",
                            date=start,
                            joined=self.member_id.date_join,
                        ),
                    )
                )
        else:
            if not (self.person_name or "").strip():
                messages.append((("person_name",), self.env._("enter the name of the incoming member.")))
            if not (self.origin_organization_name or "").strip():
                messages.append(
                    (
                        ("origin_organization_name",),
                        self.env._("enter the home organization outside the zone that keeps the membership."),
                    )
                )
            if self.person_id_number:
                try:
                    normalize_resident_id(self.person_id_number)
                except ResidentIdError as error:
                    messages.append(
                        (
                            ("person_id_number",),
                            self.env._(
                                "the resident ID number is invalid: %(reason)s",
                                reason=self.env["org.party.member"]._resident_id_reason(error),
                            ),
                        )
                    )
        if start and start > today:
            messages.append(
                (
                    ("date_start",),
                    self.env._(
                        "the date %(date)s is in the future (today is %(today)s).", date=start, today=today
                    ),
                )
            )
        if end and start and end < start:
            messages.append(
                (
                    ("date_end",),
                    self.env._("ends on %(end)s, before it started on %(start)s.", end=end, start=start),
                )
            )
        if end and end > today:
            messages.append(
                (
                    ("date_end",),
                    self.env._(
                        "the date %(date)s is in the future (today is %(today)s).", date=end, today=today
                    ),
                )
            )
        if self.state == "returned" and not end:
            messages.append((("date_end",), self.env._("an ended registration needs its end date.")))
        return messages

    def _org_rule_record_name(self, record):
        return record.name or record.person_name or super()._org_rule_record_name(record)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("person_id_number"):
                with contextlib.suppress(ResidentIdError):
                    vals["person_id_number"] = normalize_resident_id(vals["person_id_number"])
        return super().create(vals_list)

    def action_end(self):
        """回流: the member came back (流出), or left the managing organization (流入), today
        unless an end date is entered."""
        today = self.env.company._org_office_today()
        for mobility in self:
            mobility.write({"state": "returned", "date_end": mobility.date_end or today})
        return True

    def action_reopen(self):
        self.write({"state": "away", "date_end": False})
        return True
