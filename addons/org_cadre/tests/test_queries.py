from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.org_base.tests.common import cron_progress

from .common import CadreCommon, resident_id

SMALL, LARGE = 4, 24


@tagged("post_install", "-at_install")
class TestQueryCounts(CadreCommon):
    """Each cron and each first page issue the same number of queries whatever the volume."""

    def _count(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        result = function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - start, result

    def _assert_flat(self, make, run, done):
        """``make(size)`` makes ``size`` records to work on and returns them; ``run()`` is
        the cron or the page; ``done(records, result)`` counts the records it handled (marked,
        flagged, listed): each run must have handled every record made, or it measured
        nothing."""
        counts = []
        # A first run of size 1 warms the caches (groups, models, views) up.
        for size in (1, SMALL, LARGE):
            with self.env.cr.savepoint() as savepoint:
                records = make(size)
                count, result = self._count(run)
                counts.append(count)
                self.env.invalidate_all()
                self.assertEqual(done(records, result), size, f"the run handled every record of {size}")
                savepoint.rollback()
            self.env.invalidate_all()
        self.assertLessEqual(abs(counts[2] - counts[1]), 2, counts)
        return counts

    def _assert_batched(self, make, cron, done):
        """The cron over 2 and over 12 records due, with batches of 2 (and the ORM's INSERT and
        UPDATE statements of 2 rows, as 100 rows are at the real size): each run handles one
        batch, costs the same queries, however many records wait, and tells the cron worker
        whether some wait."""
        counts = []
        cron_record = self.env["ir.cron"].search(
            [("model_id.model", "=", cron.__self__._name), ("code", "ilike", cron.__name__)]
        )
        self.assertEqual(len(cron_record), 1, cron.__name__)
        with (
            patch("odoo.models.INSERT_BATCH_SIZE", 2),
            patch("odoo.models.UPDATE_BATCH_SIZE", 2),
        ):
            # A first run warms the caches (groups, models, views) up.
            for size in (2, 2, 12):
                with self.env.cr.savepoint() as savepoint:
                    records = make(size)
                    progress = self.env["ir.cron.progress"].create({"cron_id": cron_record.id})
                    run = getattr(cron.__self__.with_context(ir_cron_progress_id=progress.id), cron.__name__)
                    count, result = self._count(lambda run=run: run(batch_size=2))
                    counts.append(count)
                    self.env.invalidate_all()
                    self.assertEqual(done(records, result), 2, f"one batch of the {size} records handled")
                    # The cron worker is told whether records wait (it then runs the cron again).
                    self.assertEqual((progress.done, bool(progress.remaining)), (2, size > 2))
                    savepoint.rollback()
                self.env.invalidate_all()
        self.assertEqual(counts[1], counts[2], counts)
        return counts

    def _marked(self, field_name, value=True):
        """done(): how many of the records have ``field_name`` at ``value``."""

        def done(records, _result):
            return records.search_count([("id", "in", records.ids), (field_name, "=", value)])

        return done

    def _cadres(self, size, offset=0):
        return self.env["hr.employee"].create(
            [
                {
                    "name": f"测试批量干部{offset + i}",
                    "is_cadre": True,
                    "identification_id": resident_id(birth="19900101", order=100 + offset + i),
                    "cadre_rank_id": self.env.ref("org_base.rank_l10").id,
                }
                for i in range(size)
            ]
        )

    def _appointments(self, size, **vals):
        return self.env["org.cadre.appointment"].create(
            [{"name": f"岗位{i}", "employee_ids": [(6, 0, self.cadre.ids)], **vals} for i in range(size)]
        )

    def _assert_flat_and_batched(self, make, cron, done):
        """The cron costs the same queries at both sizes in one run (``_assert_flat``) and, in
        batches, the same queries per batch however many records wait (``_assert_batched``)."""
        self._assert_flat(make, cron, done)
        self._assert_batched(make, cron, done)

    def _due_appointments(self, size, sql):
        appointments = self._appointments(size, user_id=self.user_officer.id)
        self.env.flush_all()
        self.env.cr.execute(
            f"UPDATE org_cadre_appointment SET {sql} WHERE id IN %s", [tuple(appointments.ids)]
        )
        self.env.invalidate_all()
        return appointments

    def _supervisions(self, size, kind, date):
        return self.env["org.cadre.supervision"].create(
            [
                {
                    "employee_id": self.cadre.id,
                    "kind": kind,
                    "date": date,
                    "reason": "x",
                    "handler_id": self.user_officer.id,
                }
            ]
            * size
        )

    def test_cron_publicity_end(self):
        def make(size):
            return self._due_appointments(size, "state = 'publicity', date_publicity_end = '2024-05-06'")

        with freeze_time("2024-05-07"):
            self._assert_flat_and_batched(
                make,
                self.env["org.cadre.appointment"]._cron_publicity_end,
                self._marked("publicity_end_notified"),
            )

    def test_cron_probation_end(self):
        def make(size):
            return self._due_appointments(
                size, "state = 'appointed', has_probation = TRUE, date_probation_end = '2024-05-06'"
            )

        with freeze_time("2024-05-07"):
            self._assert_flat_and_batched(
                make,
                self.env["org.cadre.appointment"]._cron_probation_end,
                self._marked("probation_end_notified"),
            )

    def test_cron_inquiry_reply_due(self):
        with freeze_time("2024-05-07"):
            self._assert_flat_and_batched(
                lambda size: self._supervisions(size, "inquiry", "2024-01-02"),
                self.env["org.cadre.supervision"]._cron_inquiry_reply_due,
                self._marked("reply_due_notified"),
            )

    def test_cron_supervision_effect_end(self):
        with freeze_time("2024-05-07"):
            self._assert_flat_and_batched(
                lambda size: self._supervisions(size, "admonishment", "2023-01-02"),
                self.env["org.cadre.supervision"]._cron_effect_end,
                self._marked("is_effective", False),
            )

    def test_cron_yellow_light_review(self):
        def make(size):
            cadres = self._cadres(size)
            # A first yellow light already reviewed, then the one due: two in the window (as
            # the adjustment suggestion counts them).
            self.env["org.cadre.incentive"].create(
                [
                    {"employee_id": cadre.id, "kind": "yellow_light", "date": "2023-01-02", "reason": "x"}
                    for cadre in cadres
                ]
            ).write({"review_notified": True})
            return self.env["org.cadre.incentive"].create(
                [
                    {
                        "employee_id": cadre.id,
                        "kind": "yellow_light",
                        "date": "2024-01-02",
                        "reason": "x",
                        "user_id": self.user_officer.id,
                    }
                    for cadre in cadres
                ]
            )

        with freeze_time("2024-05-07"):
            self._assert_flat_and_batched(
                make,
                self.env["org.cadre.incentive"]._cron_yellow_light_review,
                self._marked("review_notified"),
            )

    def test_cron_young_cadres(self):
        def make(size):
            # Young cadres whose flag is stale (as when a rule or a rank changed without the
            # recompute): the daily cron has them all to flag.
            cadres = self._cadres(size)
            self.env.flush_all()
            self.env.cr.execute(
                "UPDATE hr_employee SET is_young_cadre = FALSE WHERE id IN %s", [tuple(cadres.ids)]
            )
            self.env.invalidate_all()
            return cadres

        with freeze_time("2024-05-07"):
            self._assert_flat_and_batched(
                make, self.env["hr.employee"]._cron_recompute_young_cadres, self._marked("is_young_cadre")
            )

    def test_young_rules_read_in_one_query(self):
        """The age limits by rank, which the young-cadre cron and flag read, cost the same for
        2 rules as for 12: one grouped query (B2 grew the rules to 10,000: a search, then their
        ranks read per 1,000)."""
        Rule = self.env["org.cadre.young.rule"]
        rank = self.env["org.dictionary.item"].search([("dictionary_code", "=", "rank")], limit=1)
        counts = []
        for size in (2, 12):
            with self.env.cr.savepoint() as savepoint:
                Rule.create(
                    [
                        {"name": f"计数规则{index}", "max_age": 60 + index, "rank_ids": [(6, 0, rank.ids)]}
                        for index in range(size)
                    ]
                )
                count, limits = self._count(Rule._age_limits_by_rank)
                counts.append(count)
                self.assertEqual(limits[rank.id], 59 + size, "the highest limit of the rank's rules")
                savepoint.rollback()
        self.assertEqual(counts, [1, 1], "one grouped query, whatever the number of rules")

    def _run_to_end(self, cron, cron_xmlid):
        """The cron called again while it tells that records wait, as the cron worker does."""
        runs = 0
        while True:
            runs += 1
            progress = cron_progress(self.env, cron_xmlid)
            getattr(cron.__self__.with_context(ir_cron_progress_id=progress.id), cron.__name__)(batch_size=2)
            if not progress.remaining:
                return runs
            self.assertLess(runs, 10, "the cron ends")

    def test_cron_batches_run_to_the_end(self):
        supervisions = self.env["org.cadre.supervision"].create(
            [{"employee_id": self.cadre.id, "kind": "admonishment", "date": "2023-01-02", "reason": "x"}] * 5
        )
        appointments = self._due_appointments(5, "state = 'publicity', date_publicity_end = '2024-05-06'")
        with freeze_time("2024-05-07"):
            self.assertEqual(
                self._run_to_end(
                    self.env["org.cadre.supervision"]._cron_effect_end,
                    "org_cadre.ir_cron_supervision_effect_end",
                ),
                3,
            )
            self.assertEqual(
                self._run_to_end(
                    self.env["org.cadre.appointment"]._cron_publicity_end, "org_cadre.ir_cron_publicity_end"
                ),
                3,
            )
        self.assertFalse(any(supervisions.mapped("is_effective")))
        self.assertTrue(all(appointments.mapped("publicity_end_notified")))
        # One reminder each for the responsible person, none twice.
        self.assertEqual(
            [(len(a.activity_ids), a.activity_ids.user_id) for a in appointments],
            [(1, self.user_officer)] * 5,
        )

    def test_dossier_list_first_page(self):
        view = self.env.ref("org_cadre.hr_employee_cadre_view_list")
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        spec = {
            name: {}
            for name in (
                "name",
                "cadre_gender",
                "cadre_birth_month",
                "cadre_age",
                "cadre_native_place",
                "cadre_current_post",
                "cadre_current_post_date",
                "is_young_cadre",
                "cadre_completeness",
            )
        }
        spec.update(
            {
                "cadre_ethnicity_id": {"fields": {"display_name": {}}},
                "cadre_fulltime_education_id": {"fields": {"display_name": {}}},
                "department_id": {"fields": {"display_name": {}}},
                "cadre_rank_id": {"fields": {"display_name": {}}},
            }
        )
        # The fields read are those of the cadre list view.
        view_fields = set(Employee.get_view(view.id, "list")["arch"].split('name="')[1:])
        for name in spec:
            self.assertTrue(any(item.startswith(f'{name}"') for item in view_fields), name)

        def run():
            return Employee.web_search_read([("is_cadre", "=", True)], spec, limit=80)

        def listed(cadres, result):
            return len({record["id"] for record in result["records"]} & set(cadres.ids))

        self._assert_flat(self._cadres, run, listed)

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
            return Appointment.web_search_read([("state", "=", "analysis")], spec, limit=40)

        def listed(appointments, result):
            return len({record["id"] for record in result["records"]} & set(appointments.ids))

        self._assert_flat(self._appointments, run, listed)
