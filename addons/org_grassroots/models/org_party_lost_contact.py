from odoo import api, fields, models


class OrgPartyLostContact(models.Model):
    """失联党员登记: a member the organization cannot reach, since when, and the search for
    them (a log of steps), until contact is found again or the membership is suspended
    (停止党籍 after six months, 党员教育管理工作条例 art. 24)."""

    _name = "org.party.lost.contact"
    _description = "Lost Contact Registration"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.party.scope.mixin"]
    _order = "date_lost desc, id desc"
    _rec_name = "member_id"

    member_id = fields.Many2one(
        "org.party.member",
        string="Party Member",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    organization_id = fields.Many2one(
        "org.party.organization",
        string="Party Organization",
        required=True,
        compute="_compute_organization_id",
        store=True,
        precompute=True,
        readonly=False,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The member's organization, which looks for the member.",
    )
    date_lost = fields.Date(string="Contact Lost On", required=True, index=True, tracking=True)
    date_found = fields.Date(string="Contact Found On", index=True, tracking=True, copy=False)
    state = fields.Selection(
        [("lost", "Lost Contact"), ("found", "Contact Found")],
        compute="_compute_state",
        store=True,
        index=True,
    )
    step_ids = fields.One2many("org.party.lost.contact.step", "lost_contact_id", string="Search Steps")
    step_count = fields.Integer(compute="_compute_step_count")
    note = fields.Text()

    @api.depends("member_id")
    def _compute_organization_id(self):
        for lost in self:
            lost.organization_id = lost.member_id.sudo().organization_id

    @api.depends("date_found")
    def _compute_state(self):
        for lost in self:
            lost.state = "found" if lost.date_found else "lost"

    @api.depends("step_ids")
    def _compute_step_count(self):
        for lost in self:
            lost.step_count = len(lost.step_ids)

    @api.constrains("member_id", "date_lost", "date_found")
    def _check_org_rules(self):
        self.sudo()._org_check_rules()

    def _org_rule_messages(self):
        """失联 (条例 art. 24; README › Rules): dates in order, not in the future, one open
        registration per member."""
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
        lost, found = self.date_lost, self.date_found
        for name, date in (("date_lost", lost), ("date_found", found)):
            if date and date > today:
                messages.append(
                    (
                        (name,),
                        self.env._(
                            "the date %(date)s is in the future (today is %(today)s).", date=date, today=today
                        ),
                    )
                )
        if lost and found and found < lost:
            messages.append(
                (
                    ("date_found",),
                    self.env._(
                        "contact found on %(found)s, before it was lost on %(lost)s.", found=found, lost=lost
                    ),
                )
            )
        member = self.member_id
        if member.date_join and lost and lost < member.date_join:
            messages.append(
                (
                    ("date_lost",),
                    self.env._(
                        "contact lost on %(date)s, before joining on %(joined)s.",
                        date=lost,
                        joined=member.date_join,
                    ),
                )
            )
        if member and not found:
            others = self.sudo().search_count(
                [
                    ("member_id", "=", member._origin.id or member.id),
                    ("date_found", "=", False),
                    ("id", "!=", self._origin.id or 0),
                ]
            )
            if others:
                messages.append(
                    (
                        ("member_id",),
                        self.env._("%(member)s is already registered as lost contact.", member=member.name),
                    )
                )
        return messages

    def _org_rule_record_name(self, record):
        return record.member_id.name or super()._org_rule_record_name(record)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for lost in records:
            lost.member_id.message_post(
                body=self.env._(
                    "Contact lost since %(date)s: registered as lost contact (失联).", date=lost.date_lost
                )
            )
        return records

    def action_found(self):
        """Contact found again, today unless a date is entered."""
        today = self.env.company._org_office_today()
        for lost in self:
            lost.date_found = lost.date_found or today
            lost.member_id.message_post(
                body=self.env._("Contact found again on %(date)s.", date=lost.date_found)
            )
        return True

    def action_suspend_standing(self):
        """停止党籍 of the member, for lost contact."""
        self.ensure_one()
        action = self.member_id.action_suspend_standing()
        reason = self.env.ref("org_grassroots.party_suspension_reason_01", raise_if_not_found=False)
        action["context"]["default_suspension_reason_id"] = reason.id if reason else False
        return action
