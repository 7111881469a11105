import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from odoo.addons.org_base.tools.cron import BATCH_SIZE

from .org_party_member import ADULT_AGE, birth_date, extension_messages

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


# 发展党员工作细则 art. 7: the talk within one month of the application.
TALK_MONTHS = 1
# The dates of a candidate, in the order the pipeline records them (each on or after the one
# before it; the application after the birth date).
DATE_ORDER = [
    "date_application",
    "date_activist",
    "date_development",
    "date_probationary",
]
INTRODUCER_SEPARATORS = re.compile(r"[、,，;；/\s]+")


def working_days(start, end):
    """Monday-to-Friday days from ``start`` to ``end``, both included (public holidays are not
    known to the platform: a 公示 spanning one is checked by the secretary)."""
    days = (end - start).days + 1
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    return weeks * 5 + sum(1 for offset in range(rest) if (start.weekday() + offset) % 7 < 5)


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
    min_publicity_days = fields.Integer(
        string="Publicity Working Days",
        tracking=True,
        help="公示 of the candidate, at least this many working days, before entering the stage; 0: none.",
    )
    pre_examination_required = fields.Boolean(
        string="Pre-examination Required",
        tracking=True,
        help="The higher committee's pre-examination (预审) must be passed before entering the stage.",
    )
    introducers_required = fields.Boolean(
        tracking=True,
        help="Two formal members must be the candidate's introducers (入党介绍人) before entering the stage.",
    )
    description = fields.Text()

    _sql_constraints = [("code_uniq", "unique(code)", "Each stage code is used once.")]

    @api.model
    @tools.ormcache()
    def _org_rule_stages(self):
        """The stages' ids and what the rules ask of them, read once per registry (the rules of
        each candidate ask them): ``[(id, code, sequence, min_age, min_publicity_days,
        pre_examination_required, introducers_required)]`` in their order."""
        return [
            (
                stage.id,
                stage.code,
                stage.sequence,
                stage.min_age,
                stage.min_publicity_days,
                stage.pre_examination_required,
                stage.introducers_required,
            )
            for stage in self.sudo().search([])
        ]

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    def write(self, vals):
        self.env.registry.clear_cache()
        result = super().write(vals)
        if "min_months" in vals and "formal" in self.mapped("code"):
            # The end of probation of those on probation follows the new rule.
            Candidate = self.env["org.party.candidate"]
            on_probation = Candidate.search([("stage_code", "=", "probationary")])
            self.env.add_to_compute(Candidate._fields["date_probation_end"], on_probation)
            Member = self.env["org.party.member"]
            members = Member.with_context(active_test=False).search([("status", "=", "probationary")])
            self.env.add_to_compute(Member._fields["date_probation_end"], members)
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
        string="Talked On",
        tracking=True,
        help="谈话: within a month of the application; the secretary is reminded until it is recorded.",
    )
    date_activist = fields.Date(string="Activist Since", tracking=True, copy=False)
    date_development = fields.Date(string="Development Target Since", tracking=True, copy=False)
    date_probationary = fields.Date(string="Admitted On", tracking=True, copy=False)
    date_formal = fields.Date(string="Formal On", tracking=True, copy=False)
    date_stage = fields.Date(string="In Stage Since", compute="_compute_date_stage")
    probation_extension_months = fields.Integer(
        string="Probation Extended by (Months)",
        tracking=True,
        help="延长预备期: once, by 6 to 12 months.",
    )
    date_probation_end = fields.Date(
        string="Probation Ends On",
        compute="_compute_date_probation_end",
        store=True,
        help="Admission date plus the probation of the formal stage plus any extension.",
    )
    training_hours = fields.Float(tracking=True, help="集中培训学时.")
    political_review_done = fields.Boolean(tracking=True, help="政审.")
    introducer_1_id = fields.Many2one(
        "org.party.member",
        string="First Introducer",
        tracking=True,
        ondelete="restrict",
        domain="[('status', '=', 'formal'), ('id', '!=', member_id)]",
        help="入党介绍人: a formal party member.",
    )
    introducer_2_id = fields.Many2one(
        "org.party.member",
        string="Second Introducer",
        tracking=True,
        ondelete="restrict",
        domain="[('status', '=', 'formal'), ('id', '!=', member_id)]",
        help="入党介绍人: a formal party member.",
    )
    introducers_note = fields.Char(
        string="Introducers (unmatched text)",
        help="Introducers recorded as text before they were linked to party members, and not found "
        "among them.",
    )
    date_publicity_start = fields.Date(
        string="Publicity From", tracking=True, help="公示 of the development target."
    )
    date_publicity_end = fields.Date(string="Publicity Until", tracking=True)
    date_pre_examination = fields.Date(
        string="Pre-examined On", tracking=True, help="预审 by the higher (basic-level) party committee."
    )
    pre_examination_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")], string="Pre-examination Result", tracking=True
    )
    member_id = fields.Many2one("org.party.member", string="Party Member", readonly=True, copy=False)
    probation_reminded = fields.Boolean(copy=False, readonly=True)
    note = fields.Html()

    @api.model
    def _default_stage(self):
        # Cached: a batch of new candidates costs no query per record for its default stage.
        stages = self.env["org.party.candidate.stage"]._org_rule_stages()
        return self.env["org.party.candidate.stage"].browse(stages[0][0] if stages else [])

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

    @api.constrains(
        "birthday",
        "stage_id",
        "date_application",
        "date_talk",
        "date_activist",
        "date_development",
        "date_probationary",
        "date_formal",
        "probation_extension_months",
        "introducer_1_id",
        "introducer_2_id",
        "member_id",
        "date_publicity_start",
        "date_publicity_end",
        "date_pre_examination",
        "pre_examination_result",
    )
    def _check_org_rules(self):
        # As superuser: the rules compare values (the ID number among them) that a user who
        # may edit the record does not always read (e.g. a secretary).
        self.sudo()._org_check_rules()

    def _org_rule_messages(self):
        """党章 art. 1, 5, 7; 发展党员工作细则 art. 5, 7, 14, 19, 30-31 (README › Rules)."""
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
        stages = self.env["org.party.candidate.stage"]._org_rule_stages()
        labels = {name: self._fields[name].get_description(self.env)["string"] for name in self._fields}

        # No date in the future (the end of a 公示 under way may be).
        for name in (*DATE_ORDER, "date_talk", "date_formal", "date_publicity_start", "date_pre_examination"):
            if self[name] and self[name] > today:
                messages.append(
                    (
                        (name,),
                        self.env._(
                            "%(field)s %(date)s is in the future (today is %(today)s).",
                            field=labels[name],
                            date=self[name],
                            today=today,
                        ),
                    )
                )
        # 18 or older on the day of the application, whatever the stage the record is at.
        min_age = next((stage[3] for stage in stages if stage[1] == "applicant"), ADULT_AGE)
        birthday, applied = birth_date(self.birthday, self.sudo().id_number), self.date_application
        if birthday and applied:
            if applied <= birthday:
                messages.append(
                    (
                        ("birthday", "date_application"),
                        self.env._(
                            "the application date %(date)s is not after the birth date %(birthday)s.",
                            date=applied,
                            birthday=birthday,
                        ),
                    )
                )
            elif min_age and applied < birthday + relativedelta(years=min_age):
                messages.append(
                    (
                        ("birthday", "date_application"),
                        self.env._(
                            "applied on %(date)s aged %(age)s, younger than %(min)s: one applies at "
                            "%(min)s or older.",
                            date=applied,
                            age=relativedelta(applied, birthday).years,
                            min=min_age,
                        ),
                    )
                )
        # Dates in order.
        previous = None
        for name in DATE_ORDER:
            if not self[name]:
                continue
            if previous and self[name] < self[previous]:
                messages.append(
                    (
                        (previous, name),
                        self.env._(
                            "%(field)s %(date)s is before %(previous)s %(previous_date)s.",
                            field=labels[name],
                            date=self[name],
                            previous=labels[previous],
                            previous_date=self[previous],
                        ),
                    )
                )
            previous = name
        if self.date_talk and applied and self.date_talk < applied:
            messages.append(
                (
                    ("date_application", "date_talk"),
                    self.env._(
                        "the talk on %(date)s is before the application on %(applied)s.",
                        date=self.date_talk,
                        applied=applied,
                    ),
                )
            )
        if self.date_formal and self.date_probation_end and self.date_formal < self.date_probation_end:
            messages.append(
                (
                    ("date_probationary", "date_formal"),
                    self.env._(
                        "became formal on %(date)s, before the probation ends on %(end)s.",
                        date=self.date_formal,
                        end=self.date_probation_end,
                    ),
                )
            )
        # 延长预备期: 6 to 12 months, only of a probationary member.
        extension = self.probation_extension_months or 0
        if range_messages := extension_messages(self):
            messages.extend(range_messages)
        elif extension and not self.date_probationary:
            messages.append(
                (
                    ("probation_extension_months", "date_probationary"),
                    self.env._(
                        "the probation is extended by %(months)s months, but no admission date is recorded.",
                        months=extension,
                    ),
                )
            )
        messages += self._org_introducer_messages()
        messages += self._org_admission_messages(stages)
        return messages

    def _org_introducer_messages(self):
        """入党介绍人 (党章 art. 5, 细则 art. 14): two formal members, not the candidate himself."""
        messages = []
        introducers = [(name, self[name]) for name in ("introducer_1_id", "introducer_2_id") if self[name]]
        own_number = self.sudo().id_number
        for name, introducer in introducers:
            if introducer.status != "formal":
                messages.append(
                    (
                        (name,),
                        self.env._(
                            "the introducer %(member)s is not a formal party member.", member=introducer.name
                        ),
                    )
                )
            if introducer == self.member_id or (own_number and introducer.sudo().id_number == own_number):
                messages.append(
                    (
                        (name,),
                        self.env._(
                            "the introducer %(member)s is the candidate himself.", member=introducer.name
                        ),
                    )
                )
        if len(introducers) == 2 and introducers[0][1] == introducers[1][1]:
            messages.append(
                (
                    ("introducer_1_id", "introducer_2_id"),
                    self.env._(
                        "%(member)s is named twice as introducer: two different members are needed.",
                        member=introducers[0][1].name,
                    ),
                )
            )
        return messages

    def _org_admission_messages(self, stages):
        """What the stages require before one enters them, for a candidate at or past them:
        two introducers, a 公示 of enough working days, a passed 预审 (细则 art. 14, 19)."""
        messages = []
        sequence = self.stage_id.sequence
        # The stages up to the candidate's: what each asks before one enters it is done.
        required = [stage for stage in stages if stage[2] <= sequence]
        start, end = self.date_publicity_start, self.date_publicity_end
        if start and end and end < start:
            messages.append(
                (
                    ("date_publicity_start", "date_publicity_end"),
                    self.env._(
                        "the publicity ends on %(end)s, before it starts on %(start)s.", end=end, start=start
                    ),
                )
            )
        development = self.date_development
        for name in ("date_publicity_start", "date_pre_examination"):
            if self[name] and development and self[name] < development:
                messages.append(
                    (
                        (name, "date_development"),
                        self.env._(
                            "%(field)s %(date)s is before the candidate became a development target "
                            "on %(development)s.",
                            field=self._fields[name].get_description(self.env)["string"],
                            date=self[name],
                            development=development,
                        ),
                    )
                )
        admitted = self.date_probationary
        for name in ("date_publicity_end", "date_pre_examination"):
            if self[name] and admitted and self[name] > admitted:
                messages.append(
                    (
                        (name, "date_probationary"),
                        self.env._(
                            "%(field)s %(date)s is after the admission on %(admitted)s: it comes before the "
                            "branch general meeting.",
                            field=self._fields[name].get_description(self.env)["string"],
                            date=self[name],
                            admitted=admitted,
                        ),
                    )
                )
        if any(stage[6] for stage in required) and not (self.introducer_1_id and self.introducer_2_id):
            messages.append(
                (
                    ("introducer_1_id", "introducer_2_id"),
                    self.env._(
                        "two introducers (formal party members) are needed at the stage %(stage)s.",
                        stage=self.stage_id.name,
                    ),
                )
            )
        min_days = max([stage[4] for stage in required] or [0])
        if min_days:
            if not (start and end):
                messages.append(
                    (
                        ("date_publicity_start", "date_publicity_end"),
                        self.env._(
                            "the publicity (公示) is needed at the stage %(stage)s.", stage=self.stage_id.name
                        ),
                    )
                )
            elif working_days(start, end) < min_days:
                messages.append(
                    (
                        ("date_publicity_start", "date_publicity_end"),
                        self.env._(
                            "the publicity from %(start)s to %(end)s lasts %(days)s working days, at "
                            "least %(min)s "
                            "are required.",
                            start=start,
                            end=end,
                            days=working_days(start, end),
                            min=min_days,
                        ),
                    )
                )
        if any(stage[5] for stage in required) and not (
            self.date_pre_examination and self.pre_examination_result == "passed"
        ):
            messages.append(
                (
                    ("date_pre_examination", "pre_examination_result"),
                    self.env._(
                        "the higher committee's pre-examination (预审) must be passed at the stage "
                        "%(stage)s.",
                        stage=self.stage_id.name,
                    ),
                )
            )
        return messages

    @api.model_create_multi
    def create(self, vals_list):
        candidates = super().create(vals_list)
        for candidate in candidates:
            problem = candidate._stage_entry_problem(candidate.stage_id, None, {})
            if problem:
                candidate._raise_stage_problem(candidate.stage_id, problem)
        # Recorded directly as 预备党员 or 正式党员 (e.g. taken over from paper files).
        candidates._promote()
        candidates._schedule_talk_reminders()
        return candidates

    def _schedule_talk_reminders(self):
        """细则 art. 7: a talk with the applicant within one month of the application. The
        secretary is reminded when an application is entered without a talk; the reminder is
        done when the talk is recorded. One batch for all the candidates."""
        today = self.env.company._org_office_today()
        plans = [
            (
                candidate,
                {
                    "user_id": candidate.organization_id._reminder_user().id,
                    "date_deadline": max(
                        candidate.date_application + relativedelta(months=TALK_MONTHS), today
                    ),
                    "summary": self.env._(
                        "Talk with the applicant %(candidate)s by %(date)s",
                        candidate=candidate.name,
                        date=candidate.date_application + relativedelta(months=TALK_MONTHS),
                    ),
                },
            )
            for candidate in self
            if candidate.stage_code == "applicant" and not candidate.date_talk and candidate.date_application
        ]
        if plans:
            self.env["mail.activity"].sudo()._org_schedule_batch(
                "org_grassroots.mail_activity_type_candidate_talk", plans, automated=True
            )

    def write(self, vals):
        if vals.get("probation_extension_months"):
            for candidate in self:
                extension = candidate.probation_extension_months
                if extension and extension != vals["probation_extension_months"]:
                    raise UserError(
                        self.env._(
                            "%(candidate)s: the probation was already extended once, by %(months)s months; "
                            "it is extended only once.",
                            candidate=candidate.name,
                            months=extension,
                        )
                    )
        if "probation_extension_months" in vals:
            # A new end of probation: remind again before it.
            vals = dict(vals, probation_reminded=False)
        if "stage_id" not in vals:
            result = super().write(vals)
            self._after_write(vals)
            return result
        # Check every candidate before anything is written: a refused move leaves no trace.
        stage = self.env["org.party.candidate.stage"].browse(vals["stage_id"])
        all_stages = self.env["org.party.candidate.stage"].search([])
        order = {each.id: index for index, each in enumerate(all_stages)}
        today = self.env.company._org_office_today()
        entered = STAGE_DATE_FIELDS[stage.code]
        dated = {}
        for candidate in self:
            before = candidate.stage_id
            if stage == before:
                continue
            values = dict(vals)
            if not values.get(entered) and not candidate[entered]:
                # 转正 is dated the day the probation ends, not the day it is recorded.
                values[entered] = candidate._date_entering(stage, today)
                dated.setdefault(values[entered], self.browse())
                dated[values[entered]] |= candidate
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
        for date, candidates in dated.items():
            super(OrgPartyCandidate, candidates).write({entered: date})
        self._promote()
        self._after_write(vals)
        return result

    def _date_entering(self, stage, today):
        """The date a candidate enters ``stage`` when none is given: today, but the end of the
        probation for the formal stage (党章 art. 7: 党龄 counts from it)."""
        if stage.code == "formal" and self.date_probation_end:
            return self.date_probation_end
        return today

    def _after_write(self, vals):
        if vals.get("date_talk"):
            self.activity_feedback(["org_grassroots.mail_activity_type_candidate_talk"])
        if "probation_extension_months" in vals:
            members = self.member_id.filtered(lambda member: member.status == "probationary")
            for candidate in self.filtered(lambda each: each.member_id in members):
                candidate.member_id.sudo().probation_extension_months = candidate.probation_extension_months

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
        today = self.env.company._org_office_today()
        if stage.code == "formal" and entered and entered > today:
            return self.env._(
                "the probation of %(months)s months from the admission ends on %(end)s; the 转正 cannot "
                "be recorded before",
                end=entered,
                months=stage.min_months
                + values.get("probation_extension_months", self.probation_extension_months),
            )
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
                        "probation_extension_months": candidate.probation_extension_months,
                        "join_organization_id": candidate.organization_id.id,
                        "introducer_1_id": candidate.introducer_1_id.id,
                        "introducer_2_id": candidate.introducer_2_id.id,
                    }
                )
                candidate.message_post(body=self.env._("Admitted as a probationary party member (预备党员)."))
            if candidate.stage_code == "formal" and candidate.member_id.status != "formal":
                candidate.member_id.sudo().write(
                    {
                        "status": "formal",
                        "date_formal": candidate.date_formal,
                        "probation_extension_months": candidate.probation_extension_months,
                        "date_formal_recorded": self.env.company._org_office_today(),
                    }
                )
                candidate.sudo().activity_feedback(["org_grassroots.mail_activity_type_probation_end"])

    @api.model
    def _org_migrate_introducers(self):
        """Link the introducers typed as text (the former ``introducers`` field, now
        ``introducers_note``) to party members: a name matches when exactly one formal member
        bears it, preferring one of the candidate's own organization. The names not matched (or
        beyond two) stay in the note; a matched name leaves it. Returns the candidates changed."""
        candidates = self.with_context(active_test=False).search(
            [
                ("introducers_note", "!=", False),
                ("introducer_1_id", "=", False),
                ("introducer_2_id", "=", False),
            ]
        )
        names_of = {
            candidate: [name for name in INTRODUCER_SEPARATORS.split(candidate.introducers_note) if name]
            for candidate in candidates
        }
        all_names = {name for names in names_of.values() for name in names}
        members = (
            self.env["org.party.member"]
            .with_context(active_test=False)
            .search([("name", "in", list(all_names)), ("status", "=", "formal")])
        )
        by_name = {}
        for member in members:
            by_name.setdefault(member.name, self.env["org.party.member"])
            by_name[member.name] |= member
        changed = self.browse()
        for candidate, names in names_of.items():
            matched, unmatched = [], []
            for name in names:
                found = by_name.get(name, self.env["org.party.member"])
                if len(found) > 1:
                    found = found.filtered(
                        lambda member, c=candidate: member.organization_id == c.organization_id
                    )
                found = found.filtered(lambda member, c=candidate: member != c.member_id)
                if len(found) == 1 and len(matched) < 2 and found not in matched:
                    matched.append(found)
                else:
                    unmatched.append(name)
            if not matched:
                continue
            # A migration records the past: the stage's rules are not asked again (SQL, as the
            # text was stored), the links are checked when the candidate is next edited.
            self.env.cr.execute(
                "UPDATE org_party_candidate SET introducers_note = %s, introducer_1_id = %s, "
                "introducer_2_id = %s WHERE id = %s",
                [
                    "、".join(unmatched) or None,
                    matched[0].id,
                    matched[1].id if len(matched) > 1 else None,
                    candidate.id,
                ],
            )
            changed |= candidate
        changed.invalidate_recordset(["introducers_note", "introducer_1_id", "introducer_2_id"])
        return changed

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
    def _cron_probation_reminders(self, batch_size=BATCH_SIZE):
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
