from freezegun import freeze_time

from odoo.tests import tagged

from .common import CadreCommon, resident_id

SMALL, LARGE = 4, 24


@tagged("post_install", "-at_install")
class TestQueryCounts(CadreCommon):
    """Each cron and each first page issue the same number of queries whatever the volume."""

    def _count(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - start

    def _assert_flat(self, make, run):
        counts = []
        # A first run of size 1 warms the caches (groups, models, views) up.
        for size in (1, SMALL, LARGE):
            with self.env.cr.savepoint() as savepoint:
                make(size)
                counts.append(self._count(run))
                savepoint.rollback()
            self.env.invalidate_all()
        self.assertLessEqual(abs(counts[2] - counts[1]), 2, counts)
        return counts

    def _cadres(self, size, offset=0):
        return self.env["hr.employee"].create(
            [
                {
                    "name": f"测试批量干部{offset + i}",
                    "is_cadre": True,
                    "identification_id": resident_id(order=100 + offset + i),
                    "birthday": "1990-01-01",
                    "cadre_rank_id": self.env.ref("org_base.rank_l10").id,
                }
                for i in range(size)
            ]
        )

    def _appointments(self, size, **vals):
        return self.env["org.cadre.appointment"].create(
            [{"name": f"岗位{i}", "employee_ids": [(6, 0, self.cadre.ids)], **vals} for i in range(size)]
        )

    def test_cron_publicity_end(self):
        def make(size):
            appointments = self._appointments(size)
            self.env.cr.execute(
                "UPDATE org_cadre_appointment SET state = 'publicity', date_publicity_end = '2024-05-06' "
                "WHERE id IN %s",
                [tuple(appointments.ids)],
            )

        with freeze_time("2024-05-07"):
            self._assert_flat(make, self.env["org.cadre.appointment"]._cron_publicity_end)

    def test_cron_probation_end(self):
        def make(size):
            appointments = self._appointments(size)
            self.env.cr.execute(
                "UPDATE org_cadre_appointment SET state = 'appointed', date_probation_end = '2024-05-06' "
                "WHERE id IN %s",
                [tuple(appointments.ids)],
            )

        with freeze_time("2024-05-07"):
            self._assert_flat(make, self.env["org.cadre.appointment"]._cron_probation_end)

    def test_cron_inquiry_reply_due(self):
        def make(size):
            self.env["org.cadre.supervision"].create(
                [{"employee_id": self.cadre.id, "kind": "inquiry", "date": "2024-01-02", "reason": "x"}]
                * size
            )

        with freeze_time("2024-05-07"):
            self._assert_flat(make, self.env["org.cadre.supervision"]._cron_inquiry_reply_due)

    def test_cron_supervision_effect_end(self):
        def make(size):
            self.env["org.cadre.supervision"].create(
                [{"employee_id": self.cadre.id, "kind": "admonishment", "date": "2023-01-02", "reason": "x"}]
                * size
            )

        with freeze_time("2024-05-07"):
            self._assert_flat(make, self.env["org.cadre.supervision"]._cron_effect_end)

    def test_cron_yellow_light_review(self):
        def make(size):
            cadres = self._cadres(size)
            self.env["org.cadre.incentive"].create(
                [
                    {"employee_id": cadre.id, "kind": "yellow_light", "date": date, "reason": "x"}
                    for cadre in cadres
                    for date in ("2024-01-02", "2024-02-02")
                ]
            )

        with freeze_time("2024-05-07"):
            self._assert_flat(make, self.env["org.cadre.incentive"]._cron_yellow_light_review)

    def test_cron_young_cadres(self):
        with freeze_time("2024-05-07"):
            self._assert_flat(self._cadres, self.env["hr.employee"]._cron_recompute_young_cadres)

    def test_dossier_list_first_page(self):
        view = self.env.ref("org_cadre.hr_employee_cadre_view_list")
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        spec = {
            name: {}
            for name in (
                "name",
                "identification_id",
                "gender",
                "birthday",
                "cadre_current_post",
                "is_young_cadre",
                "cadre_completeness",
            )
        }
        spec.update(
            {
                "department_id": {"fields": {"display_name": {}}},
                "cadre_rank_id": {"fields": {"display_name": {}}},
            }
        )
        self.assertTrue(view)

        def run():
            Employee.web_search_read([("is_cadre", "=", True)], spec, limit=80)

        self._assert_flat(self._cadres, run)

    def test_appointment_kanban_first_page(self):
        Appointment = self.env["org.cadre.appointment"].with_user(self.user_officer)
        spec = {
            "name": {},
            "reference": {},
            "state": {},
            "date_publicity_end": {},
            "checklist_progress": {},
            "activity_state": {},
            "department_id": {"fields": {"display_name": {}}},
            "user_id": {"fields": {"display_name": {}}},
            "employee_ids": {"fields": {"display_name": {}}},
            "activity_ids": {},
        }

        def run():
            Appointment.web_read_group([], ["state"], ["state"])
            Appointment.web_search_read([("state", "=", "analysis")], spec, limit=40)

        self._assert_flat(self._appointments, run)
