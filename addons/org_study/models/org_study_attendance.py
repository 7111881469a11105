from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class OrgStudyAttendance(models.Model):
    """An employee's attendance of a study session and the hours (学时) it credits."""

    _name = "org.study.attendance"
    _description = "Study Attendance"
    _order = "date_start desc, session_id, id"
    _rec_name = "employee_id"

    session_id = fields.Many2one("org.study.session", required=True, index=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    department_id = fields.Many2one(related="employee_id.department_id", string="Department", store=True)
    type_id = fields.Many2one(related="session_id.type_id", store=True, string="Study Type")
    date_start = fields.Datetime(related="session_id.date_start", store=True, string="Date")
    session_state = fields.Selection(related="session_id.state", string="Session Status")
    state = fields.Selection(
        [
            ("registered", "Registered"),
            ("present", "Present"),
            ("absent", "Absent"),
            ("excused", "Excused"),
        ],
        string="Attendance",
        required=True,
        default="registered",
    )
    reason = fields.Char(help="Why the employee was excused or absent.")
    hours = fields.Float(
        string="Credited Hours",
        compute="_compute_hours",
        store=True,
        help="The session's study hours when present; nothing when absent, excused or only registered.",
    )

    _sql_constraints = [
        (
            "session_employee_uniq",
            "unique(session_id, employee_id)",
            "An employee is registered only once per session.",
        ),
    ]

    @api.depends("state", "session_id.hours")
    def _compute_hours(self):
        for attendance in self:
            attendance.hours = attendance.session_id.hours if attendance.state == "present" else 0.0

    @api.constrains("state", "reason")
    def _check_reason(self):
        for attendance in self:
            if attendance.state == "excused" and not attendance.reason:
                raise ValidationError(
                    self.env._(
                        "Give the reason why %(employee)s is excused from session “%(session)s”.",
                        employee=attendance.employee_id.name,
                        session=attendance.session_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # Refuse a user without the right first: the check below sees every attendance.
        self.check_access("create")
        self._check_registered_once(
            [
                (
                    vals.get("session_id") or self.env.context.get("default_session_id"),
                    vals.get("employee_id"),
                )
                for vals in vals_list
            ]
        )
        return super().create(vals_list)

    def write(self, vals):
        if "session_id" in vals or "employee_id" in vals:
            self.check_access("write")
            self._check_registered_once(
                [
                    (
                        vals.get("session_id", attendance.session_id.id),
                        vals.get("employee_id", attendance.employee_id.id),
                    )
                    for attendance in self
                ]
            )
        return super().write(vals)

    def action_mark_present(self):
        self.write({"state": "present", "reason": False})
        return True

    def action_mark_absent(self):
        self.write({"state": "absent"})
        return True

    def action_mark_excused(self):
        self.write({"state": "excused"})
        return True

    def _check_registered_once(self, pairs):
        """Say which employee is already on a session's attendance, before the database's
        unique constraint refuses it without names. ``pairs``: (session id, employee id).
        One query for all the pairs."""
        pairs = [(session_id, employee_id) for session_id, employee_id in pairs if session_id and employee_id]
        if not pairs:
            return
        taken = {
            (attendance.session_id.id, attendance.employee_id.id)
            for attendance in self.sudo().search(
                [
                    ("session_id", "in", list({session_id for session_id, _employee in pairs})),
                    ("employee_id", "in", list({employee_id for _session, employee_id in pairs})),
                    ("id", "not in", self.ids),
                ]
            )
        }
        for session_id, employee_id in pairs:
            if (session_id, employee_id) in taken:
                raise ValidationError(
                    self.env._(
                        "%(employee)s is already on the attendance of session “%(session)s”.",
                        employee=self.env["hr.employee"].browse(employee_id).name,
                        session=self.env["org.study.session"].browse(session_id).name,
                    )
                )
            taken.add((session_id, employee_id))

    # Sign-in sheets (签到表) through org_roster's import hooks

    @api.model
    def _org_roster_check_import(self, wizard):
        """A sign-in sheet is imported into a chosen session that is not archived."""
        session = wizard.study_session_id
        if not session:
            raise UserError(self.env._("Choose the study session whose sign-in sheet this is."))
        if session.state == "archived":
            raise UserError(
                self.env._(
                    "Session “%(session)s” is archived: set it back to planned before importing "
                    "its sign-in sheet.",
                    session=session.name,
                )
            )
        return super()._org_roster_check_import(wizard)

    @api.model
    def _org_roster_prepare_values(self, rows, wizard):
        """Each person on the sheet attends the wizard's session, present unless the sheet says
        otherwise; an excused person needs a reason."""
        errors = super()._org_roster_prepare_values(rows, wizard)
        for row_number, vals in rows:
            vals["session_id"] = wizard.study_session_id.id
            vals.setdefault("state", "present")
            if vals["state"] == "excused" and not vals.get("reason"):
                errors.append(
                    (
                        row_number,
                        self.env._("Row %(row)s: give the reason why the person is excused.", row=row_number),
                    )
                )
        return errors
