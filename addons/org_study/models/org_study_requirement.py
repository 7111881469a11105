from markupsafe import Markup

from odoo import api, fields, models

PACE_LIST_LIMIT = 50  # people named in the monthly pace activity


class OrgStudyRequirement(models.Model):
    """Study hours (学时) a group of people must reach in a period, e.g. 550 hours of concentrated
    training in five years for 县处级 cadres and above, 90 a year for 乡科级 and below
    (干部教育培训工作条例, 2023); or the organization's own rule for other people."""

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
    level_id = fields.Many2one(
        "org.dictionary.item",
        string="Study Level",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        domain=[("dictionary_code", "=", "study_level")],
        help="The requirement applies to the people of this study level (on their employee form); "
        "without a level it is the organization's own rule, for the tags and departments below. "
        "A person's level requirement wins over a requirement without level.",
    )
    period_kind = fields.Selection(
        [("year", "Calendar Year"), ("five_years", "Five-Year Window")],
        string="Period",
        required=True,
        default="year",
        tracking=True,
        help="The hours are due per calendar year, or per five-year window (e.g. 2023–2027).",
    )
    period_start_year = fields.Integer(
        string="First Window From",
        required=True,
        default=2023,
        tracking=True,
        help="For five-year windows: the year the first window starts; the windows follow each other "
        "from it (2023–2027, 2028–2032 …).",
    )
    hours = fields.Float(string="Hours per Period", required=True, default=90.0, tracking=True)
    concentrated_only = fields.Boolean(
        string="Concentrated Training Only",
        tracking=True,
        help="Only sessions of study types marked as concentrated training count; otherwise every "
        "session attended counts.",
    )
    service_count = fields.Integer(
        string="Community Services per Year",
        tracking=True,
        help="党员常态化下沉社区: how many community services each person of the group does in a year; "
        "0 when none is required.",
    )

    @api.model
    def _cron_check_hour_pace(self):
        """Monthly: each study officer gets one activity listing the people behind their pace.

        The pace is the requirement spread evenly over the months of its period: by the end of
        the m-th month of a period of n months, m/n of the hours are due (a calendar year: 12
        months; a five-year window: 60). Batched: one grouped read of the ledger
        (``org.study.ledger``) gives every person behind, with the hours counted and due by now;
        one search finds the officers already told this month, so running the cron again in the
        same month creates nothing.
        """
        today = self.env.company._org_office_today()
        Activity = self.env["mail.activity"]
        activity_type = self.env.ref("org_study.mail_activity_type_study_pace")
        officers = self.env.ref("org_study.group_study_officer").users.filtered(
            lambda user: not user.share and user.active and not user._is_superuser()
        )
        if not officers:
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
        # (requirement, employee, hours counted, hours due by now) of each person behind.
        behind = self.env["org.study.ledger"]._read_group(
            [("year", "=", today.year), ("required_hours", ">", 0), ("behind", "=", True)],
            ["requirement_id", "employee_id"],
            ["counted_hours:max", "pace_hours:max"],
        )
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
