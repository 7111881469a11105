from odoo import api, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.model
    def _org_schedule_batch(self, activity_type, plans, *, automated=False, notify=False, skip_existing=True):
        """Schedule one activity per plan, all in one ``create``: the platform's batch reminders.

        ``activity_type``: a ``mail.activity.type`` record or its xml id. ``plans``: an iterable of
        ``(record, values)``: the record the activity is on (any model with activities) and the
        activity's values (``user_id``, ``date_deadline``, ``summary``, ``note`` ...). A plan
        without ``user_id`` is left out (nobody to remind). ``automated`` marks the activities as
        the system's (shown so in the chatter). Without ``notify`` nobody gets an assignment
        e-mail per activity (``mail_activity_quick_update``): the reminder shows in the person's
        activities, and a batch costs the same queries as one reminder. With ``skip_existing``
        a plan is left out when its record already has an open activity of the type for the same
        user (one search for the whole batch), as is a second plan for the same record and user.

        Runs with the caller's rights: a cron runs as its user, an officer's action uses
        ``sudo()`` when the reminded person is someone else. Returns the activities created.
        """
        if isinstance(activity_type, str):
            activity_type = self.env.ref(activity_type)
        plans = [(record, values) for record, values in plans if values.get("user_id")]
        existing = set()
        if skip_existing and plans:
            existing = self._org_scheduled(activity_type, [record for record, _values in plans])
        vals_list = []
        for record, values in plans:
            key = (record, values["user_id"])
            if skip_existing:
                if key in existing:
                    continue
                existing.add(key)
            vals_list.append(
                {
                    **values,
                    "res_model_id": self.env["ir.model"]._get_id(record._name),
                    "res_id": record.id,
                    "activity_type_id": activity_type.id,
                    "automated": automated,
                }
            )
        if not vals_list:
            return self.browse()
        activities = self if notify else self.with_context(mail_activity_quick_update=True)
        return activities.create(vals_list)

    @api.model
    def _org_scheduled(self, activity_type, records):
        """Who already has an open activity of ``activity_type`` on which of ``records`` (any
        models, a recordset or a list of records), in one search: a set of ``(record, user id)``.
        For a cron that must leave the reminded out before it cuts its batch."""
        by_model = {}
        for record in records:
            by_model.setdefault(record._name, set()).update(record.ids)
        if not by_model:
            return set()
        domain = [("activity_type_id", "=", activity_type.id), *["|"] * (len(by_model) - 1)]
        for model, ids in by_model.items():
            domain += ["&", ("res_model", "=", model), ("res_id", "in", list(ids))]
        return {
            (self.env[activity.res_model].browse(activity.res_id), activity.user_id.id)
            for activity in self.search(domain)
        }
