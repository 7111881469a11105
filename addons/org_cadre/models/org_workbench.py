from dateutil.relativedelta import relativedelta

from odoo import api, models

# 试用期 ending: probations of appointed cadres ending within this many days (and those over).
PROBATION_DAYS = 30


class OrgWorkbench(models.AbstractModel):
    """The cadre officer's sections of the workbench: the appointments they are responsible
    for, at a stage waiting for them (red once the publicity or the probation is over), the
    probations ending (试用期), and the assessments of cycles being scored still without a
    grade."""

    _inherit = "org.workbench"

    @api.model
    def _org_workbench_sections(self):
        sections = super()._org_workbench_sections()
        if not self.env.user.has_group("org_cadre.group_cadre_officer"):
            return sections
        today = self._org_workbench_office_today()
        Appointment = self.env["org.cadre.appointment"]
        labels = dict(Appointment.fields_get(["state"], ["selection"])["state"]["selection"])
        probation_over = [
            ("state", "=", "appointed"),
            ("has_probation", "=", True),
            ("date_probation_end", "<=", today),
        ]
        sections += [
            self._org_workbench_section(
                "org_cadre.appointments",
                self.env._("My Appointments in Progress"),
                "org.cadre.appointment",
                [("user_id", "=", self.env.uid), ("state", "not in", ("done", "cancelled"))],
                sequence=50,
                red_domain=[
                    "|",
                    "&",
                    ("state", "=", "publicity"),
                    ("date_publicity_end", "<", today),
                    "&",
                    "&",
                    *probation_over,
                ],
                order="write_date desc, id",
                note=lambda values: labels.get(values["state"], ""),
                note_fields=("state",),
            ),
            self._org_workbench_section(
                "org_cadre.probation",
                self.env._("Probations Ending (试用期)"),
                "org.cadre.appointment",
                [
                    ("state", "=", "appointed"),
                    ("has_probation", "=", True),
                    ("date_probation_end", "<=", today + relativedelta(days=PROBATION_DAYS)),
                ],
                sequence=51,
                red_domain=[("date_probation_end", "<=", today)],
                order="date_probation_end, id",
                note=lambda values: str(values["date_probation_end"]),
                note_fields=("date_probation_end",),
                row_state=lambda values: "red" if values["date_probation_end"] <= today else "yellow",
            ),
            self._org_workbench_section(
                "org_cadre.assessments",
                self.env._("Assessments to Enter"),
                "org.cadre.assessment",
                [("cycle_id.state", "=", "scoring"), ("grade", "=", False)],
                sequence=52,
                order="cycle_id, id",
                note=lambda values: values["cycle_id"][1] if values["cycle_id"] else "",
                note_fields=("cycle_id",),
            ),
        ]
        return sections
