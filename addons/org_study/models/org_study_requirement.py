from markupsafe import Markup

from odoo import api, fields, models

PACE_LIST_LIMIT = 50  # people named in the monthly pace activity


class OrgStudyRequirement(models.Model):
    """Study hours (学时) a group of people must reach in a year, e.g. 110 a year for cadres."""

    _name = "org.study.requirement"
    _description = "Study Hour Requirement"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    category_ids = fields.Many2many(
        "hr.employee.category",
        "org_study_requirement_category_rel",
        "requirement_id",
        "category_id",
        string="Employee Tags",
        help="The requirement applies to employees with one of these tags; to every employee when empty.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        "org_study_requirement_department_rel",
        "requirement_id",
        "department_id",
        string="Departments",
        help="The requirement applies to the employees of these departments and of their "
        "sub-departments; to every department when empty. With tags too, both must hold.",
    )
    hours = fields.Float(string="Hours per Year", required=True, default=110.0, tracking=True)
    service_count = fields.Integer(
        string="Community Services per Year",
        tracking=True,
        help="党员常态化下沉社区: how many community services each person of the group does in a year; "
        "0 when none is required.",
    )

    @api.model
    def _cron_check_hour_pace(self):
        """Monthly: each study officer gets one activity listing the people behind their pace.

        The pace is the yearly requirement spread evenly over the months: by the end of a month m,
        m/12 of the hours are due. Batched: one grouped read of the ledger gives every person's
        requirement and hours done; one search finds the officers already told this month, so
        running the cron again in the same month creates nothing.
        """
        today = fields.Date.context_today(self)
        months_past = today.month - 1
        Activity = self.env["mail.activity"]
        activity_type = self.env.ref("org_study.mail_activity_type_study_pace")
        officers = self.env.ref("org_study.group_study_officer").users.filtered(
            lambda user: not user.share and user.active and not user._is_superuser()
        )
        if not months_past or not officers:
            return Activity
        summary = self.env._("Behind the study pace in %(month)s", month=today.strftime("%Y-%m"))
        told = Activity.search(
            [
                ("res_model", "=", self._name),
                ("activity_type_id", "=", activity_type.id),
                ("summary", "=", summary),
            ]
        ).user_id
        officers -= told
        if not officers:
            return Activity
        behind = [
            (requirement, employee, done, required * months_past / 12)
            for requirement, employee, done, required in self.env["org.study.ledger"]._read_group(
                [("year", "=", today.year), ("required_hours", ">", 0)],
                ["requirement_id", "employee_id"],
                ["done_hours:sum", "required_hours:max"],
            )
            if done < required * months_past / 12
        ]
        if not behind:
            return Activity
        # The furthest behind first; the note names PACE_LIST_LIMIT of them, the ledger has all.
        behind.sort(key=lambda line: (line[2] - line[3], line[1].id))
        shown = behind[:PACE_LIST_LIMIT]
        # Read the names of the people shown only, not of everyone the ledger grouped.
        names = {
            employee.id: employee.name
            for employee in self.env["hr.employee"].browse([line[1].id for line in shown])
        }
        items = Markup().join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(employee)s (%(requirement)s): %(done)s of %(due)s hours due",
                employee=names[employee.id],
                requirement=requirement.name,
                done=round(done, 1),
                due=round(due, 1),
            )
            for requirement, employee, done, due in shown
        )
        note = Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("%(count)s people are behind their study-hour pace:", count=len(behind)),
            items,
        )
        if len(behind) > len(shown):
            note += Markup("<p>%s</p>") % self.env._(
                "The %(shown)s furthest behind are listed; the study-hour ledger shows the other %(more)s.",
                shown=len(shown),
                more=len(behind) - len(shown),
            )
        model_id = self.env["ir.model"]._get_id(self._name)
        return Activity.create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": behind[0][0].id,
                    "activity_type_id": activity_type.id,
                    "user_id": officer.id,
                    "date_deadline": today,
                    "summary": summary,
                    "note": note,
                }
                for officer in officers
            ]
        )
