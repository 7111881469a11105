from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STAGE_CODES = [
    ("applicant", "Applicant"),
    ("activist", "Activist"),
    ("development", "Development Target"),
    ("probationary", "Probationary Member"),
    ("formal", "Formal Member"),
]
# The date that records when a candidate entered each stage.
STAGE_DATE_FIELDS = {
    "applicant": "date_application",
    "activist": "date_activist",
    "development": "date_development",
    "probationary": "date_probationary",
    "formal": "date_formal",
}


def months_between(start, end):
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months + (delta.days / 31.0)


class OrgPartyCandidateStage(models.Model):
    """A stage of the development of new members (发展党员) and the rules to enter it."""

    _name = "org.party.candidate.stage"
    _description = "Party Candidate Stage"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    code = fields.Selection(STAGE_CODES, required=True, tracking=True)
    fold = fields.Boolean(string="Folded in Kanban")
    min_months = fields.Integer(
        string="Minimum Months in the Previous Stage",
        tracking=True,
        help="e.g. 12: an activist is cultivated at least one year before becoming a development "
        "target; a probationary member waits one year before becoming formal. 0 checks nothing.",
    )
    min_age = fields.Integer(
        string="Minimum Age", tracking=True, help="Age the person must have reached on entering the stage."
    )
    min_training_hours = fields.Integer(
        string="Minimum Training Hours",
        tracking=True,
        help="Concentrated training (集中培训) required before entering the stage; 0 checks nothing.",
    )
    political_review_required = fields.Boolean(
        tracking=True, help="政审 must be done before entering the stage."
    )
    remind_days = fields.Integer(
        string="Remind Days Before the Minimum Ends",
        tracking=True,
        help="The secretary is reminded this many days before a candidate may enter the stage "
        "(e.g. the end of probation); 0: no reminder.",
    )
    description = fields.Text()

    _sql_constraints = [("code_uniq", "unique(code)", "Each stage code is used once.")]

    def write(self, vals):
        result = super().write(vals)
        if "min_months" in vals and "formal" in self.mapped("code"):
            # The end of probation of those on probation follows the new rule.
            Candidate = self.env["org.party.candidate"]
            on_probation = Candidate.search([("stage_code", "=", "probationary")])
            self.env.add_to_compute(Candidate._fields["date_probation_end"], on_probation)
        return result


