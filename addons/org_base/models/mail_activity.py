from odoo import Command, api, models


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
        # Each activity stores its record's name, which mail reads record by record: read them
        # together first.
        by_model = {}
        for record, _values in plans:
            by_model.setdefault(record._name, set()).add(record.id)
        for model, ids in by_model.items():
            self.env[model].browse(ids).mapped("display_name")
        # mail subscribes the reminded as followers of the records one person at a time; the
        # batch subscribes them all at once instead (``_org_follow_assigned``).
        created = activities.with_context(org_followers_batched=True).create(vals_list)
        self._org_follow_assigned(created)
        return created.with_context(org_followers_batched=False)

    @api.model
    def _org_follow_assigned(self, activities):
        """Make each activity's user follow the activity's record, as mail does when an
        activity is assigned (default subtypes, an existing follower left as is), in one search
        and one create per model whatever the number of people."""
        Followers = self.env["mail.followers"].sudo()
        for res_model, model_activities in activities.filtered("user_id").grouped("res_model").items():
            pairs = {(activity.res_id, activity.user_id.partner_id.id) for activity in model_activities}
            # One recordset, so that the partners are read together.
            partners = {
                partner.id: partner
                for partner in self.env["res.partner"]
                .sudo()
                .browse({partner_id for _res_id, partner_id in pairs})
            }
            existing = {
                (follower.res_id, follower.partner_id.id)
                for follower in Followers.search(
                    [
                        ("res_model", "=", res_model),
                        ("res_id", "in", list({res_id for res_id, _partner_id in pairs})),
                        ("partner_id", "in", list(partners)),
                    ]
                )
            }
            default, _internal, external = self.env["mail.message.subtype"].default_subtypes(res_model)
            Followers.create(
                [
                    {
                        "res_model": res_model,
                        "res_id": res_id,
                        "partner_id": partner_id,
                        "subtype_ids": [
                            Command.set((external if partners[partner_id].partner_share else default).ids)
                        ],
                    }
                    for res_id, partner_id in sorted(pairs - existing)
                    if partners[partner_id].active
                ]
            )

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
