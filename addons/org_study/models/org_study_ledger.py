from datetime import date

from odoo import api, fields, models
from odoo.tools import SQL


class OrgStudyLedger(models.Model):
    """学时台账: per employee and year, the hours done, the requirement that applies and the
    progress against its period.

    A database view: done hours are the credited hours of held (or archived) sessions of the
    year. The requirement that applies is the one for the employee's study level, else the
    applicable one without level with the most hours a year. Its period is the calendar year
    or the five-year window holding the year; the counted hours are those of the period, of the
    study types that count (concentrated training only, when the requirement says so). An
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
        "org.study.session": ["date_start", "state", "type_id"],
        "org.study.type": ["concentrated"],
        "org.study.requirement": [
            "active",
            "category_ids",
            "concentrated_only",
            "department_ids",
            "hours",
            "level_id",
            "period_kind",
            "period_start_year",
            "sequence",
            "service_count",
        ],
        "org.community.service": ["employee_id", "date"],
        "hr.employee": ["active", "category_ids", "department_id", "study_level_id"],
        "hr.department": ["parent_path"],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    level_id = fields.Many2one("org.dictionary.item", string="Study Level", readonly=True)
    requirement_id = fields.Many2one("org.study.requirement", readonly=True)
    period_start = fields.Integer(string="Period From", readonly=True, aggregator=False)
    period_end = fields.Integer(string="Period To", readonly=True, aggregator=False)
    period_label = fields.Char(string="Period", readonly=True)
    required_hours = fields.Float(readonly=True, help="Due in the period.")
    done_hours = fields.Float(
        string="Hours of the Year", readonly=True, help="Credited by every session attended in the year."
    )
    counted_hours = fields.Float(
        string="Hours Counted",
        readonly=True,
        help="Credited in the requirement's period (the year, or its five-year window) by the study "
        "types that count for it.",
    )
    missing_hours = fields.Float(string="Remaining Hours", readonly=True)
    pace_hours = fields.Float(
        string="Hours Due by Now",
        readonly=True,
        help="The required hours spread evenly over the months of the period: those due by the end "
        "of last month (all of them once the period is over).",
    )
    behind = fields.Boolean(
        string="Behind the Pace", readonly=True, help="Fewer hours counted than due by now."
    )
    progress = fields.Float(
        string="Progress (%)", readonly=True, aggregator="avg", help="Hours counted of the hours required."
    )
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
        today = self.env.company._org_office_today()
        return SQL(
            """
            WITH done AS (
                SELECT a.employee_id,
                       EXTRACT(YEAR FROM s.date_start AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::int AS year,
                       SUM(a.hours) AS hours,
                       COALESCE(SUM(a.hours) FILTER (WHERE t.concentrated), 0) AS concentrated_hours,
                       COUNT(*) FILTER (WHERE a.state = 'present') AS sessions
                  FROM org_study_attendance a
                  JOIN org_study_session s ON s.id = a.session_id
                  JOIN org_study_type t ON t.id = s.type_id
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
                       r.service_count, r.concentrated_only, r.period_start_year AS anchor,
                       CASE WHEN r.period_kind = 'five_years' THEN 5 ELSE 1 END AS period_years
                  FROM hr_employee e
             LEFT JOIN hr_department ed ON ed.id = e.department_id
                  JOIN org_study_requirement r
                    ON r.active
                   AND (r.level_id IS NULL OR r.level_id = e.study_level_id)
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
              ORDER BY e.id, r.level_id IS NULL,
                       r.hours / CASE WHEN r.period_kind = 'five_years' THEN 5 ELSE 1 END DESC,
                       r.sequence, r.id
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
            ), periods AS (
                SELECT k.employee_id, k.year, rq.requirement_id, rq.hours, rq.service_count,
                       rq.concentrated_only, rq.period_years,
                       rq.anchor + rq.period_years
                           * FLOOR((k.year - rq.anchor)::numeric / rq.period_years)::int AS period_start
                  FROM keys k
             LEFT JOIN required rq ON rq.employee_id = k.employee_id
            ), paced AS (
                SELECT p.*,
                       COALESCE(p.hours, 0)
                           * LEAST(GREATEST((%(this_year)s - p.period_start) * 12 + %(months_past)s, 0),
                                   p.period_years * 12)
                           / (p.period_years * 12) AS pace_hours
                  FROM periods p
            ), counted AS (
                SELECT p.employee_id, p.year,
                       CASE WHEN p.requirement_id IS NULL
                            THEN MAX(CASE WHEN dp.year = p.year THEN dp.hours END)
                            WHEN p.concentrated_only THEN SUM(dp.concentrated_hours)
                            ELSE SUM(dp.hours) END AS hours
                  FROM periods p
                  JOIN done dp
                    ON dp.employee_id = p.employee_id
                   AND dp.year BETWEEN COALESCE(p.period_start, p.year)
                                   AND COALESCE(p.period_start + p.period_years - 1, p.year)
              GROUP BY p.employee_id, p.year, p.requirement_id, p.concentrated_only
            )
            SELECT p.employee_id::bigint * 10000 + p.year AS id,
                   p.employee_id,
                   e.department_id,
                   e.study_level_id AS level_id,
                   p.year,
                   p.requirement_id,
                   p.period_start,
                   p.period_start + p.period_years - 1 AS period_end,
                   CASE WHEN p.period_years > 1
                        THEN p.period_start || '–' || (p.period_start + p.period_years - 1)
                        ELSE p.year::text END AS period_label,
                   COALESCE(p.hours, 0) AS required_hours,
                   COALESCE(d.hours, 0) AS done_hours,
                   COALESCE(c.hours, 0) AS counted_hours,
                   GREATEST(COALESCE(p.hours, 0) - COALESCE(c.hours, 0), 0) AS missing_hours,
                   CASE WHEN COALESCE(p.hours, 0) > 0
                        THEN LEAST(ROUND((100 * COALESCE(c.hours, 0) / p.hours)::numeric, 1), 100)
                        ELSE 100 END AS progress,
                   COALESCE(d.sessions, 0) AS session_count,
                   COALESCE(c.hours, 0) >= COALESCE(p.hours, 0) AS compliant,
                   COALESCE(p.pace_hours, 0) AS pace_hours,
                   COALESCE(c.hours, 0) < COALESCE(p.pace_hours, 0) AS behind,
                   1 AS person_count,
                   CASE WHEN COALESCE(c.hours, 0) >= COALESCE(p.hours, 0) THEN 1 ELSE 0 END
                       AS compliant_count,
                   CASE WHEN COALESCE(c.hours, 0) >= COALESCE(p.hours, 0) THEN 100 ELSE 0 END
                       AS compliance_rate,
                   COALESCE(p.service_count, 0) AS service_required,
                   COALESCE(sv.services, 0) AS service_done,
                   COALESCE(sv.services, 0) >= COALESCE(p.service_count, 0) AS service_compliant
              FROM paced p
              JOIN hr_employee e ON e.id = p.employee_id
         LEFT JOIN done d ON d.employee_id = p.employee_id AND d.year = p.year
         LEFT JOIN counted c ON c.employee_id = p.employee_id AND c.year = p.year
         LEFT JOIN services sv ON sv.employee_id = p.employee_id AND sv.year = p.year
            """,
            tz=tz,
            this_year=today.year,
            months_past=today.month - 1,
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
