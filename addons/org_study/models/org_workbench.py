from odoo import api, models


class OrgWorkbench(models.AbstractModel):
    """The study sections of the workbench: one's own study hours this year against the
    requirement (学时), and, for study officers, the people behind their pace (a leader sees
    them by unit)."""

    _inherit = "org.workbench"

    @api.model
    def _org_workbench_sections(self):
        sections = super()._org_workbench_sections()
        user = self.env.user
        if not user._is_internal():
            return sections
        year = self._org_workbench_office_today().year
        this_year = [("year", "=", year), ("required_hours", ">", 0)]
        sections.append(self._org_workbench_own_hours(this_year))
        behind = [*this_year, ("behind", "=", True)]
        if user.has_group("org_study.group_study_officer"):
            sections.append(
                self._org_workbench_section(
                    "org_study.behind",
                    self.env._("Behind the Study Pace"),
                    "org.study.ledger",
                    behind,
                    sequence=41,
                    red_domain=[],
                    order="progress, employee_id",
                    note=lambda values: self.env._(
                        "%(done)s of %(due)s hours due",
                        done=round(values["counted_hours"], 1),
                        due=round(values["pace_hours"], 1),
                    ),
                    note_fields=("counted_hours", "pace_hours"),
                )
            )
        elif user.has_group("org_base.group_org_leader") and not user.has_group("org_base.group_org_user"):
            sections.append(
                self._org_workbench_section(
                    "org_study.behind",
                    self.env._("Behind the Study Pace by Unit"),
                    "org.study.ledger",
                    behind,
                    sequence=41,
                    red_domain=[],
                    group_by="department_id",
                )
            )
        return sections

    @api.model
    def _org_workbench_own_hours(self, this_year):
        """My study hours this year: counted of required, red when behind the pace."""
        domain = [*this_year, ("employee_id.user_id", "=", self.env.uid)]
        lines = self.env["org.study.ledger"].search_read(
            domain, ["counted_hours", "required_hours", "pace_hours", "behind", "period_label"], limit=1
        )
        if not lines:
            return None
        line = lines[0]
        return {
            "key": "org_study.my_hours",
            "title": self.env._("My Study Hours"),
            "sequence": 40,
            "count": round(line["counted_hours"], 1),
            "value": f"{round(line['counted_hours'], 1)} / {round(line['required_hours'], 1)}",
            "subtitle": self.env._(
                "%(period)s: %(done)s hours counted of %(required)s required; %(due)s due by now.",
                period=line["period_label"],
                done=round(line["counted_hours"], 1),
                required=round(line["required_hours"], 1),
                due=round(line["pace_hours"], 1),
            ),
            "state": "red" if line["behind"] else "normal",
            "rows": [],
            "res_model": "org.study.ledger",
            "domain": domain,
            "context": {},
            "row_method": False,
        }
