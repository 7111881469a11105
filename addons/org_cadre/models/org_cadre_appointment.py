from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.org_base.tools.cron import BATCH_SIZE

# The procedure of 党政领导干部选拔任用工作条例, in order; none can be skipped.
STATES = [
    ("analysis", "Analysis and Proposal"),
    ("recommendation", "Democratic Recommendation"),
    ("inspection", "Inspection"),
    ("decision", "Discussion and Decision"),
    ("publicity", "Pre-appointment Publicity"),
    ("appointed", "Appointment"),
    ("probation_review", "Probation Review"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
ORDER = [key for key, _label in STATES if key != "cancelled"]
# Stages at which the candidates are 考察对象 (任用条例 art. 24 says who may not be).
CANDIDATE_CHECK_STATES = ("inspection", "decision")
# Stages after 讨论决定: reached only with a quorate vote that passed.
AFTER_DECISION = ORDER[ORDER.index("decision") + 1 :]
DECISION_FIELDS = (
    "decision_members_due",
    "decision_members_present",
    "decision_votes_for",
    "decision_votes_against",
    "decision_votes_abstain",
)


class OrgCadreAppointment(models.Model):
    """选拔任用纪实: one selection and appointment, stage by stage, with its checklists."""

    _name = "org.cadre.appointment"
    _description = "Cadre Selection and Appointment"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.checklist.mixin"]
    _order = "id desc"

    name = fields.Char(string="Post to Fill", required=True, tracking=True)
    reference = fields.Char(readonly=True, copy=False, default="/")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    department_id = fields.Many2one("hr.department", string="Unit", tracking=True, check_company=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    employee_ids = fields.Many2many("hr.employee", string="Candidates", tracking=True, check_company=True)
    state = fields.Selection(
        STATES,
        string="Stage",
        required=True,
        default="analysis",
        tracking=True,
        group_expand="_expand_states",
        copy=False,
    )
    description = fields.Html(string="Notes")
    date_publicity_start = fields.Date(string="Publicity From", tracking=True, copy=False)
    date_publicity_end = fields.Date(
        string="Publicity Until",
        compute="_compute_date_publicity_end",
        store=True,
        help="The last of the working days of the publicity, on the company's working calendar.",
    )
    publicity_feedback = fields.Text()
    publicity_end_notified = fields.Boolean(copy=False)
    probation_end_notified = fields.Boolean(copy=False)
    date_appointed = fields.Date(string="Appointed On", tracking=True, copy=False)
    has_probation = fields.Boolean(string="Probation", default=True, tracking=True)
    date_probation_end = fields.Date(
        string="Probation Ends", compute="_compute_date_probation_end", store=True, readonly=False
    )
    probation_result = fields.Selection(
        [("passed", "Confirmed in Post"), ("failed", "Not Confirmed")], tracking=True, copy=False
    )
    color = fields.Integer()
    # 讨论决定: the meeting of the Party committee (党委/党组) that decides.
    decision_date = fields.Date(string="Decided On", tracking=True, copy=False)
    decision_members_due = fields.Integer(
        string="Members Due", tracking=True, copy=False, help="应到: the committee's members."
    )
    decision_members_present = fields.Integer(string="Members Present", tracking=True, copy=False)
    decision_votes_for = fields.Integer(string="Votes For", tracking=True, copy=False)
    decision_votes_against = fields.Integer(string="Votes Against", tracking=True, copy=False)
    decision_votes_abstain = fields.Integer(string="Abstentions", tracking=True, copy=False)

    @api.depends("date_publicity_start", "company_id.cadre_publicity_days", "company_id.resource_calendar_id")
    def _compute_date_publicity_end(self):
        for appointment in self:
            company = appointment.company_id
            appointment.date_publicity_end = (
                appointment.date_publicity_start
                and company._cadre_add_working_days(
                    appointment.date_publicity_start, company.cadre_publicity_days
                )
            )

    @api.depends("date_appointed", "has_probation", "company_id.cadre_probation_months")
    def _compute_date_probation_end(self):
        for appointment in self:
            appointment.date_probation_end = (
                appointment.has_probation
                and appointment.date_appointed
                and appointment.date_appointed
                + relativedelta(months=appointment.company_id.cadre_probation_months)
            )

    def _expand_states(self, states, domain):
        return [key for key, _label in STATES if key != "cancelled"]

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("reference", "/") == "/":
                vals["reference"] = self.env["ir.sequence"].next_by_code("org.cadre.appointment") or "/"
            vals["state"] = "analysis"
        appointments = super().create(vals_list)
        appointments._apply_stage_checklist()
        return appointments

    def write(self, vals):
        if "state" in vals:
            for appointment in self:
                appointment._check_stage_transition(vals["state"])
        reaching_post = self.filtered(lambda appointment: appointment.state != "appointed")
        result = super().write(vals)
        if "state" in vals:
            self._apply_stage_checklist()
            if vals["state"] == "appointed":
                reaching_post._cadre_update_dossiers()
        return result

    def _cadre_post_title(self):
        """The unit and post of the appointment, as the 简历 and 现任职务 write it."""
        self.ensure_one()
        unit = self.department_id.name or ""
        return self.name if not unit or unit in self.name else f"{unit}{self.name}"

    def _cadre_update_dossiers(self):
        """任职: each appointed cadre's 现任职务 and 任现职时间 become this post and date, and a
        简历 line is appended (the open line before it closes on the same date). Tracked in the
        cadre's chatter; undone only by editing the dossier."""
        ResumeLine = self.env["org.cadre.resume.line"]
        for appointment in self:
            date = appointment.date_appointed or self.env.company._org_office_today()
            title = appointment._cadre_post_title()
            for employee in appointment.employee_ids:
                open_lines = employee.cadre_resume_line_ids.filtered(
                    lambda line, date=date: not line.date_end and line.date_start <= date
                )
                open_lines.write({"date_end": date})
                ResumeLine.create({"employee_id": employee.id, "date_start": date, "name": title})
                employee.write({"cadre_current_post": title, "cadre_current_post_date": date})
                employee.message_post(
                    body=Markup("<p>%s</p>")
                    % self.env._(
                        "Appointed by %(appointment)s: current post “%(post)s” since %(date)s; "
                        "resume line added.",
                        appointment=appointment.display_name,
                        post=title,
                        date=date,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            appointment.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "The dossiers of %(employees)s now show the post “%(post)s” since %(date)s.",
                    employees="、".join(appointment.employee_ids.mapped("name")),
                    post=title,
                    date=date,
                ),
                subtype_xmlid="mail.mt_note",
            )

    # Stage rules

    def _next_state(self):
        self.ensure_one()
        if self.state in ("done", "cancelled"):
            return False
        if self.state == "appointed" and not self.has_probation:
            return "done"
        return ORDER[ORDER.index(self.state) + 1]

    def _state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env))[state]

    def _checklist_open_required_lines(self):
        """What blocks leaving a stage (the closing guard of the checklist mixin): the required
        items of the current stage's checklist that are not ticked."""
        self.ensure_one()
        step = self.env["org.cadre.appointment.step"].search([("state", "=", self.state)], limit=1)
        template = step.checklist_template_id
        return self.checklist_line_ids.filtered(
            lambda line: line.required and not line.done and line.template_item_id.template_id == template
        )

    def _checklist_closing_message(self, blockers):
        """Leaving a stage closes it: the refusal names the stage and lists its open items."""
        return self.env._(
            "%(name)s cannot leave stage “%(stage)s”: these required items are still open:\n%(items)s",
            name=self.display_name,
            stage=self._state_label(self.state),
            items="\n".join(f"- {name}" for name in self._checklist_open_required_lines().mapped("name")),
        )

    def _check_stage_transition(self, new_state):
        """Refuse a skipped stage, an open checklist, a short publicity and a restricted candidate."""
        self.ensure_one()
        if new_state == self.state:
            return
        if new_state == "cancelled":
            if self.state == "done":
                raise UserError(
                    self.env._("%(name)s is done and cannot be cancelled.", name=self.display_name)
                )
            return
        if new_state != self._next_state():
            raise UserError(
                self.env._(
                    "%(name)s is at stage “%(current)s”: the next stage is “%(next)s”; "
                    "no stage can be skipped.",
                    name=self.display_name,
                    current=self._state_label(self.state),
                    next=self._state_label(self._next_state()) if self._next_state() else "-",
                )
            )
        self._checklist_check_closable()
        if not self.employee_ids and new_state in ("inspection", "decision", "publicity", "appointed"):
            raise UserError(self.env._("%(name)s has no candidate yet.", name=self.display_name))
        if new_state == "appointed":
            today = fields.Date.context_today(self)
            if not self.date_publicity_start:
                raise UserError(
                    self.env._("%(name)s: give the start date of the publicity.", name=self.display_name)
                )
            if today <= self.date_publicity_end:
                raise UserError(
                    self.env._(
                        "%(name)s: the publicity lasts %(days)s working days, until %(end)s; "
                        "the appointment can follow from the next day.",
                        name=self.display_name,
                        days=self.company_id.cadre_publicity_days,
                        end=self.date_publicity_end,
                    )
                )
        if new_state == "probation_review":
            if not self.date_appointed:
                raise UserError(
                    self.env._("%(name)s: give the date of the appointment.", name=self.display_name)
                )
            if fields.Date.context_today(self) < self.date_probation_end:
                raise UserError(
                    self.env._(
                        "%(name)s: the probation runs until %(end)s.",
                        name=self.display_name,
                        end=self.date_probation_end,
                    )
                )
        if new_state == "done" and self.state == "probation_review" and not self.probation_result:
            raise UserError(
                self.env._(
                    "%(name)s: record the result of the probation review first.", name=self.display_name
                )
            )

    # Domain rules

    @api.constrains("state", "employee_ids", "date_appointed", "decision_date", *DECISION_FIELDS)
    def _check_appointment_rules(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        """Who may be 考察对象 (任用条例 art. 24), the quorum and majority of 讨论决定, and the
        appointment date after the candidates started work and not in the future (README ›
        Rules)."""
        messages = super()._org_rule_messages()
        if self.state in CANDIDATE_CHECK_STATES:
            messages += self._org_candidate_messages()
        messages += self._org_decision_messages()
        today = self.env.company._org_office_today()
        for name in ("date_appointed", "decision_date"):
            if self[name] and self[name] > today:
                messages.append(
                    (
                        (name,),
                        self.env._(
                            "%(field)s %(date)s is in the future (today is %(today)s).",
                            field=self._fields[name]._description_string(self.env),
                            date=self[name],
                            today=today,
                        ),
                    )
                )
        if self.date_appointed:
            for employee in self.employee_ids.sudo():
                if employee.cadre_work_start_date and self.date_appointed < employee.cadre_work_start_date:
                    messages.append(
                        (
                            ("date_appointed", "employee_ids"),
                            self.env._(
                                "the appointment date %(date)s is before %(employee)s started work "
                                "on %(work)s.",
                                date=self.date_appointed,
                                employee=employee.name,
                                work=employee.cadre_work_start_date,
                            ),
                        )
                    )
        return messages

    def _org_candidate_messages(self):
        """任用条例 (2019) art. 24: not listed for inspection, (三) whoever was graded 基本称职 or
        below the year before, (六) whoever is under a 诫勉, an organizational measure or a
        sanction whose effect period runs. The supervision records stay confidential: that
        message names the candidate only."""
        messages = []
        employees = self.employee_ids.sudo()
        last_year = self.env.company._org_office_today().year - 1
        grades = dict(self.env["org.cadre.annual.result"]._fields["grade"]._description_selection(self.env))
        poor = (
            self.env["org.cadre.annual.result"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("year", "=", last_year),
                    ("grade", "in", ("basic", "incompetent")),
                ]
            )
        )
        for result in poor:
            messages.append(
                (
                    ("employee_ids",),
                    self.env._(
                        "%(employee)s was graded %(grade)s in the annual assessment of %(year)s and "
                        "cannot be a candidate for inspection this year.",
                        employee=result.employee_id.name,
                        grade=grades[result.grade],
                        year=result.year,
                    ),
                )
            )
        restricted = self.env["org.cadre.supervision"].sudo()._restricted_employees(employees)
        restricted |= self.env["org.cadre.reward"].sudo()._restricted_employees(employees)
        if restricted:
            messages.append(
                (
                    ("employee_ids",),
                    self.env._(
                        "%(employees)s cannot be promoted at present; ask the cadre supervision office.",
                        employees="、".join(restricted.mapped("name")),
                    ),
                )
            )
        return messages

    def _org_decision_messages(self):
        """讨论决定 (任用条例 2019, chapter 6): at least two thirds of the committee's members
        present, and more than half of the members due (应到) voting for. Checked when the
        appointment leaves the stage, and on any later change of the figures."""
        messages = []
        due, present = self.decision_members_due, self.decision_members_present
        votes = (self.decision_votes_for, self.decision_votes_against, self.decision_votes_abstain)
        if any(self[name] < 0 for name in DECISION_FIELDS):
            messages.append((DECISION_FIELDS, self.env._("the members and votes cannot be negative.")))
            return messages
        if present > due:
            messages.append(
                (
                    ("decision_members_due", "decision_members_present"),
                    self.env._(
                        "%(present)s members present, more than the %(due)s members due.",
                        present=present,
                        due=due,
                    ),
                )
            )
        if sum(votes) > present:
            messages.append(
                (
                    DECISION_FIELDS[1:],
                    self.env._(
                        "%(votes_for)s for, %(against)s against and %(abstain)s abstentions are more "
                        "votes than the %(present)s members present.",
                        present=present,
                        votes_for=votes[0],
                        against=votes[1],
                        abstain=votes[2],
                    ),
                )
            )
        if self.state not in AFTER_DECISION or (self.state != AFTER_DECISION[0] and not due):
            return messages  # earlier records, decided before the figures were recorded
        if not due:
            messages.append(
                (
                    ("decision_members_due",),
                    self.env._(
                        "record the discussion and decision: the members due, present, and the votes."
                    ),
                )
            )
            return messages
        needed = -(-2 * due // 3)  # two thirds or more (以上 includes the figure)
        if present < needed:
            messages.append(
                (
                    ("decision_members_due", "decision_members_present"),
                    self.env._(
                        "%(present)s of the %(due)s members were present; a decision needs at least "
                        "two thirds (%(needed)s).",
                        present=present,
                        due=due,
                        needed=needed,
                    ),
                )
            )
        majority = due // 2 + 1  # more than half of the members due (超过半数)
        if votes[0] < majority:
            messages.append(
                (
                    ("decision_members_due", "decision_votes_for"),
                    self.env._(
                        "%(votes_for)s votes for; the appointment needs more than half of the %(due)s "
                        "members due (%(needed)s).",
                        due=due,
                        needed=majority,
                        votes_for=votes[0],
                    ),
                )
            )
        return messages

    def _checklist_apply_template(self):
        """The lines of each stage follow those of the stages before it (sequence: the stage's
        step first, then the item's), so the checklist reads stage by stage."""
        result = super()._checklist_apply_template()
        steps = {
            step.checklist_template_id: step.sequence
            for step in self.env["org.cadre.appointment.step"].search([])
        }
        for line in self.checklist_line_ids:
            template = line.template_item_id.template_id
            if template in steps and line.sequence < 1000:
                line.sequence = steps[template] * 1000 + line.template_item_id.sequence
        return result

    def _apply_stage_checklist(self):
        steps = {step.state: step for step in self.env["org.cadre.appointment.step"].search([])}
        for appointment in self:
            template = steps.get(
                appointment.state, self.env["org.cadre.appointment.step"]
            ).checklist_template_id
            if template and appointment.checklist_template_id != template:
                appointment.checklist_template_id = template

    # Actions

    def action_next_stage(self):
        for appointment in self:
            next_state = appointment._next_state()
            if not next_state:
                raise UserError(self.env._("%(name)s has no further stage.", name=appointment.display_name))
            vals = {"state": next_state}
            if next_state == "publicity" and not appointment.date_publicity_start:
                vals["date_publicity_start"] = fields.Date.context_today(self)
            if next_state == "appointed" and not appointment.date_appointed:
                vals["date_appointed"] = fields.Date.context_today(self)
            appointment.write(vals)
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    def action_probation_passed(self):
        self.write({"probation_result": "passed"})
        return self.action_next_stage()

    def action_probation_failed(self):
        self.write({"probation_result": "failed"})
        return self.action_next_stage()

    def action_print_forms(self):
        self.ensure_one()
        return self.employee_ids.action_cadre_print_form()

    # Crons

    @api.model
    def _cron_publicity_end(self, batch_size=BATCH_SIZE):
        """Publicity over: remind the responsible person to record the feedback and appoint.
        One batch a run (org_base/tools/cron.py), the cron runs again while some wait."""
        today = fields.Date.context_today(self)
        found = self.search(
            [
                ("state", "=", "publicity"),
                ("date_publicity_end", "<", today),
                ("publicity_end_notified", "=", False),
            ],
            limit=batch_size + 1,
            order="id",
        )
        appointments = found[:batch_size]
        # A to-do for the responsible person (the cron's user when nobody is set).
        self.env["mail.activity"].sudo()._org_schedule_batch(
            "mail.mail_activity_data_todo",
            [
                (
                    appointment,
                    {
                        "user_id": appointment.user_id.id or self.env.uid,
                        "summary": self.env._("Publicity ended: record the feedback and appoint"),
                        "date_deadline": today,
                    },
                )
                for appointment in appointments
            ],
            skip_existing=False,
        )
        appointments.write({"publicity_end_notified": True})
        self.env["ir.cron"]._notify_progress(done=len(appointments), remaining=len(found) - len(appointments))
        return True

    @api.model
    def _cron_probation_end(self, batch_size=BATCH_SIZE):
        """Probation over: remind the responsible person to hold the review. One batch a run
        (org_base/tools/cron.py), the cron runs again while some wait."""
        today = fields.Date.context_today(self)
        found = self.search(
            [
                ("state", "=", "appointed"),
                ("has_probation", "=", True),
                ("date_probation_end", "<=", today),
                ("probation_end_notified", "=", False),
            ],
            limit=batch_size + 1,
            order="id",
        )
        appointments = found[:batch_size]
        # A to-do for the responsible person (the cron's user when nobody is set).
        self.env["mail.activity"].sudo()._org_schedule_batch(
            "mail.mail_activity_data_todo",
            [
                (
                    appointment,
                    {
                        "user_id": appointment.user_id.id or self.env.uid,
                        "summary": self.env._("Probation ended: hold the probation review"),
                        "date_deadline": today,
                    },
                )
                for appointment in appointments
            ],
            skip_existing=False,
        )
        appointments.write({"probation_end_notified": True})
        self.env["ir.cron"]._notify_progress(done=len(appointments), remaining=len(found) - len(appointments))
        return True
