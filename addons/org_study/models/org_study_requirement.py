from markupsafe import Markup

from odoo import api, fields, models


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
    hours = fields.Float(string="Hours per Year", required=True, default=110.0, tracking=True)

    @api.model
    def _cron_check_hour_pace(self):
        """Monthly: officers get one activity per requirement listing the people behind their pace.

        The pace is the yearly requirement spread evenly over the months: by the end of a month m,
        m/12 of the hours are due. Idempotent: an officer has at most one such activity open per
        requirement and month.
        """
        today = fields.Date.context_today(self)
        months_past = today.month - 1
        activity_type = self.env.ref("org_study.mail_activity_type_study_pace")
        officers = self.env.ref("org_study.group_study_officer").users.filtered(
            lambda user: not user.share and user.active and not user._is_superuser()
        )
        if not months_past or not officers:
            return self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id(self._name)
        summary = self.env._("Behind the study pace in %(month)s", month=today.strftime("%Y-%m"))
        ledger = self.env["org.study.ledger"].search([("year", "=", today.year), ("required_hours", ">", 0)])
        vals_list = []
        for requirement in self.search([]):
            behind = ledger.filtered(
                lambda line, req=requirement: line.requirement_id == req
                and line.done_hours < line.required_hours * months_past / 12
            )
            if not behind:
                continue
            existing = self.env["mail.activity"].search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", requirement.id),
                    ("activity_type_id", "=", activity_type.id),
                    ("summary", "=", summary),
                ]
            )
            note = Markup("<ul>%s</ul>") % Markup().join(
                Markup("<li>%s</li>")
                % self.env._(
                    "%(employee)s: %(done)s of %(due)s hours due",
                    employee=line.employee_id.name,
                    done=round(line.done_hours, 1),
                    due=round(line.required_hours * months_past / 12, 1),
                )
                for line in behind
            )
            for officer in officers - existing.user_id:
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": requirement.id,
                        "activity_type_id": activity_type.id,
                        "user_id": officer.id,
                        "date_deadline": today,
                        "summary": summary,
                        "note": note,
                    }
                )
        return self.env["mail.activity"].create(vals_list)