class OrgPartyCandidate(models.Model):
    """A person on the way to party membership: 入党申请人 → 入党积极分子 → 发展对象 → 预备党员
    → 正式党员."""

    _name = "org.party.candidate"
    _description = "Party Membership Candidate"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.resident.id.mixin", "org.party.scope.mixin"]
    _order = "stage_sequence, date_application, id"

    _resident_id_field = "id_number"
    _resident_id_birthday_field = "birthday"
    _resident_id_gender_field = "gender"

    name = fields.Char(string="Candidate Name", required=True, tracking=True)
    id_number = fields.Char(string="ID Number", copy=False, groups="org_base.group_org_user")
    gender = fields.Selection([("male", "Male"), ("female", "Female")])
    birthday = fields.Date(string="Date of Birth")
    mobile_phone = fields.Char()
    work_unit = fields.Char()
    organization_id = fields.Many2one(
        "org.party.organization",
        string="Party Organization",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    stage_id = fields.Many2one(
        "org.party.candidate.stage",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self._default_stage(),
        group_expand="_read_group_stage_ids",
        copy=False,
    )
    stage_code = fields.Selection(related="stage_id.code", store=True, string="Stage Code")
    stage_sequence = fields.Integer(related="stage_id.sequence", store=True)
    active = fields.Boolean(default=True, tracking=True)

    date_application = fields.Date(
        string="Applied On", required=True, default=fields.Date.context_today, tracking=True
    )
    date_talk = fields.Date(
        string="Talked On", tracking=True, help="谈话: within a month of the application."
    )
    date_activist = fields.Date(string="Activist Since", tracking=True, copy=False)
    date_development = fields.Date(string="Development Target Since", tracking=True, copy=False)
    date_probationary = fields.Date(string="Admitted On", tracking=True, copy=False)
    date_formal = fields.Date(string="Formal On", tracking=True, copy=False)
    date_stage = fields.Date(string="In Stage Since", compute="_compute_date_stage")
    probation_extension_months = fields.Integer(
        string="Probation Extended by (Months)",
        tracking=True,
        help="延长预备期: once, by at most one year (12 months).",
    )
    date_probation_end = fields.Date(
        string="Probation Ends On",
        compute="_compute_date_probation_end",
        store=True,
        help="Admission date plus the probation of the formal stage plus any extension.",
    )
    training_hours = fields.Float(tracking=True, help="集中培训学时.")
    political_review_done = fields.Boolean(tracking=True, help="政审.")
    introducers = fields.Char(help="入党介绍人.")
    member_id = fields.Many2one("org.party.member", string="Party Member", readonly=True, copy=False)
    probation_reminded = fields.Boolean(copy=False, readonly=True)
    note = fields.Html()

    @api.model
    def _default_stage(self):
        return self.env["org.party.candidate.stage"].search([], limit=1)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([])

    @api.depends("stage_code", *STAGE_DATE_FIELDS.values())
    def _compute_date_stage(self):
        for candidate in self:
            field = STAGE_DATE_FIELDS.get(candidate.stage_code)
            candidate.date_stage = candidate[field] if field else False

    @api.depends("date_probationary", "probation_extension_months")
    def _compute_date_probation_end(self):
        formal = self.env["org.party.candidate.stage"].search([("code", "=", "formal")], limit=1)
        for candidate in self:
            start = candidate.date_probationary
            candidate.date_probation_end = (
                start + relativedelta(months=formal.min_months + candidate.probation_extension_months)
                if start
                else False
            )

    @api.constrains("probation_extension_months")
    def _check_probation_extension(self):
        for candidate in self:
            if not 0 <= candidate.probation_extension_months <= 12:
                raise ValidationError(
                    self.env._(
                        "%(candidate)s: probation can be extended once by at most 12 months, not %(months)s.",
                        candidate=candidate.name,
                        months=candidate.probation_extension_months,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        candidates = super().create(vals_list)
        for candidate in candidates:
            problem = candidate._stage_entry_problem(candidate.stage_id, None, {})
            if problem:
                candidate._raise_stage_problem(candidate.stage_id, problem)
        # Recorded directly as 预备党员 or 正式党员 (e.g. taken over from paper files).
        candidates._promote()
        return candidates

    def write(self, vals):
        if "probation_extension_months" in vals:
            # A new end of probation: remind again before it.
            vals = dict(vals, probation_reminded=False)
        if "stage_id" not in vals:
            return super().write(vals)
        # Check every candidate before anything is written: a refused move leaves no trace.
        stage = self.env["org.party.candidate.stage"].browse(vals["stage_id"])
        all_stages = self.env["org.party.candidate.stage"].search([])
        order = {each.id: index for index, each in enumerate(all_stages)}
        today = fields.Date.context_today(self)
        entered = STAGE_DATE_FIELDS[stage.code]
        dated = self.browse()
        for candidate in self:
            before = candidate.stage_id
            if stage == before:
                continue
            values = dict(vals)
            if not values.get(entered) and not candidate[entered]:
                values[entered] = today
                dated |= candidate
            if order.get(stage.id, 0) > order.get(before.id, 0) + 1:
                problem = self.env._(
                    "cannot skip from %(from)s to %(to)s", **{"from": before.name, "to": stage.name}
                )
            elif order.get(stage.id, 0) < order.get(before.id, 0):
                problem = candidate.member_id and self.env._("already admitted: the stage cannot go back")
            else:
                problem = candidate._stage_entry_problem(stage, before, values)
            if problem:
                candidate._raise_stage_problem(stage, problem)
        result = super().write(vals)
        if dated:
            super(OrgPartyCandidate, dated).write({entered: today})
        self._promote()
        return result

    def _raise_stage_problem(self, stage, problem):
        raise UserError(
            self.env._(
                "%(candidate)s cannot enter the stage %(stage)s: %(problem)s.",
                candidate=self.name,
                stage=stage.name,
                problem=problem,
            )
        )

    def _stage_entry_problem(self, stage, before, values):
        """Why the candidate may not enter ``stage`` (coming from ``before``), given the
        ``values`` about to be written; None when nothing stands in the way."""
        self.ensure_one()

        def value(name):
            return fields.Date.to_date(values[name]) if name in values else self[name]

        entered = value(STAGE_DATE_FIELDS[stage.code])
        birthday = value("birthday")
        if stage.min_age and birthday and entered:
            age = relativedelta(entered, birthday).years
            if age < stage.min_age:
                return self.env._(
                    "aged %(age)s on %(date)s, younger than %(min)s", age=age, date=entered, min=stage.min_age
                )
        min_months = stage.min_months
        if stage.code == "formal":
            min_months += values.get("probation_extension_months", self.probation_extension_months)
        if before and min_months:
            since = value(STAGE_DATE_FIELDS[before.code])
            if since and entered and months_between(since, entered) < min_months:
                return self.env._(
                    "only %(months).1f months in %(before)s since %(since)s, at least %(min)s required "
                    "(earliest on %(earliest)s)",
                    months=months_between(since, entered),
                    before=before.name,
                    since=since,
                    min=min_months,
                    earliest=since + relativedelta(months=min_months),
                )
        review = values.get("political_review_done", self.political_review_done)
        if stage.political_review_required and not review:
            return self.env._("the political review (政审) is not done")
        hours = values.get("training_hours", self.training_hours)
        if stage.min_training_hours and hours < stage.min_training_hours:
            return self.env._(
                "%(hours)s training hours, at least %(min)s required",
                hours=hours,
                min=stage.min_training_hours,
            )
        return None

    def _promote(self):
        """预备党员: the candidate becomes a probationary member; 正式党员: the member becomes formal."""
        Member = self.env["org.party.member"].sudo()
        for candidate in self:
            if candidate.stage_code == "probationary" and not candidate.member_id:
                candidate.member_id = Member.create(
                    {
                        "name": candidate.name,
                        "id_number": candidate.sudo().id_number,
                        "gender": candidate.gender,
                        "birthday": candidate.birthday,
                        "mobile_phone": candidate.mobile_phone,
                        "work_unit": candidate.work_unit,
                        "organization_id": candidate.organization_id.id,
                        "status": "probationary",
                        "date_join": candidate.date_probationary,
                    }
                )
                candidate.message_post(body=self.env._("Admitted as a probationary party member (预备党员)."))
            if candidate.stage_code == "formal" and candidate.member_id.status != "formal":
                candidate.member_id.sudo().write({"status": "formal", "date_formal": candidate.date_formal})
                candidate.sudo().activity_feedback(["org_grassroots.mail_activity_type_probation_end"])

    def action_next_stage(self):
        stages = self.env["org.party.candidate.stage"].search([])
        for candidate in self:
            following = stages.filtered(lambda stage, c=candidate: stage.sequence > c.stage_id.sequence)[:1]
            if not following:
                raise UserError(
                    self.env._("%(candidate)s is already a formal member.", candidate=candidate.name)
                )
            candidate.stage_id = following
        return True

    def action_open_member(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "org.party.member",
            "res_id": self.member_id.id,
            "view_mode": "form",
        }

    @api.model
    def _cron_probation_reminders(self, batch_size=500):
        """Daily: remind the secretary when a probationary member's probation is about to end
        (转正), as many days ahead as the formal stage says. Idempotent and batched."""
        formal = self.env["org.party.candidate.stage"].search([("code", "=", "formal")], limit=1)
        if not formal.remind_days:
            return self.browse()
        today = fields.Date.context_today(self)
        found = self.search(
            [
                ("stage_code", "=", "probationary"),
                ("date_probation_end", "<=", today + relativedelta(days=formal.remind_days)),
                ("probation_reminded", "=", False),
            ],
            limit=batch_size + 1,
            order="date_probation_end, id",
        )
        candidates = found[:batch_size]
        self.env["mail.activity"]._org_schedule_batch(
            "org_grassroots.mail_activity_type_probation_end",
            [
                (
                    candidate,
                    {
                        "user_id": candidate.organization_id._reminder_user().id,
                        "date_deadline": max(candidate.date_probation_end, today),
                        "summary": self.env._(
                            "Probation of %(candidate)s ends on %(date)s",
                            candidate=candidate.name,
                            date=candidate.date_probation_end,
                        ),
                    },
                )
                for candidate in candidates
            ],
            automated=True,
            skip_existing=False,
        )
        candidates.write({"probation_reminded": True})
        self.env["ir.cron"]._notify_progress(done=len(candidates), remaining=len(found) - len(candidates))
        return candidates
