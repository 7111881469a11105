from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.org_base.tools.cron import BATCH_SIZE

DEFAULT_REMINDER_DAYS = 30


class OrgTalentCard(models.Model):
    """A 人才一卡通 card: a numbered card that opens the talent's benefits until it expires."""

    _name = "org.talent.card"
    _description = "Talent Card"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_issue desc, id desc"
    _rec_name = "number"
    _check_company_auto = True

    number = fields.Char(required=True, readonly=True, copy=False, default="/", index=True)
    talent_id = fields.Many2one(
        "org.talent", required=True, index=True, ondelete="restrict", tracking=True, check_company=True
    )
    tier_id = fields.Many2one(
        "org.talent.tier",
        compute="_compute_tier_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    employer_id = fields.Many2one(related="talent_id.employer_id")
    date_issue = fields.Date(string="Issued On", copy=False, tracking=True)
    date_expiry = fields.Date(string="Expires On", copy=False, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Valid"), ("expired", "Expired"), ("revoked", "Revoked")],
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
    )
    benefit_ids = fields.Many2many(
        "org.talent.card.benefit",
        string="Benefits",
        compute="_compute_benefit_ids",
        store=True,
        readonly=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Officer",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
        tracking=True,
        help="Receives the expiry reminder.",
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    note = fields.Text()

    _sql_constraints = [
        ("number_uniq", "unique(number)", "Another talent card has this number."),
    ]

    @api.depends("talent_id")
    def _compute_tier_id(self):
        for card in self:
            card.tier_id = card.talent_id.tier_id

    @api.depends("tier_id")
    def _compute_benefit_ids(self):
        for card in self:
            card.benefit_ids = card.tier_id.benefit_ids

    def init(self):
        # One card in force per talent, even when two officers issue at the same moment.
        self.env.cr.execute(
            """CREATE UNIQUE INDEX IF NOT EXISTS org_talent_card_one_active
               ON org_talent_card (talent_id) WHERE state = 'active'"""
        )

    @api.constrains("date_issue", "date_expiry")
    def _check_dates(self):
        for card in self:
            if card.date_issue and card.date_expiry and card.date_expiry <= card.date_issue:
                raise ValidationError(
                    self.env._(
                        "Talent card %(number)s of %(talent)s: it must expire after it is issued.",
                        number=card.number,
                        talent=card.talent_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("number", "/") == "/":
                vals["number"] = self.env["ir.sequence"].next_by_code("org.talent.card") or "/"
        return super().create(vals_list)

    def action_issue(self):
        """Put the card in force: issued today unless dated, valid for its tier's years."""
        today = fields.Date.context_today(self)
        for card in self:
            if card.state != "draft":
                raise UserError(
                    self.env._(
                        "Talent card %(number)s is not a draft; it cannot be issued again.",
                        number=card.number,
                    )
                )
            other = self.search(
                [("talent_id", "=", card.talent_id.id), ("state", "=", "active"), ("id", "!=", card.id)],
                limit=1,
            )
            if other:
                raise UserError(
                    self.env._(
                        "%(talent)s already has the valid card %(number)s (until %(date)s): revoke it first.",
                        talent=card.talent_id.name,
                        number=other.number,
                        date=other.date_expiry,
                    )
                )
            date_issue = card.date_issue or today
            years = card.tier_id.card_validity_years or 3
            card.write(
                {
                    "state": "active",
                    "date_issue": date_issue,
                    "date_expiry": card.date_expiry or date_issue + relativedelta(years=years),
                }
            )
        return True

    def action_revoke(self):
        for card in self:
            if card.state != "active":
                raise UserError(
                    self.env._(
                        "Talent card %(number)s is not valid; only a valid card can be revoked.",
                        number=card.number,
                    )
                )
        self.write({"state": "revoked"})
        self.activity_unlink(["org_talent.mail_activity_type_card_expiry"])
        return True

    def action_renew(self):
        """A new draft card for the same talent (after expiry or revocation)."""
        self.ensure_one()
        card = self.copy({"talent_id": self.talent_id.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": card.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.model
    def _reminder_days(self):
        value = self.env["ir.config_parameter"].sudo().get_param("org_talent.card_reminder_days")
        try:
            return int(value) if value else DEFAULT_REMINDER_DAYS
        except ValueError:
            return DEFAULT_REMINDER_DAYS

    @api.model
    def _cron_card_expiry(self, batch_size=BATCH_SIZE):
        """Daily: cards past their expiry date become expired; cards expiring within the
        reminder days (30 by default) get one reminder activity for their officer.
        Idempotent and batched: a run handles one batch of each and tells the cron how many
        cards wait (``_notify_progress``)."""
        today = fields.Date.context_today(self)
        found_expired = self.search(
            [("state", "=", "active"), ("date_expiry", "<", today)],
            limit=batch_size + 1,
            order="date_expiry, id",
        )
        expired = found_expired[:batch_size]
        if expired:
            expired.write({"state": "expired"})
            expired.activity_unlink(["org_talent.mail_activity_type_card_expiry"])
        activity_type = self.env.ref("org_talent.mail_activity_type_card_expiry")
        found_expiring = self.search(
            [
                ("state", "=", "active"),
                # Not a card past its expiry that waits for a later batch: it expires then.
                ("date_expiry", ">=", today),
                ("date_expiry", "<=", today + timedelta(days=self._reminder_days())),
                ("user_id", "!=", False),
                "!",
                ("activity_ids.activity_type_id", "=", activity_type.id),
            ],
            limit=batch_size + 1,
            order="date_expiry, id",
        )
        expiring = found_expiring[:batch_size]
        # The search left out the cards that have the reminder.
        self.env["mail.activity"]._org_schedule_batch(
            activity_type,
            [
                (
                    card,
                    {
                        "user_id": card.user_id.id,
                        "date_deadline": card.date_expiry,
                        "summary": self.env._(
                            "Card %(number)s of %(talent)s expires on %(date)s",
                            number=card.number,
                            talent=card.talent_id.name,
                            date=card.date_expiry,
                        ),
                    },
                )
                for card in expiring
            ],
            automated=True,
            skip_existing=False,
        )
        self.env["ir.cron"]._notify_progress(
            done=len(expired) + len(expiring),
            remaining=len(found_expired) - len(expired) + len(found_expiring) - len(expiring),
        )
        return expired, expiring
