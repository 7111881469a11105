from datetime import datetime, time, timedelta

import pytz
from psycopg2 import errors

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from odoo.addons.org_base.tools.cron import BATCH_SIZE

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("first_review", "First Review"),
    ("second_review", "Second Review"),
    ("notice", "Public Notice"),
    ("approved", "Approved"),
    ("paid", "Paid"),
    ("rejected", "Rejected"),
]
# States that count against double claims and caps: everything filed and not refused.
CLAIMED_STATES = ("submitted", "first_review", "second_review", "notice", "approved", "paid")
# States of a claim granted: what an approval is checked against.
GRANTED_STATES = ("approved", "paid")
REVIEW_STATES = ("submitted", "first_review", "second_review")
# Separation of duties: who did each step of a claim, in order.
DUTY_FIELDS = {
    "submit": "submit_user_id",
    "first_review": "first_review_user_id",
    "second_review": "second_review_user_id",
    "approve": "approve_user_id",
    "pay": "pay_user_id",
}
DOUBLE_CLAIM_INDEX = "org_talent_application_no_double_claim"


class OrgTalentApplication(models.Model):
    """A claim (政策兑现) of one policy item by one talent for one period."""

    _name = "org.talent.application"
    _description = "Talent Policy Claim"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.checklist.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    talent_id = fields.Many2one(
        "org.talent", required=True, index=True, ondelete="restrict", tracking=True, check_company=True
    )
    tier_id = fields.Many2one(
        "org.talent.tier",
        compute="_compute_tier_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        help="The talent's tier when the claim was filed.",
    )
    policy_item_id = fields.Many2one(
        "org.talent.policy.item",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    policy_id = fields.Many2one(related="policy_item_id.policy_id", store=True, index=True)
    kind = fields.Selection(related="policy_item_id.kind", store=True, string="Benefit Type")
    period_year = fields.Integer(
        string="Year",
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
        help="The year the claim is for; an item claimable once counts once whatever the year.",
    )
    period_label = fields.Char(string="Claim Period", compute="_compute_period_label")
    period_key = fields.Char(
        string="Period", compute="_compute_period_key", store=True, index=True, precompute=True
    )
    date_claim = fields.Date(
        string="Filed On", required=True, default=fields.Date.context_today, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(string="Amount Claimed", tracking=True)
    amount_approved = fields.Monetary(
        compute="_compute_amounts", store=True, help="The amount of an approved or paid claim."
    )
    amount_paid = fields.Monetary(compute="_compute_amounts", store=True)
    state = fields.Selection(
        STATES,
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
        group_expand="_group_expand_states",
    )
    date_state = fields.Datetime(
        string="In This State Since", default=fields.Datetime.now, copy=False, readonly=True
    )
    date_notice_start = fields.Date(string="Notice From", copy=False, tracking=True)
    date_notice_end = fields.Date(
        string="Notice Until",
        compute="_compute_date_notice_end",
        store=True,
        copy=False,
        tracking=True,
        help="The last day of the public notice (公示): its number of working days (company "
        "settings) counted on the company's working calendar from its first day, weekends and "
        "public holidays excluded. The claim can be approved the day after.",
    )
    date_approved = fields.Date(string="Approved On", copy=False, readonly=True, tracking=True)
    date_paid = fields.Date(string="Paid On", copy=False, readonly=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Officer",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
        tracking=True,
    )
    reject_reason = fields.Text(copy=False, tracking=True)
    # Who did each step (separation of duties, see the company's settings).
    submit_user_id = fields.Many2one(
        "res.users",
        string="Received By",
        copy=False,
        readonly=True,
        tracking=True,
        help="Who received the talent's file and submitted the claim.",
    )
    first_review_user_id = fields.Many2one(
        "res.users", string="First Review By", copy=False, readonly=True, tracking=True
    )
    second_review_user_id = fields.Many2one(
        "res.users", string="Second Review By", copy=False, readonly=True, tracking=True
    )
    approve_user_id = fields.Many2one(
        "res.users", string="Approved By", copy=False, readonly=True, tracking=True
    )
    pay_user_id = fields.Many2one("res.users", string="Paid By", copy=False, readonly=True, tracking=True)
    note = fields.Html()
    eligible = fields.Boolean(compute="_compute_eligibility")
    eligibility_note = fields.Text(string="Eligibility", compute="_compute_eligibility")

    @api.depends("date_notice_start", "company_id")
    def _compute_date_notice_end(self):
        for application in self:
            start = application.date_notice_start
            application.date_notice_end = start and application._notice_end(start)

    @api.depends("talent_id")
    def _compute_tier_id(self):
        for application in self:
            application.tier_id = application.talent_id.tier_id

    @api.depends("policy_item_id.period", "period_year")
    def _compute_period_key(self):
        for application in self:
            if application.policy_item_id.period == "once":
                application.period_key = "once"
            else:
                application.period_key = str(application.period_year)

    @api.depends("period_key", "period_year")
    def _compute_period_label(self):
        for application in self:
            application.period_label = application._period_label() if application.period_key else False

    @api.depends("state", "amount")
    def _compute_amounts(self):
        for application in self:
            approved = application.state in ("approved", "paid")
            application.amount_approved = application.amount if approved else 0.0
            application.amount_paid = application.amount if application.state == "paid" else 0.0

    @api.depends("talent_id", "tier_id", "policy_item_id", "period_key", "amount", "date_claim")
    def _compute_eligibility(self):
        for application in self:
            if not (application.talent_id and application.policy_item_id):
                application.eligible = False
                application.eligibility_note = False
                continue
            problems = application._claim_problems()
            application.eligible = not problems
            application.eligibility_note = "\n".join(problems) or self.env._(
                "Eligible: the tier, validity, period and caps allow this claim."
            )

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in STATES]

    def init(self):
        # The last guard against a double claim: two approvals of the same item for the
        # same talent and period cannot both be stored, whatever runs in parallel.
        self.env.cr.execute(
            """CREATE UNIQUE INDEX IF NOT EXISTS org_talent_application_no_double_claim
               ON org_talent_application (talent_id, policy_item_id, period_key)
               WHERE state IN ('approved', 'paid')"""
        )

    @api.onchange("policy_item_id")
    def _onchange_policy_item_id(self):
        if self.policy_item_id and not self.amount:
            self.amount = self.policy_item_id.amount_max

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("org.talent.application") or "/"
        applications = super().create(vals_list)
        applications._apply_required_documents()
        return applications

    def write(self, vals):
        if "state" in vals:
            vals = dict(vals, date_state=fields.Datetime.now())
        if "policy_item_id" in vals or "talent_id" in vals or "amount" in vals:
            locked = self.filtered(lambda app: app.state not in ("draft", "rejected"))
            if locked:
                raise UserError(
                    self.env._(
                        "Claim %(claim)s is %(state)s: its talent, item and amount can no longer change.",
                        claim=locked[0].name,
                        state=locked[0]._state_label(),
                    )
                )
        result = super().write(vals)
        if "policy_item_id" in vals:
            self._apply_required_documents()
        return result

    def unlink(self):
        filed = self.filtered(lambda app: app.state not in ("draft", "rejected"))
        if filed:
            raise UserError(
                self.env._(
                    "Claim %(claim)s is %(state)s: only draft or rejected claims can be deleted.",
                    claim=filed[0].name,
                    state=filed[0]._state_label(),
                )
            )
        return super().unlink()

    def _apply_required_documents(self):
        for application in self:
            template = application.policy_item_id._required_documents()
            if template and application.checklist_template_id != template:
                application.checklist_template_id = template

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _period_label(self):
        self.ensure_one()
        if self.period_key == "once":
            return self.env._("once")
        return self.env._("year %(year)s", year=self.period_year)

    def _notice_end(self, start):
        """The last day of a public notice starting on ``start``: the company's number of
        working days, the first day included when it is one, on its working calendar with
        its public holidays (the calendar's leaves without a resource)."""
        self.ensure_one()
        company = self.company_id or self.env.company
        days = max(company.org_talent_notice_days, 1)
        calendar = company.resource_calendar_id
        if not calendar:
            # No working calendar: Monday to Friday.
            day = start
            while True:
                if day.weekday() < 5:
                    days -= 1
                    if not days:
                        return day
                day += timedelta(days=1)
        tz = pytz.timezone(calendar.tz or company._org_office_tz().zone)
        end = calendar.plan_days(days, tz.localize(datetime.combine(start, time.min)), compute_leaves=True)
        return end.astimezone(tz).date() if end else False

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        # The claim is approved once the public notice is over, never during it.
        if (
            self.state in GRANTED_STATES
            and self.date_notice_end
            and self.date_approved
            and self.date_approved <= self.date_notice_end
        ):
            messages.append(
                (
                    ("state", "date_approved", "date_notice_start"),
                    self.env._(
                        "the public notice runs until %(end)s (%(days)s working days): the claim "
                        "can be approved after it, not on %(date)s.",
                        end=self.date_notice_end,
                        days=(self.company_id or self.env.company).org_talent_notice_days,
                        date=self.date_approved,
                    ),
                )
            )
        return messages

    @api.constrains("state", "date_approved", "date_notice_start")
    def _check_org_rules(self):
        self._org_check_rules()

    # Eligibility, double claims and caps

    def _claim_problems(self, counted_states=None):
        """Why this claim cannot be granted, as translated sentences naming the talent, the
        item, the period, the cap and the amounts (empty when it can). Other claims of the
        talent count when they are in ``counted_states``: every filed claim when a draft is
        submitted, the granted ones when a claim is approved."""
        self.ensure_one()
        if counted_states is None:
            counted_states = CLAIMED_STATES if self.state in ("draft", "rejected") else GRANTED_STATES
        talent, item = self.talent_id, self.policy_item_id
        policy = item.policy_id
        currency = self.currency_id or self.env.company.currency_id
        problems = []
        money = lambda amount: tools.format_amount(self.env, amount, currency)  # noqa: E731
        if item.tier_ids and self.tier_id not in item.tier_ids:
            problems.append(
                self.env._(
                    "%(talent)s is of tier %(tier)s; item %(item)s is for %(tiers)s only.",
                    talent=talent.name,
                    tier=self.tier_id.name or self.env._("no tier"),
                    item=item.name,
                    tiers="、".join(item.tier_ids.mapped("name")),
                )
            )
        start, end = item._validity()
        if (
            (self.date_claim and self.date_claim < start)
            or (end and self.date_claim > end)
            or not (item.active and policy.active)
        ):
            problems.append(
                self.env._(
                    "Item %(item)s is not in force on %(date)s (valid %(start)s to %(end)s).",
                    item=item.name,
                    date=self.date_claim,
                    start=start,
                    end=end or self.env._("repeal"),
                )
            )
        if item.amount_max and self.amount > item.amount_max:
            problems.append(
                self.env._(
                    "%(talent)s claims %(amount)s of item %(item)s; one claim may ask for %(cap)s at most.",
                    talent=talent.name,
                    amount=money(self.amount),
                    item=item.name,
                    cap=money(item.amount_max),
                )
            )
        if self.amount < 0:
            problems.append(self.env._("The amount claimed cannot be negative."))
        others = self.sudo().search(
            [
                ("talent_id", "=", talent.id),
                ("policy_id", "=", policy.id),
                ("state", "in", counted_states),
                ("id", "!=", self._origin.id or 0),
            ]
        )
        same = others.filtered(
            lambda other: other.policy_item_id == item and other.period_key == self.period_key
        )
        if same:
            problems.append(
                self.env._(
                    "Double claim: %(talent)s already claimed item %(item)s for %(period)s "
                    "(claim %(other)s, %(state)s).",
                    talent=talent.name,
                    item=item.name,
                    period=self._period_label(),
                    other=same[0].name,
                    state=same[0]._state_label(),
                )
            )
        item_total = sum(others.filtered(lambda other: other.policy_item_id == item).mapped("amount"))
        if item.talent_cap_amount and item_total + self.amount > item.talent_cap_amount:
            problems.append(
                self.env._(
                    "Over the cap: %(talent)s has already claimed %(total)s of item %(item)s; "
                    "with %(amount)s for %(period)s this exceeds the cap of %(cap)s per talent.",
                    talent=talent.name,
                    total=money(item_total),
                    item=item.name,
                    amount=money(self.amount),
                    period=self._period_label(),
                    cap=money(item.talent_cap_amount),
                )
            )
        policy_total = sum(others.mapped("amount"))
        if policy.talent_cap_amount and policy_total + self.amount > policy.talent_cap_amount:
            problems.append(
                self.env._(
                    "Over the cap: %(talent)s has already claimed %(total)s under policy %(policy)s; "
                    "with %(amount)s of item %(item)s this exceeds the cap of %(cap)s per talent.",
                    talent=talent.name,
                    total=money(policy_total),
                    policy=policy.name,
                    amount=money(self.amount),
                    item=item.name,
                    cap=money(policy.talent_cap_amount),
                )
            )
        return problems

    def _check_claim(self, step, counted_states):
        """Refuse the step when the claim is not grantable. The talent's row is locked first,
        so two claims of one talent are checked one after the other, never side by side.

        The lock is a no-op update, not a ``SELECT ... FOR UPDATE``: Odoo's transactions are
        REPEATABLE READ, where a transaction that waited for a mere lock goes on with the
        snapshot it took before the other one committed, and would not see the claim the other
        one just filed (write skew). Waiting for an updated row instead fails with a
        serialization error, and Odoo runs the request again on fresh data, where the check
        sees the other claim and refuses with its reason."""
        self._lock_talents()
        for application in self:
            problems = application._claim_problems(counted_states)
            if problems:
                raise UserError(
                    self.env._(
                        "Claim %(claim)s cannot be %(step)s:\n%(problems)s",
                        claim=application.name,
                        step=step,
                        problems="\n".join(f"- {problem}" for problem in problems),
                    )
                )

    def _lock_talents(self):
        talents = self.talent_id
        if talents:
            self.env.cr.execute(
                "UPDATE org_talent SET write_date = write_date WHERE id IN %s",
                [tuple(sorted(talents.ids))],
            )

    def _check_state(self, *states):
        for application in self:
            if application.state not in states:
                allowed = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "Claim %(claim)s is %(state)s; this step needs it to be %(expected)s.",
                        claim=application.name,
                        state=application._state_label(),
                        expected=self.env._(" or ").join(allowed[state] for state in states),
                    )
                )

    # Separation of duties

    @api.model
    def _duty_labels(self):
        return {
            "submit": self.env._("receipt and submission"),
            "start_review": self.env._("acceptance for review"),
            "first_review": self.env._("first review"),
            "second_review": self.env._("second review"),
            "approve": self.env._("approval"),
            "pay": self.env._("payment"),
        }

    def _duties_to_differ(self, step):
        """The earlier steps whose person may not do ``step``, by the company's settings."""
        self.ensure_one()
        company = self.company_id
        reviews = ("first_review", "second_review")
        earlier = []
        if step in reviews and company.org_talent_sod_review:
            earlier.append("submit")
        if step == "second_review" and company.org_talent_sod_second_review:
            earlier.append("first_review")
        if step == "approve" and company.org_talent_sod_approve:
            earlier += ["submit", *reviews]
        if step == "pay" and company.org_talent_sod_pay:
            earlier += ["submit", *reviews, "approve"]
        return earlier

    def _check_duties(self, step):
        """Refuse ``step`` to whoever already did a step of the claim that the settings keep
        apart from it. Code running as superuser (crons, data) is not a person and passes."""
        if self.env.su:
            return
        user = self.env.user
        labels = self._duty_labels()
        for application in self:
            for earlier in application._duties_to_differ(step):
                if application[DUTY_FIELDS[earlier]] == user:
                    raise UserError(
                        self.env._(
                            "Claim %(claim)s: %(user)s already did its %(done)s; its %(step)s must "
                            "be done by someone else (separation of duties).",
                            claim=application.name,
                            user=user.name,
                            done=labels[earlier],
                            step=labels[step],
                        )
                    )

    def _write_step(self, step, vals):
        """Write the step and who did it. The database's guard against two granted claims of
        one period is turned into a clear refusal (another officer granted the same claim, or
        another claim of the same period, at the same moment); nothing is stored then."""
        vals = dict(vals, **({DUTY_FIELDS[step]: self.env.user.id} if step in DUTY_FIELDS else {}))
        try:
            with self.env.cr.savepoint():
                self.write(vals)
                self.flush_recordset()
        except errors.UniqueViolation as error:
            if error.diag.constraint_name != DOUBLE_CLAIM_INDEX:
                raise
            raise UserError(
                self.env._(
                    "Claim %(claim)s: its %(step)s was refused: %(talent)s was granted item %(item)s for "
                    "%(period)s at the same moment (by another officer). Reload the claim to see it.",
                    claim=self[:1].name,
                    step=self._duty_labels().get(step, step),
                    talent=self[:1].talent_id.name,
                    item=self[:1].policy_item_id.name,
                    period=self[:1]._period_label(),
                )
            ) from None

    # Workflow

    def action_submit(self):
        self._check_state("draft")
        self._check_duties("submit")
        self._check_claim(self.env._("submitted"), CLAIMED_STATES)
        self._write_step("submit", {"state": "submitted"})
        return True

    def _checklist_closing_message(self, blockers):
        """受理 closes the claim's file: the refusal lists the documents still missing."""
        return self.env._(
            "Claim %(claim)s lacks required documents: %(items)s.",
            claim=self.name,
            items="、".join(self._checklist_open_required_lines().mapped("name")),
        )

    def action_start_review(self):
        """受理: the officer accepts the file; required documents must be complete."""
        self._check_state("submitted")
        self._check_duties("first_review")
        self._checklist_check_closable()
        self._write_step("start_review", {"state": "first_review"})
        return True

    def action_pass_first_review(self):
        self._check_state("first_review")
        self._check_duties("first_review")
        self._write_step("first_review", {"state": "second_review"})
        return True

    def action_pass_second_review(self):
        self._check_state("second_review")
        self._check_duties("second_review")
        today = self.env.company._org_office_today()
        self._write_step("second_review", {"state": "notice", "date_notice_start": today})
        return True

    def action_approve(self):
        self._check_state("notice")
        self._check_duties("approve")
        self._check_claim(self.env._("approved"), GRANTED_STATES)
        self._write_step(
            "approve", {"state": "approved", "date_approved": self.env.company._org_office_today()}
        )
        self.activity_unlink(["org_talent.mail_activity_type_application_stuck"])
        return True

    def action_pay(self):
        self._check_state("approved")
        self._check_duties("pay")
        self._write_step("pay", {"state": "paid", "date_paid": fields.Date.context_today(self)})
        return True

    def action_reject(self):
        self._check_state(*REVIEW_STATES, "notice")
        for application in self:
            if not application.reject_reason:
                raise UserError(
                    self.env._(
                        "Claim %(claim)s: write the reason for the rejection first.", claim=application.name
                    )
                )
        self.write({"state": "rejected"})
        self.activity_unlink(["org_talent.mail_activity_type_application_stuck"])
        return True

    def action_reset_draft(self):
        """Back to draft after a rejection: a new round, whose steps are recorded anew."""
        self._check_state("rejected")
        self.write({"state": "draft", "reject_reason": False, **dict.fromkeys(DUTY_FIELDS.values(), False)})
        return True

    # Crons

    @api.model
    def _cron_stuck_reminders(self, batch_size=BATCH_SIZE):
        """Daily: a claim waiting in one review step longer than its policy's time limit gets
        one reminder for its officer. Idempotent (a reminded claim is not reminded again while
        it stays in that step) and batched: a run reminds one batch and tells the cron how many
        claims wait (``_notify_progress``)."""
        activity_type = self.env.ref("org_talent.mail_activity_type_application_stuck")
        now = fields.Datetime.now()
        limits = (
            self.env["org.talent.policy"].with_context(active_test=False)._read_group([], ["review_days"], [])
        )
        domain_parts = [
            [("policy_id.review_days", "=", days), ("date_state", "<", now - timedelta(days=days))]
            for (days,) in limits
        ]
        if not domain_parts:
            return self.browse()
        found = self.search(
            [
                ("state", "in", REVIEW_STATES),
                ("user_id", "!=", False),
                "!",
                ("activity_ids.activity_type_id", "=", activity_type.id),
                *["|"] * (len(domain_parts) - 1),
                *[term for part in domain_parts for term in ["&", *part]],
            ],
            limit=batch_size + 1,
            order="date_state, id",
        )
        stuck = found[:batch_size]
        if not stuck:
            return stuck
        today = fields.Date.context_today(self)
        # The search left out the claims that have the reminder.
        self.env["mail.activity"]._org_schedule_batch(
            activity_type,
            [
                (
                    application,
                    {
                        "user_id": application.user_id.id,
                        "date_deadline": today,
                        "summary": self.env._(
                            "%(state)s since %(date)s, over the %(days)s days allowed",
                            state=application._state_label(),
                            date=application.date_state.date(),
                            days=application.policy_id.review_days,
                        ),
                    },
                )
                for application in stuck
            ],
            automated=True,
            skip_existing=False,
        )
        self.env["ir.cron"]._notify_progress(done=len(stuck), remaining=len(found) - len(stuck))
        return stuck
