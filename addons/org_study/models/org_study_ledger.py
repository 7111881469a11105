from datetime import date

from odoo import api, fields, models
from odoo.tools import SQL


class OrgStudyLedger(models.Model):
    """学时台账: per employee and year, the hours required, the hours done and compliance.

    A database view: done hours are the credited hours of held (or archived) sessions of the
    year; the required hours are those of the employee's highest applicable requirement. An
    employee appears for each year that has sessions (and the current year) once a requirement
    applies to them, and for each year they attended.
    """

    _name = "org.study.ledger"
    _description = "Study Hour Ledger"
    _auto = False
    _order = "year desc, employee_id"
    _rec_name = "employee_id"
    # Flushed before the view is read.
    _depends = {
        "org.study.attendance": ["employee_id", "hours", "session_id", "state"],
        "org.study.session": ["date_start", "state"],
        "org.study.requirement": [
            "active",
            "category_ids",
            "department_ids",
            "hours",
            "sequence",
            "service_count",
        ],
        "org.community.service": ["employee_id", "date"],
        "hr.employee": ["active", "category_ids", "department_id"],
        "hr.department": ["parent_path"],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    requirement_id = fields.Many2one("org.study.requirement", readonly=True)
    required_hours = fields.Float(readonly=True)
    done_hours = fields.Float(readonly=True)
    missing_hours = fields.Float(readonly=True)
    session_count = fields.Integer(string="Sessions Attended", readonly=True)
    compliant = fields.Boolean(readonly=True)
    service_required = fields.Integer(string="Community Services Required", readonly=True)
    service_done = fields.Integer(string="Community Services", readonly=True)
    service_compliant = fields.Boolean(string="Community Service Compliant", readonly=True)
    attendance_ids = fields.Many2many(
        "org.study.attendance",
        compute="_compute_attendance_ids",
        string="Attendance of the Year",
        help="The person's attendance of the sessions held in the year.",
    )
    person_count = fields.Integer(string="People", readonly=True)
    compliant_count = fields.Integer(string="People Compliant", readonly=True)
    compliance_rate = fields.Float(
        string="Compliance (%)",
        readonly=True,
        aggregator="avg",
        help="100 for a person who reached the required hours, 0 otherwise: averaged over a unit, "
        "the share of its people who comply.",
    )

    @api.model
    def _ledger_tz(self):
        """The name of the time zone that splits years: the office's."""
        return self.env.company._org_office_tz().zone

    @property
    def _table_query(self):
        tz = self._ledger_tz()
        return SQL(
            """
            WITH done AS (
                SELECT a.employee_id,
                       EXTRACT(YEAR FROM s.date_start AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::int AS year,
                       SUM(a.hours) AS hours,
                       COUNT(*) FILTER (WHERE a.state = 'present') AS sessions
                  FROM org_study_attendance a
                  JOIN org_study_session s ON s.id = a.session_id
                 WHERE s.state IN ('held', 'archived')
              GROUP BY 1, 2
            ), years AS (
                SELECT DISTINCT
                       EXTRACT(YEAR FROM date_start AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::int AS year
                  FROM org_study_session
                 UNION
                SELECT EXTRACT(YEAR FROM now() AT TIME ZONE %(tz)s)::int
            ), required AS (
                SELECT DISTINCT ON (e.id) e.id AS employee_id, r.id AS requirement_id, r.hours,
                       r.service_count
                  FROM hr_employee e
             LEFT JOIN hr_department ed ON ed.id = e.department_id
                  JOIN org_study_requirement r
                    ON r.active
                   AND (NOT EXISTS (SELECT 1 FROM org_study_requirement_category_rel rc
                                     WHERE rc.requirement_id = r.id)
                        OR EXISTS (SELECT 1 FROM org_study_requirement_category_rel rc
                                     JOIN employee_category_rel ec ON ec.category_id = rc.category_id
                                    WHERE rc.requirement_id = r.id AND ec.employee_id = e.id))
                   AND (NOT EXISTS (SELECT 1 FROM org_study_requirement_department_rel rd
                                     WHERE rd.requirement_id = r.id)
                        OR EXISTS (SELECT 1 FROM org_study_requirement_department_rel rd
                                     JOIN hr_department d ON d.id = rd.department_id
                                    WHERE rd.requirement_id = r.id
                                      AND starts_with(ed.parent_path, d.parent_path)))
                 WHERE e.active
              ORDER BY e.id, r.hours DESC, r.sequence, r.id
            ), services AS (
                SELECT employee_id, EXTRACT(YEAR FROM date)::int AS year, COUNT(*) AS services
                  FROM org_community_service
              GROUP BY 1, 2
            ), keys AS (
                SELECT employee_id, year FROM done
                 UNION
                SELECT employee_id, year FROM services
                 UNION
                SELECT required.employee_id, years.year FROM required CROSS JOIN years
            )
            SELECT k.employee_id::bigint * 10000 + k.year AS id,
                   k.employee_id,
                   e.department_id,
                   k.year,
                   rq.requirement_id,
                   COALESCE(rq.hours, 0) AS required_hours,
                   COALESCE(d.hours, 0) AS done_hours,
                   GREATEST(COALESCE(rq.hours, 0) - COALESCE(d.hours, 0), 0) AS missing_hours,
                   COALESCE(d.sessions, 0) AS session_count,
                   COALESCE(d.hours, 0) >= COALESCE(rq.hours, 0) AS compliant,
                   1 AS person_count,
                   CASE WHEN COALESCE(d.hours, 0) >= COALESCE(rq.hours, 0) THEN 1 ELSE 0 END
                       AS compliant_count,
                   CASE WHEN COALESCE(d.hours, 0) >= COALESCE(rq.hours, 0) THEN 100 ELSE 0 END
                       AS compliance_rate,
                   COALESCE(rq.service_count, 0) AS service_required,
                   COALESCE(sv.services, 0) AS service_done,
                   COALESCE(sv.services, 0) >= COALESCE(rq.service_count, 0) AS service_compliant
              FROM keys k
              JOIN hr_employee e ON e.id = k.employee_id
         LEFT JOIN done d ON d.employee_id = k.employee_id AND d.year = k.year
         LEFT JOIN required rq ON rq.employee_id = k.employee_id
         LEFT JOIN services sv ON sv.employee_id = k.employee_id AND sv.year = k.year
            """,
            tz=tz,
        )

    def _compute_attendance_ids(self):
        for line in self:
            line.attendance_ids = line._attendance_lines()

    def _year_bounds(self):
        """UTC bounds of the line's year in the ledger's time zone."""
        company = self.env.company
        return company._org_office_datetime(date(self.year, 1, 1)), company._org_office_datetime(
            date(self.year + 1, 1, 1)
        )

    def _attendance_lines(self):
        """The attendance lines behind this ledger line: the employee's, in held sessions of the year."""
        self.ensure_one()
        start, end = self._year_bounds()
        return self.env["org.study.attendance"].search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("session_id.state", "in", ("held", "archived")),
                ("date_start", ">=", start),
                ("date_start", "<", end),
            ],
            order="date_start, id",
        )
