from odoo import api, fields, models

from .org_party_dues_line import month_start

#: Who reads a member's dues (amounts reveal the income): officers and the member's secretary.
DUES_READERS = "org_base.group_org_user,org_grassroots.group_party_secretary"
#: The parameter of the number of unpaid months at which the secretary is reminded.
REMIND_PARAM = "org_party_dues.reminder_months"
DEFAULT_REMIND_MONTHS = 3


class OrgPartyMember(models.Model):
    _inherit = "org.party.member"

    dues_category_id = fields.Many2one(
        "org.party.dues.category",
        tracking=True,
        ondelete="restrict",
        help="党费交纳类别: 在职, 离退休 (by income bracket), 农民, 学生, 下岗失业, 低保 (a fixed amount).",
    )
    dues_base_ids = fields.One2many(
        "org.party.dues.base", "member_id", string="Dues Bases", groups=DUES_READERS
    )
    dues_line_ids = fields.One2many(
        "org.party.dues.line", "member_id", string="Monthly Dues", groups=DUES_READERS
    )
    dues_payment_ids = fields.One2many(
        "org.party.dues.payment", "member_id", string="Dues Payments", groups=DUES_READERS
    )
    dues_monthly_amount = fields.Monetary(
        string="Monthly Dues This Year",
        compute="_compute_dues_monthly_amount",
        currency_field="dues_currency_id",
        groups=DUES_READERS,
    )
    dues_currency_id = fields.Many2one(
        "res.currency", compute="_compute_dues_monthly_amount", groups=DUES_READERS
    )
    dues_months_unpaid = fields.Integer(
        string="Months of Dues Unpaid",
        compute="_compute_dues_months_unpaid",
        store=True,
        precompute=True,
        help="The months of dues not paid (欠缴月数), the current month included once its line exists.",
    )
    dues_oldest_unpaid = fields.Date(
        string="Unpaid Since", compute="_compute_dues_months_unpaid", store=True, precompute=True
    )

    def _compute_dues_monthly_amount(self):
        year = self.env.company._org_office_today().year
        bases = {
            base.member_id.id: base
            for base in self.env["org.party.dues.base"]
            .sudo()
            .search([("member_id", "in", self.ids), ("year", "=", year)])
        }
        for member in self:
            base = bases.get(member.id)
            member.dues_currency_id = self.env.company.currency_id
            member.dues_monthly_amount = base.amount if base else 0.0

    @api.depends("dues_line_ids.date_paid", "dues_line_ids.month")
    def _compute_dues_months_unpaid(self):
        counts = {
            member.id: (count, oldest)
            for member, count, oldest in self.env["org.party.dues.line"]
            .sudo()
            ._read_group(
                [("member_id", "in", self._origin.ids), ("date_paid", "=", False)],
                ["member_id"],
                ["__count", "month:min"],
            )
        }
        for member in self:
            member.dues_months_unpaid, member.dues_oldest_unpaid = counts.get(member._origin.id, (0, False))

    def _org_months_without_dues(self):
        """``{member id: months}``: for each member of ``self``, the months of dues it owes of
        months already ended (the current month is not late yet). Since payments pay the oldest
        months first, this is the number of months the member has not paid for: the 失联 / 自行
        脱党 rule (six months without paying and without reason) reads it. One read_group."""
        this_month = month_start(self.env.company._org_office_today())
        result = dict.fromkeys(self.ids, 0)
        for member, count in (
            self.env["org.party.dues.line"]
            .sudo()
            ._read_group(
                [("member_id", "in", self.ids), ("date_paid", "=", False), ("month", "<", this_month)],
                ["member_id"],
                ["__count"],
            )
        ):
            result[member.id] = count
        return result

    def _org_inactivity_domains(self, cutoff):
        """党章 art. 9: six months without paying dues is a sign of 自行脱党, beside six months
        without organizational life (org_grassroots' inactivity reminder): a member who still owes
        a month before ``cutoff`` has paid nothing since (payments pay the oldest months first)."""
        return super()._org_inactivity_domains(cutoff) + [
            (
                [("dues_line_ids", "any", [("date_paid", "=", False), ("month", "<", month_start(cutoff))])],
                self.env._("dues unpaid since before %(date)s", date=cutoff),
            )
        ]

    @api.model
    def _org_dues_remind_months(self):
        value = self.env["ir.config_parameter"].sudo().get_param(REMIND_PARAM)
        try:
            return int(value) if value else DEFAULT_REMIND_MONTHS
        except ValueError:
            return DEFAULT_REMIND_MONTHS

    @api.model
    def _org_dues_remind_arrears(self, batch_size=None):
        """Remind the secretary of each member who has not paid for the reminder's number of
        months (3 by default, parameter ``org_party_dues.reminder_months``; the 2008 rules ask the
        branch to act at six): one activity on the member, once while it is open. ``batch_size``:
        at most that many members (the monthly cron's batch, org_base/tools/cron.py); returns
        (members reminded, whether members wait: 1 or 0)."""
        months = self._org_dues_remind_months()
        this_month = month_start(self.env.company._org_office_today())
        kind = self.env.ref("org_party_dues.mail_activity_type_dues_arrears")
        found = self._org_months_without_dues_domain(this_month, months, kind, batch_size and batch_size + 1)
        counts = dict(list(found.items())[:batch_size])
        members = self.sudo().browse(counts)
        today = self.env.company._org_office_today()
        plans = []
        for member in members:
            user = member.organization_id._reminder_user()
            # the summary in the language of the secretary who reads it
            summary = self.with_context(lang=user.lang or self.env.lang).env._(
                "%(member)s has not paid dues for %(months)s months",
                member=member.name,
                months=counts[member.id],
            )
            plans.append((member, {"user_id": user.id, "date_deadline": today, "summary": summary}))
        self.env["mail.activity"].sudo()._org_schedule_batch(kind, plans, automated=True)
        return len(members), len(found) - len(members)

    def _org_dues_close_reminders(self):
        """Mark done the open arrears reminders of the members of ``self`` who now owe fewer
        months than the reminder's number (they paid)."""
        months = self._org_dues_remind_months()
        late = self._org_months_without_dues()
        paid = self.filtered(lambda member: late[member.id] < months)
        if paid:
            paid.sudo().activity_feedback(
                ["org_party_dues.mail_activity_type_dues_arrears"],
                feedback=self.env._("The dues were paid."),
            )

    @api.model
    def _org_months_without_dues_domain(self, this_month, months, kind=None, limit=None):
        """``{member id: months}`` of the members with at least ``months`` months unpaid before
        ``this_month`` (by member id; at most ``limit``; without an open activity of the type
        ``kind`` if given): one read_group over all members."""
        domain = [("date_paid", "=", False), ("month", "<", this_month), ("member_id.active", "=", True)]
        if kind:
            domain.append(("member_id.activity_ids", "not any", [("activity_type_id", "=", kind.id)]))
        return {
            member.id: count
            for member, count in self.env["org.party.dues.line"]
            .sudo()
            ._read_group(
                domain,
                ["member_id"],
                ["__count"],
                having=[("__count", ">=", months)],
                limit=limit,  # by member id (the group by, unordered by name)
            )
        }

    def action_org_dues_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("org_party_dues.org_party_dues_line_action")
        action.update(domain=[("member_id", "=", self.id)], context={"default_member_id": self.id})
        return action
