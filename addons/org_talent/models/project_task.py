from datetime import time, timedelta

from odoo import api, fields, models

from odoo.addons.org_base.tools.cron import BATCH_SIZE


class ProjectTask(models.Model):
    """A talent service request (人才服务) is a card of the 人才服务 board."""

    _inherit = "project.task"

    org_talent_id = fields.Many2one(
        "org.talent", string="Talent", index="btree_not_null", ondelete="restrict", tracking=True
    )
    org_talent_service_type_id = fields.Many2one(
        "org.talent.service.type",
        string="Service Type",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )
    org_talent_sla_breached = fields.Boolean(
        string="Service Level Missed",
        readonly=True,
        copy=False,
        help="Set when the request passed its service-level deadline while still open.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        service_types = self.env["org.talent.service.type"].browse(
            {
                vals["org_talent_service_type_id"]
                for vals in vals_list
                if vals.get("org_talent_service_type_id")
            }
        )
        by_id = {service_type.id: service_type for service_type in service_types}
        now = fields.Datetime.now()
        for vals in vals_list:
            service_type = by_id.get(vals.get("org_talent_service_type_id"))
            if not service_type:
                continue
            if not vals.get("date_deadline"):
                vals["date_deadline"] = self._org_talent_deadline(now, service_type)
            if service_type.user_id and not vals.get("user_ids") and not vals.get("org_responsible_user_id"):
                vals["org_responsible_user_id"] = service_type.user_id.id
                vals["user_ids"] = [(4, service_type.user_id.id)]
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("org_talent_service_type_id") and "date_deadline" not in vals:
            service_type = self.env["org.talent.service.type"].browse(vals["org_talent_service_type_id"])
            for task in self:
                super(ProjectTask, task).write(
                    {
                        "date_deadline": self._org_talent_deadline(
                            task.create_date or fields.Datetime.now(), service_type
                        )
                    }
                )
        return super().write(vals)

    @api.model
    def _org_talent_deadline(self, start, service_type):
        """The end of the service-level day (17:00 where the office is, as the deadline light
        reads it): ``sla_days`` after the day of ``start`` (UTC), in UTC."""
        company = self.env.company
        day = company._org_office_date(start) + timedelta(days=service_type.sla_days)
        return company._org_office_datetime(day, time(17, 0))

    def _org_satisfaction_person(self):
        # 人才服务: the talent rates the service when the request closes.
        return self.org_talent_id.name or super()._org_satisfaction_person()

    @api.model
    def _cron_talent_service_sla(self, batch_size=BATCH_SIZE):
        """Daily: open talent service requests past their service-level deadline are marked
        as missed (kept after closing, for the service statistics) with a note in the
        chatter; org_checklist's overdue cron reminds the handler. Idempotent and batched: a
        run marks one batch and tells the cron how many wait (``_notify_progress``)."""
        found = self.search(
            [
                ("org_talent_service_type_id", "!=", False),
                ("org_talent_sla_breached", "=", False),
                ("org_is_closed", "=", False),
                ("date_deadline", "<", fields.Datetime.now()),
            ],
            limit=batch_size + 1,
            order="date_deadline, id",
        )
        late = found[:batch_size]
        if not late:
            return late
        late.write({"org_talent_sla_breached": True})
        late._message_log_batch(
            bodies={
                task.id: self.env._(
                    "Service level missed: %(type)s requests are handled within %(days)s days; "
                    "the deadline was %(date)s.",
                    type=task.org_talent_service_type_id.name,
                    days=task.org_talent_service_type_id.sla_days,
                    date=task.date_deadline.date(),
                )
                for task in late
            }
        )
        self.env["ir.cron"]._notify_progress(done=len(late), remaining=len(found) - len(late))
        return late
