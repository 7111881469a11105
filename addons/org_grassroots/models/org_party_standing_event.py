from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

#: the standing a member has after an event of each kind
STANDING_AFTER = {"suspend": "suspended", "exit": "exited", "death": "deceased", "restore": "normal"}
#: the standings an event of each kind may follow (条例 art. 24: 恢复 only after 停止党籍)
ALLOWED_BEFORE = {
    "suspend": ("normal",),
    "exit": ("normal", "suspended"),
    "death": ("normal", "suspended"),
    "restore": ("suspended",),
}
#: 与党组织失去联系 6 个月以上 before 停止党籍 (条例 art. 24); data: org_grassroots.suspension_lost_months
DEFAULT_SUSPENSION_LOST_MONTHS = 6


class OrgPartyStandingEvent(models.Model):
    """党籍变动: one step of a member's 党籍 lifecycle (停止党籍, 出党 of a kind, 死亡, 恢复党籍),
    with its date and reason. The member's 党籍状态 is computed from these events; they are
    recorded through the member's buttons and not edited afterwards (only the administrator
    corrects one)."""

    _name = "org.party.standing.event"
    _description = "Party Standing Change"
    _order = "date desc, id desc"
    _rec_name = "kind"

    member_id = fields.Many2one(
        "org.party.member", string="Party Member", required=True, index=True, ondelete="cascade"
    )
    organization_id = fields.Many2one(
        "org.party.organization",
        string="Party Organization",
        compute="_compute_organization_id",
        store=True,
        precompute=True,
        index=True,
        ondelete="restrict",
        help="The member's organization when the change was recorded (the one that decided it).",
    )
    kind = fields.Selection(
        [
            ("suspend", "Suspension of Membership"),
            ("exit", "Leaving the Party"),
            ("death", "Death"),
            ("restore", "Restoration of Membership"),
        ],
        required=True,
        index=True,
    )
    date = fields.Date(
        required=True,
        index=True,
        default=fields.Date.context_today,
        help="The date of the decision (or of the death).",
    )
    suspension_reason_id = fields.Many2one(
        "org.dictionary.item",
        domain=[("dictionary_code", "=", "party_suspension_reason")],
        help="停止党籍的情形 (dictionary).",
    )
    exit_kind_id = fields.Many2one(
        "org.dictionary.item",
        string="Way of Leaving",
        index=True,
        domain=[("dictionary_code", "=", "party_exit_kind")],
        help="出党方式: 开除党籍, 劝退, 除名 … (dictionary).",
    )
    reason = fields.Text(string="Reason for the Change", help="Why: the facts and the decision.")
    document = fields.Char(
        string="Decision Reference", help="The decision's number (文号) or approving body."
    )
    standing_before = fields.Selection(
        [
            ("normal", "Normal"),
            ("suspended", "Suspended"),
            ("exited", "Left the Party"),
            ("deceased", "Deceased"),
        ],
        compute="_compute_standing_before",
        store=True,
        help="The member's 党籍状态 before this change.",
    )

    @api.depends("member_id")
    def _compute_organization_id(self):
        for event in self:
            event.organization_id = event.member_id.sudo().organization_id

    @api.depends("member_id", "date")
    def _compute_standing_before(self):
        for event in self:
            event.standing_before = event._org_previous_standing()

    def _org_previous_events(self):
        """The member's other events, the latest first."""
        if not self.member_id:
            return self.browse()
        origin = self._origin.id or self.id
        return self.sudo().search(
            [("member_id", "=", self.member_id._origin.id or self.member_id.id), ("id", "!=", origin or 0)],
            order="date desc, id desc",
        )

    def _org_previous_standing(self):
        previous = self._org_previous_events()
        return STANDING_AFTER[previous[0].kind] if previous else "normal"

    @api.model
    def _org_suspension_lost_months(self):
        value = self.env["ir.config_parameter"].sudo().get_param("org_grassroots.suspension_lost_months")
        return int(value) if value and value.isdigit() else DEFAULT_SUSPENSION_LOST_MONTHS

    @api.constrains("member_id", "kind", "date", "suspension_reason_id", "exit_kind_id", "reason")
    def _check_org_rules(self):
        self.sudo()._org_check_rules()

    def _org_rule_messages(self):
        """党籍 lifecycle (党章 art. 7, 9; 党员教育管理工作条例 art. 24; README › Rules)."""
        messages = super()._org_rule_messages()
        member, kind, date = self.member_id, self.kind, self.date
        if not (member and kind and date):
            return messages
        labels = dict(self._fields["kind"]._description_selection(self.env))
        standings = dict(self._fields["standing_before"]._description_selection(self.env))
        today = self.env.company._org_office_today()
        if date > today:
            messages.append(
                (
                    ("date",),
                    self.env._(
                        "the date %(date)s is in the future (today is %(today)s).", date=date, today=today
                    ),
                )
            )
        if member.date_join and date < member.date_join:
            messages.append(
                (
                    ("date",),
                    self.env._(
                        "%(change)s on %(date)s, before the member joined on %(joined)s.",
                        change=labels[kind],
                        date=date,
                        joined=member.date_join,
                    ),
                )
            )
        previous = self._org_previous_events()
        before = STANDING_AFTER[previous[0].kind] if previous else "normal"
        if before not in ALLOWED_BEFORE[kind]:
            messages.append(
                (
                    ("kind",),
                    self.env._(
                        "%(change)s is not possible for a member whose standing is “%(standing)s”: "
                        "membership is restored only after a suspension, and nothing follows leaving "
                        "the party or death (one may be admitted again).",
                        change=labels[kind],
                        standing=standings[before],
                    ),
                )
            )
        elif previous and date < previous[0].date:
            messages.append(
                (
                    ("date",),
                    self.env._(
                        "%(change)s on %(date)s, before the last change of standing (%(last)s on "
                        "%(last_date)s).",
                        change=labels[kind],
                        date=date,
                        last=labels[previous[0].kind],
                        last_date=previous[0].date,
                    ),
                )
            )
        if kind in ("suspend", "exit", "restore") and not (self.reason or "").strip():
            messages.append((("reason",), self.env._("%(change)s needs its reason.", change=labels[kind])))
        if kind == "exit":
            if not self.exit_kind_id:
                messages.append(
                    (("exit_kind_id",), self.env._("leaving the party needs its way (出党方式)."))
                )
            elif self.exit_kind_id.code == "06" and member.status != "probationary":
                messages.append(
                    (
                        ("exit_kind_id",),
                        self.env._(
                            "%(way)s concerns probationary members only (党章 art. 7).",
                            way=self.exit_kind_id.name,
                        ),
                    )
                )
        if kind == "suspend":
            if not self.suspension_reason_id:
                messages.append(
                    (("suspension_reason_id",), self.env._("a suspension needs its reason (停止党籍的情形)."))
                )
            elif self.suspension_reason_id.code == "01":
                months = self._org_suspension_lost_months()
                lost = (
                    self.env["org.party.lost.contact"]
                    .sudo()
                    .search(
                        [("member_id", "=", member._origin.id or member.id), ("date_found", "=", False)],
                        order="date_lost",
                        limit=1,
                    )
                )
                if not lost or lost.date_lost > date - relativedelta(months=months):
                    messages.append(
                        (
                            ("suspension_reason_id", "date"),
                            self.env._(
                                "a suspension for lost contact needs the contact lost for %(months)s "
                                "months or more by %(date)s (%(since)s): register the lost contact and "
                                "the search first.",
                                months=months,
                                date=date,
                                since=lost.date_lost if lost else self.env._("no lost contact registered"),
                            ),
                        )
                    )
        return messages

    @api.depends("kind", "date", "member_id.name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for event in self:
            event.display_name = " · ".join(
                str(part) for part in (event.member_id.name, labels.get(event.kind), event.date) if part
            )

    def _org_rule_record_name(self, record):
        return record.member_id.name or super()._org_rule_record_name(record)

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._org_post_on_members()
        return events

    def _org_post_on_members(self):
        """The member's chatter says what changed, when and why; a member who left the party or
        died is archived (not counted any more), as a member transferred out is."""
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for event in self:
            detail = event.exit_kind_id.name or event.suspension_reason_id.name
            body = self.env._(
                "%(change)s on %(date)s%(detail)s. %(reason)s",
                change=labels[event.kind],
                date=event.date,
                detail=f"（{detail}）" if detail else "",
                reason=event.reason or "",
            )
            if event.document:
                body += " " + self.env._("Decision: %(document)s.", document=event.document)
            event.member_id.message_post(body=body.strip())
        leaving = self.filtered(lambda event: event.kind in ("exit", "death")).member_id
        if leaving:
            leaving.write({"active": False})
