from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.org_base.tools.cron import BATCH_SIZE

DEADLINE_STATUSES = [
    ("none", "No Deadline"),
    ("green", "On Track"),
    ("yellow", "Due Soon"),
    ("red", "Overdue"),
    ("closed", "Closed"),
]
# 满意度: the key is the score that reports average.
SATISFACTION_LEVELS = [
    ("5", "Very Satisfied"),
    ("4", "Satisfied"),
    ("3", "Basically Satisfied"),
    ("2", "Dissatisfied"),
    ("1", "Very Dissatisfied"),
]
DEFAULT_WARNING_DAYS = 3


class ProjectTask(models.Model):
    """A card of a checklist board: checklist, responsibility, traffic light, closed loop."""

    _name = "project.task"
    _inherit = ["project.task", "org.checklist.mixin"]
    # Posting on a card and touching others' activities on it need write access to the card,
    # as on every other record of the platform (project's default is read: a leader or any
    # reader could post, reschedule or delete activities).
    _mail_post_access = "write"

    org_board_type_id = fields.Many2one(
        related="project_id.org_board_type_id", store=True, index="btree_not_null", string="Board Type"
    )
    org_board_type_code = fields.Char(related="org_board_type_id.code", string="Board Type Code")
    org_unit_id = fields.Many2one(
        "hr.department", string="Responsible Unit", index="btree_not_null", tracking=True
    )
    org_responsible_user_id = fields.Many2one(
        "res.users",
        string="Responsible Person",
        domain=[("share", "=", False)],
        index="btree_not_null",
        tracking=True,
    )
    org_deadline_status = fields.Selection(
        DEADLINE_STATUSES,
        string="Deadline Light",
        compute="_compute_org_deadline_status",
        store=True,
        index=True,
        help="Green: on track; yellow: the deadline is within the board type's warning days; "
        "red: overdue. Refreshed when the card changes and every night.",
    )
    # One place for the evidence: the files of the card's checklist items. A file attached here
    # goes to the card's first item that asks for evidence (or to an "Evidence" item).
    org_evidence_ids = fields.Many2many(
        "ir.attachment",
        string="Evidence",
        compute="_compute_org_evidence_ids",
        inverse="_inverse_org_evidence_ids",
        help="The files that prove the work is done (photos, minutes, documents): those of the "
        "card's checklist items.",
    )
    org_review_state = fields.Selection(
        [
            ("draft", "Not Submitted"),
            ("submitted", "Awaiting Acceptance"),
            ("accepted", "Accepted"),
            ("rejected", "Returned"),
        ],
        string="Acceptance",
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )
    org_reviewer_id = fields.Many2one(
        "res.users",
        string="Reviewer",
        compute="_compute_org_reviewer_id",
        store=True,
        readonly=False,
        domain=[("share", "=", False)],
        tracking=True,
    )
    org_is_closed = fields.Boolean(related="stage_id.org_closing", string="Closed (销号)", store=True)
    org_user_may_submit = fields.Boolean(
        string="May Submit",
        compute="_compute_org_user_may",
        help="The current user may submit the card for acceptance (they may change it).",
    )
    org_user_may_review = fields.Boolean(
        string="May Accept or Return",
        compute="_compute_org_user_may",
        help="The current user may accept or return the card: its reviewer or an administrator, "
        "never its responsible person.",
    )
    # 回访与满意度: the person served rates the result when the card is followed up.
    org_satisfaction = fields.Selection(
        SATISFACTION_LEVELS,
        string="Satisfaction",
        tracking=True,
        copy=False,
        help="The satisfaction of the person the card serves, recorded at the follow-up visit (回访).",
    )
    org_satisfaction_note = fields.Text(string="Follow-up Feedback", copy=False)
    org_satisfaction_score = fields.Integer(
        string="Satisfaction Score",
        compute="_compute_org_satisfaction_score",
        store=True,
        aggregator="avg",
        help="5 (very satisfied) to 1 (very dissatisfied); 0 while no satisfaction is recorded, "
        "so filter on “Satisfaction Recorded” before averaging.",
    )
    org_satisfaction_asked = fields.Boolean(
        string="Satisfaction Asked",
        compute="_compute_org_satisfaction_asked",
        help="The board type or one of the board's stages asks for the satisfaction.",
    )

    @api.depends("date_deadline", "stage_id.org_closing", "state", "org_board_type_id.warning_days")
    def _compute_org_deadline_status(self):
        # Days count in the office's time zone, whoever triggers the computation.
        company = self.env.company
        today = company._org_office_today()
        for task in self:
            if task.stage_id.org_closing or task.state in ("1_done", "1_canceled"):
                task.org_deadline_status = "closed"
            elif not task.date_deadline:
                task.org_deadline_status = "none"
            else:
                deadline = company._org_office_date(task.date_deadline)
                warning_days = (
                    task.org_board_type_id.warning_days if task.org_board_type_id else DEFAULT_WARNING_DAYS
                )
                if deadline < today:
                    task.org_deadline_status = "red"
                elif deadline <= today + timedelta(days=warning_days):
                    task.org_deadline_status = "yellow"
                else:
                    task.org_deadline_status = "green"

    @api.depends("checklist_line_ids.attachment_ids")
    def _compute_org_evidence_ids(self):
        for task in self:
            task.org_evidence_ids = task.checklist_line_ids.attachment_ids

    def _inverse_org_evidence_ids(self):
        new_lines = []
        for task in self:
            current = task.checklist_line_ids.attachment_ids
            removed = current - task.org_evidence_ids
            added = task.org_evidence_ids - current
            for line in task.checklist_line_ids.filtered(
                lambda line, removed=removed: line.attachment_ids & removed
            ):
                line.attachment_ids -= removed
            if not added:
                continue
            target = task.checklist_line_ids.filtered("evidence_required")[:1]
            if target:
                target.attachment_ids |= added
            else:
                new_lines.append(
                    {
                        "res_model": task._name,
                        "res_id": task.id,
                        "sequence": 1000,
                        "name": self.env._("Evidence"),
                        "required": False,
                        "evidence_required": True,
                        "done": True,
                        "attachment_ids": [Command.set(added.ids)],
                    }
                )
        if new_lines:
            self.env["org.checklist.line"].create(new_lines)
            self.invalidate_recordset(["checklist_line_ids"])

    @api.depends_context("uid")
    @api.depends("org_board_type_id", "org_reviewer_id", "org_responsible_user_id")
    def _compute_org_user_may(self):
        user = self.env.user
        is_officer = user.has_group("project.group_project_user")
        for task in self:
            task.org_user_may_submit = bool(
                task.org_board_type_id and is_officer and task.id and task.has_access("write")
            )
            task.org_user_may_review = bool(
                task.org_board_type_id and is_officer and task._org_may_review(user)
            )

    @api.depends("org_satisfaction")
    def _compute_org_satisfaction_score(self):
        for task in self:
            task.org_satisfaction_score = int(task.org_satisfaction or 0)

    @api.depends("org_board_type_id.satisfaction_required", "project_id.type_ids.org_satisfaction_required")
    def _compute_org_satisfaction_asked(self):
        for task in self:
            task.org_satisfaction_asked = task.org_board_type_id.satisfaction_required or any(
                task.project_id.type_ids.mapped("org_satisfaction_required")
            )

    @api.depends("project_id.org_reviewer_id", "project_id.user_id")
    def _compute_org_reviewer_id(self):
        for task in self:
            if task.project_id:
                # The responsible person never reviews their own card: the board's manager then.
                candidates = task.project_id._org_reviewer() | task.project_id.user_id
                task.org_reviewer_id = (candidates - task.org_responsible_user_id)[:1]

    @api.constrains("org_reviewer_id", "org_responsible_user_id")
    def _check_org_reviewer_not_responsible(self):
        for task in self:
            if task.org_reviewer_id and task.org_reviewer_id == task.org_responsible_user_id:
                raise ValidationError(
                    self.env._(
                        "Card “%(card)s”: %(user)s is its responsible person and cannot also be its "
                        "reviewer; choose another reviewer.",
                        card=task.display_name,
                        user=task.org_reviewer_id.name,
                    )
                )

    def _check_access(self, operation):
        """A batch of cards (a kanban column, a list page) is checked against the read rules in
        one query, as Odoo checks them when it fetches stored fields, rather than by evaluating
        the rules in Python card by card: the board rules' follower leaves
        (``message_partner_ids``, the board's followers) would read every card's followers,
        and each follower its card's access again, at each fetch of a non-stored field
        (activities, tags, assignees, display names). The cards the query leaves out go
        through Odoo's check, which names them (or finds them deleted)."""
        if (
            operation != "read"
            or len(self) < 2
            or self.env.su
            or not all(isinstance(task_id, int) for task_id in self._ids)
        ):
            return super()._check_access(operation)
        # The model's access rights (ir.model.access) first: no record rule lifts them.
        if result := super(ProjectTask, self.browse())._check_access(operation):
            return self, result[1]
        forbidden = self - self.with_context(active_test=False).search([("id", "in", self.ids)])
        return super(ProjectTask, forbidden)._check_access(operation) if forbidden else None

    @api.model_create_multi
    def create(self, vals_list):
        Stage = self.env["project.task.type"]
        for vals in vals_list:
            project_id = vals.get("project_id", self.env.context.get("default_project_id"))
            # A view of the boards (the wall chart) creates board cards, never a private to-do.
            if not project_id and self.env.context.get("org_board_card"):
                raise UserError(self.env._("Card “%(card)s”: choose its board.", card=vals.get("name") or ""))
            # A new card gets its board type's checklist; the form sends an empty template:
            # that is no choice either.
            if project_id and not vals.get("checklist_template_id"):
                board_type = self.env["project.project"].browse(project_id).org_board_type_id
                if board_type.checklist_template_id:
                    vals["checklist_template_id"] = board_type.checklist_template_id.id
            # A card created closed shows it (not "In Progress").
            if vals.get("stage_id") and "state" not in vals and Stage.browse(vals["stage_id"]).org_closing:
                vals["state"] = "1_done"
        tasks = super().create(vals_list)
        tasks._org_check_satisfaction()
        tasks._org_follow_responsible({})
        return tasks

    def write(self, vals):
        # Acceptance and return are the reviewer's, whichever path writes them (the buttons, RPC).
        if vals.get("org_review_state") in ("accepted", "rejected") and not self.env.su:
            self._org_check_reviewer()
        vals = dict(vals)
        moves = self._org_stage_moves(vals)
        old_responsible = {}
        if "org_responsible_user_id" in vals:
            old_responsible = {task: task.org_responsible_user_id for task in self}
        deadline_changed = "date_deadline" in vals or "org_responsible_user_id" in vals
        stage = self.env["project.task.type"].browse(vals.get("stage_id"))
        satisfaction_checked = stage.org_satisfaction_required or (
            "org_satisfaction" in vals
            and not vals["org_satisfaction"]
            and any(self.stage_id.mapped("org_satisfaction_required"))
        )
        if not any(moves.values()) and not satisfaction_checked and not deadline_changed:
            return super().write(vals)
        # Checked once written, so that what the same save records (the satisfaction, the
        # evidence) counts; a refusal undoes the write, whoever catches it.
        with self.env.cr.savepoint():
            if moves["reopened"]:
                super(ProjectTask, moves["reopened"]).write(
                    {"org_review_state": "draft", "state": "01_in_progress"}
                )
            moves["submitting"]._org_check_submittable()
            if moves["accepting"]:
                super(ProjectTask, moves["accepting"]).write({"org_review_state": "accepted"})
            result = super().write(vals)
            if satisfaction_checked:
                self._org_check_satisfaction()
            moves["closing"]._checklist_check_closable()
            if moves["submitting"]:
                super(ProjectTask, moves["submitting"]).write({"org_review_state": "submitted"})
                moves["submitting"]._org_notify_reviewer()
            if moves["withdrawn"]:
                super(ProjectTask, moves["withdrawn"]).write({"org_review_state": "draft"})
                moves["withdrawn"].activity_unlink(["org_checklist.mail_activity_type_org_review"])
            if moves["closing"]:
                moves["closing"]._org_close_activities()
            elif old_responsible:
                self._org_follow_responsible(old_responsible)
            elif deadline_changed:
                self._org_readable_by_responsible()._org_schedule_card_activities()
        return result

    def _org_stage_moves(self, vals):
        """What a stage change in ``vals`` means for the acceptance (the stage follows it and
        it follows the stage): the cards that close (``vals`` then marks them done), that the
        reviewer's drag to 销号 accepts, that reopen, that a drag to 待验收 submits, and those
        that leave 待验收 back to work (no longer submitted)."""
        moves = dict.fromkeys(("closing", "accepting", "reopened", "submitting", "withdrawn"), self.browse())
        if "stage_id" not in vals:
            return moves
        stage = self.env["project.task.type"].browse(vals["stage_id"])
        review_given = "org_review_state" in vals
        if stage.org_closing:
            moves["closing"] = self.filtered(lambda task: not task.stage_id.org_closing)
            vals.setdefault("state", "1_done")
            # The reviewer who drags a submitted card to 销号 accepts it.
            if not review_given and not self.env.su:
                moves["accepting"] = moves["closing"].filtered(
                    lambda task: task.org_review_state == "submitted" and task._org_may_review(self.env.user)
                )
            return moves
        reopened = moves["reopened"] = self.filtered(lambda task: task.stage_id.org_closing)
        if review_given:
            return moves
        if stage.org_review_stage:
            moves["submitting"] = self.filtered(
                lambda task: task.org_board_type_id
                and (task.org_review_state != "submitted" or task in reopened)
            )
        else:
            moves["withdrawn"] = self.filtered(lambda task: task.org_review_state == "submitted")
        return moves

    def _org_follow_responsible(self, old_responsible):
        """The responsible person is an assignee (the card is among their tasks) and has the
        card's deadline activity; the one replaced (``old_responsible``: card → user) is no
        longer, and their reminders on the card go. Only a responsible person who may read the
        card is assigned and reminded: an assignee follows the card and is notified of it."""
        reminder_types = self.env.ref("org_checklist.mail_activity_type_org_card") | self.env.ref(
            "org_checklist.mail_activity_type_org_overdue"
        )
        replaced = {}
        for task in self:
            old = old_responsible.get(task, self.env["res.users"])
            if old and old != task.org_responsible_user_id:
                replaced.setdefault(old, self.browse())
                replaced[old] |= task
        for old, tasks in replaced.items():
            tasks.write({"user_ids": [Command.unlink(old.id)]})
            tasks.sudo().activity_ids.filtered(
                lambda activity, old=old: activity.user_id == old
                and activity.activity_type_id in reminder_types
            ).unlink()
        readable = self._org_readable_by_responsible()
        for responsible in readable.org_responsible_user_id:
            unassigned = readable.filtered(
                lambda task, responsible=responsible: task.org_responsible_user_id == responsible
                and responsible not in task.user_ids
            )
            if unassigned:
                # Their activity is their notice: no assignment e-mail per card.
                unassigned.with_context(mail_auto_subscribe_no_notify=True).write(
                    {"user_ids": [Command.link(responsible.id)]}
                )
        readable._org_schedule_card_activities()

    def _org_readable_by_responsible(self):
        """The cards whose responsible person may read them: one search per person."""
        readable = self.browse()
        board_cards = self.filtered(lambda task: task.org_board_type_id and task.org_responsible_user_id)
        for responsible in board_cards.org_responsible_user_id:
            tasks = board_cards.filtered(
                lambda task, responsible=responsible: task.org_responsible_user_id == responsible
            )
            readable |= self.browse(
                self.with_user(responsible)
                .with_context(active_test=False)
                .search([("id", "in", tasks.ids)])
                .ids
            )
        return readable

    def _org_schedule_card_activities(self):
        """Each open board card with a responsible person and a deadline has one activity "Card
        to Finish" for that person, due on the card's deadline: their activities show what is
        due and what is overdue. One batch for all the cards (``_org_schedule_batch``)."""
        activity_type = self.env.ref("org_checklist.mail_activity_type_org_card")
        cards = self.filtered(
            lambda task: task.org_board_type_id
            and task.org_responsible_user_id
            and task.date_deadline
            and not task.org_is_closed
        )
        if not cards:
            return self.env["mail.activity"]
        company = self.env.company
        existing = cards.sudo().activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )
        for activity in existing:
            task = cards.browse(activity.res_id)
            deadline = company._org_office_date(task.date_deadline)
            if activity.user_id == task.org_responsible_user_id and activity.date_deadline != deadline:
                activity.date_deadline = deadline
        return (
            self.env["mail.activity"]
            .sudo()
            ._org_schedule_batch(
                activity_type,
                [
                    (
                        task,
                        {
                            "user_id": task.org_responsible_user_id.id,
                            "date_deadline": company._org_office_date(task.date_deadline),
                            "summary": self.env._(
                                "Finish by %(date)s", date=company._org_office_date(task.date_deadline)
                            ),
                        },
                    )
                    for task in cards
                ],
            )
        )

    def _org_close_activities(self):
        """A closed card's activities are done: nobody is reminded of finished work."""
        activities = self.sudo().activity_ids
        if activities:
            activities.action_feedback(feedback=self.env._("The card is closed (销号)."))

    def _org_satisfaction_person(self):
        """Who the card serves and rates it at the follow-up visit, as the messages name them."""
        self.ensure_one()
        return self.env._("the person served")

    def _org_check_satisfaction(self):
        """A card enters a stage that asks for the satisfaction (回访) only with it recorded."""
        for task in self:
            if task.stage_id.org_satisfaction_required and not task.org_satisfaction:
                raise UserError(
                    self.env._(
                        "Card “%(card)s” cannot enter %(stage)s: "
                        "record the satisfaction of %(person)s first.",
                        card=task.display_name,
                        stage=task.stage_id.name,
                        person=task._org_satisfaction_person(),
                    )
                )

    def _checklist_closing_blockers(self, review=True):
        """销号 also needs the evidence, the satisfaction and (``review``) the reviewer's
        acceptance, as the board type asks; submitting for acceptance needs all but the last."""
        problems = super()._checklist_closing_blockers()
        board_type = self.org_board_type_id
        if board_type.evidence_required and not self.org_evidence_ids:
            problems.append(self.env._("no evidence is attached"))
        if board_type.satisfaction_required and not self.org_satisfaction:
            problems.append(
                self.env._(
                    "the satisfaction of %(person)s is not recorded", person=self._org_satisfaction_person()
                )
            )
        # A ticked item that asks for evidence has it (org.checklist.line._check_evidence).
        if review and board_type.review_required and self.org_review_state != "accepted":
            problems.append(self.env._("the reviewer has not accepted it"))
        return problems

    def _checklist_closing_message(self, blockers):
        return self.env._(
            "Card “%(card)s” cannot be closed (销号): %(problems)s.",
            card=self.display_name,
            problems="; ".join(blockers),
        )

    def _org_review_stage(self):
        """The board's stage of the cards awaiting acceptance (待验收), if it has one."""
        self.ensure_one()
        return self.project_id.type_ids.filtered("org_review_stage")[:1]

    def _org_working_stage(self):
        """Where a returned card goes: the board's last working stage before 待验收."""
        self.ensure_one()
        stages = self.project_id.type_ids.filtered(
            lambda stage: not stage.org_closing and not stage.org_review_stage
        )
        review = self._org_review_stage()
        if review:
            before = stages.filtered(lambda stage: (stage.sequence, stage.id) < (review.sequence, review.id))
            stages = before or stages
        return stages[-1:]

    def _org_check_submittable(self):
        """Submitting for acceptance needs what closing needs, but the acceptance itself."""
        messages = []
        for task in self:
            problems = task._checklist_closing_blockers(review=False)
            if problems:
                messages.append(
                    self.env._(
                        "Card “%(card)s” cannot be submitted for acceptance: %(problems)s.",
                        card=task.display_name,
                        problems="; ".join(problems),
                    )
                )
        if messages:
            raise UserError("\n".join(messages))

    def _org_notify_reviewer(self):
        for task in self.filtered("org_reviewer_id"):
            task.activity_schedule(
                "org_checklist.mail_activity_type_org_review",
                user_id=task.org_reviewer_id.id,
                summary=self.env._("Accept or return: %(card)s", card=task.name),
            )

    def action_org_submit_review(self):
        """The responsible person asks the reviewer to accept the work: the card moves to its
        board's 待验收 stage."""
        for task in self:
            task._org_check_submittable()
            vals = {"org_review_state": "submitted"}
            review_stage = task._org_review_stage()
            if review_stage and task.stage_id != review_stage:
                vals["stage_id"] = review_stage.id
            task.write(vals)
            task._org_notify_reviewer()
        return True

    def _org_may_review(self, user):
        """The model's rule: the reviewer or an administrator accepts and returns a card, never
        its responsible person."""
        self.ensure_one()
        if user == self.org_responsible_user_id:
            return False
        return self.org_reviewer_id == user or user.has_group("org_base.group_org_manager")

    def _org_check_reviewer(self):
        for task in self:
            if task._org_may_review(self.env.user):
                continue
            if self.env.user == task.org_responsible_user_id:
                raise UserError(
                    self.env._(
                        "You are the responsible person of card “%(card)s”: someone else must accept "
                        "or return it.",
                        card=task.display_name,
                    )
                )
            raise UserError(
                self.env._(
                    "Only the reviewer of card “%(card)s” (%(reviewer)s) may accept or return it.",
                    card=task.display_name,
                    reviewer=task.org_reviewer_id.name or self.env._("none set"),
                )
            )

    def action_org_accept(self):
        """The reviewer accepts the work: the card is closed (销号) and its activities done."""
        self._org_check_reviewer()
        for task in self:
            closing = task.project_id.type_ids.filtered("org_closing")[:1]
            if not closing:
                raise UserError(
                    self.env._(
                        "Board “%(board)s” has no closing stage (销号): mark one of its stages as closing.",
                        board=task.project_id.display_name,
                    )
                )
            task.write({"org_review_state": "accepted", "stage_id": closing.id})
        return True

    def action_org_open_reject_wizard(self):
        self.ensure_one()
        self._org_check_reviewer()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return the Card"),
            "res_model": "org.task.reject.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_task_id": self.id},
        }

    def _org_reject(self, reason):
        """Send the card back to its responsible person with the reason in the chatter, and
        back from 待验收 to the board's working stage."""
        self._org_check_reviewer()
        for task in self:
            vals = {"org_review_state": "rejected"}
            if task.stage_id.org_review_stage and (working := task._org_working_stage()):
                vals["stage_id"] = working.id
            task.write(vals)
            task.activity_unlink(["org_checklist.mail_activity_type_org_review"])
            task.message_post(
                body=Markup("<p><b>%s</b></p><p>%s</p>") % (self.env._("Returned by the reviewer:"), reason),
                subtype_xmlid="mail.mt_note",
            )
            responsible = task.org_responsible_user_id or task.user_ids[:1]
            if responsible:
                task.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=responsible.id,
                    summary=self.env._("Returned: %(card)s", card=task.name),
                    note=reason,
                )

    @api.model
    def _org_changing_lights_domain(self):
        """The open cards whose light the passing of days has changed since it was computed,
        and only those: a yellow card whose deadline day is past (now red), a green card whose
        deadline day is within its board type's warning days (now yellow or red). Days count
        at the office, as in ``_compute_org_deadline_status``; one clause per warning period."""
        company = self.env.company
        today = company._org_office_today()

        def before(day):
            # deadline day < day, in stored (UTC) datetimes
            return ("date_deadline", "<", company._org_office_datetime(day))

        # The warning periods in use (one query, however many board types).
        periods = (
            self.env["org.board.type"]
            .with_context(active_test=False)
            .read_group([], ["warning_days"], ["warning_days"])
        )
        green = [
            [("org_board_type_id", "=", False), before(today + timedelta(days=DEFAULT_WARNING_DAYS + 1))]
        ] + [
            [
                # archived board types too (naming ``active`` lifts the active test)
                (
                    "org_board_type_id",
                    "any",
                    [("warning_days", "=", period["warning_days"]), ("active", "in", (True, False))],
                ),
                before(today + timedelta(days=period["warning_days"] + 1)),
            ]
            for period in periods
        ]
        return expression.OR(
            [
                [("org_deadline_status", "=", "yellow"), before(today)],
                expression.AND([[("org_deadline_status", "=", "green")], expression.OR(green)]),
            ]
        )

    @api.model
    def _org_refresh_deadline_lights(self, batch_size=BATCH_SIZE):
        """Recompute the lights that the passing of a day has changed (``_org_changing_lights_domain``),
        at most ``batch_size`` of them, the earliest deadlines first. Returns the cards
        recomputed and whether more wait (the cron runs again for them)."""
        found = self.search(
            self._org_changing_lights_domain(), limit=batch_size + 1, order="date_deadline, id"
        )
        tasks = found[:batch_size]
        self.env.add_to_compute(self._fields["org_deadline_status"], tasks)
        tasks.flush_recordset(["org_deadline_status"])
        return tasks, len(found) > len(tasks)

    @api.model
    def _cron_org_overdue_activities(self, batch_size=BATCH_SIZE):
        """Daily: each overdue open card gets one reminder activity for its responsible person.

        Idempotent (a card that has the reminder is not reminded again) and batched: a run
        reminds one batch and tells the cron how many cards wait (``_notify_progress``), which
        runs it again for them. A batch is as large as one of the ORM's INSERT statements, so a
        run costs the same queries for 10 cards as for 10,000.
        """
        refreshed, lights_wait = self._org_refresh_deadline_lights(batch_size)
        activity_type = self.env.ref("org_checklist.mail_activity_type_org_overdue")
        found = self.search(
            [
                ("org_board_type_id", "!=", False),
                ("org_deadline_status", "=", "red"),
                "|",
                ("org_responsible_user_id", "!=", False),
                ("user_ids", "!=", False),
                "!",
                ("activity_ids.activity_type_id", "=", activity_type.id),
            ],
            limit=batch_size + 1,
            order="date_deadline, id",
        )
        overdue = found[:batch_size]
        today = fields.Date.context_today(self)
        responsible = {task.id: task.org_responsible_user_id or task.user_ids[:1] for task in overdue}
        # The search left out the cards that have the reminder.
        self.env["mail.activity"]._org_schedule_batch(
            activity_type,
            [
                (
                    task,
                    {
                        "user_id": responsible[task.id].id,
                        "date_deadline": today,
                        "summary": self.env._("Overdue since %(date)s", date=task.date_deadline.date()),
                    },
                )
                for task in overdue
            ],
            skip_existing=False,
        )
        overdue._message_log_batch(
            bodies={
                task.id: self.env._(
                    "Overdue: the deadline %(date)s has passed; %(user)s was reminded.",
                    date=task.date_deadline.date(),
                    user=responsible[task.id].name,
                )
                for task in overdue
            }
        )
        self.env["ir.cron"]._notify_progress(
            done=len(refreshed) + len(overdue), remaining=int(lights_wait) + len(found) - len(overdue)
        )
        return overdue
