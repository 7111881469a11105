from odoo import fields, models


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
        "org.study.requirement": ["active", "category_ids", "hours", "sequence"],
        "hr.employee": ["active", "category_ids", "department_id"],
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

    @property
    def _table_query(self):
        return """
            WITH done AS (
                SELECT a.employee_id,
                       EXTRACT(YEAR FROM s.date_start)::int AS year,
                       SUM(a.hours) AS hours,
                       COUNT(*) FILTER (WHERE a.state = 'present') AS sessions
                  FROM org_study_attendance a
                  JOIN org_study_session s ON s.id = a.session_id
                 WHERE s.state IN ('held', 'archived')
              GROUP BY 1, 2
            ), years AS (
                SELECT DISTINCT EXTRACT(YEAR FROM date_start)::int AS year FROM org_study_session
                 UNION
                SELECT EXTRACT(YEAR FROM now() AT TIME ZONE 'UTC')::int
            ), required AS (
                SELECT DISTINCT ON (e.id) e.id AS employee_id, r.id AS requirement_id, r.hours
                  FROM hr_employee e
                  JOIN org_study_requirement r
                    ON r.active
                   AND (NOT EXISTS (SELECT 1 FROM org_study_requirement_category_rel rc
                                     WHERE rc.requirement_id = r.id)
                        OR EXISTS (SELECT 1 FROM org_study_requirement_category_rel rc
                                     JOIN employee_category_rel ec ON ec.category_id = rc.category_id
                                    WHERE rc.requirement_id = r.id AND ec.employee_id = e.id))
                 WHERE e.active
              ORDER BY e.id, r.hours DESC, r.sequence, r.id
            ), keys AS (
                SELECT employee_id, year FROM done
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
                   COALESCE(d.hours, 0) >= COALESCE(rq.hours, 0) AS compliant
              FROM keys k
              JOIN hr_employee e ON e.id = k.employee_id
         LEFT JOIN done d ON d.employee_id = k.employee_id AND d.year = k.year
         LEFT JOIN required rq ON rq.employee_id = k.employee_id
        """

    def _attendance_lines(self):
        """The attendance lines behind this ledger line: the employee's, in held sessions of the year."""
        self.ensure_one()
        return self.env["org.study.attendance"].search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("session_id.state", "in", ("held", "archived")),
                ("date_start", ">=", f"{self.year}-01-01"),
                ("date_start", "<", f"{self.year + 1}-01-01"),
            ],
            order="date_start, id",
        )
