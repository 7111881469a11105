from markupsafe import Markup

from odoo import Command, api, models
from odoo.tools.mail import generate_tracking_message_id


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
        # mail notifies the assigned one activity at a time (``action_notify``: a message_notify
        # each); the batch notifies them all at once (``_org_notify_assigned``).
        activities = self.with_context(mail_activity_quick_update=True)
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
        if notify:
            self._org_notify_assigned(created)
        return created.with_context(org_followers_batched=False)

    @api.model
    def _org_notify_assigned(self, activities):
        """Tell each activity's user that the activity is assigned to them, as mail's
        ``action_notify`` does (a user notification on the activity's record, addressed to the
        user alone, and not when the user assigns themself), for the whole batch in one create
        of messages, of notifications and of e-mails, whatever the number of people.

        Each user's preference (``res.users.notification_type``, as mail's
        ``_notify_get_recipients`` reads it) is kept: 'inbox' gets an inbox notification (a
        ``mail.notification`` of type inbox, shown in Discuss' inbox when the user opens the
        client), 'email' an e-mail (a ``mail.mail`` in the outgoing queue, which mail's mail
        queue cron sends, and its ``mail.notification`` of type email). Each text is in the
        user's language."""
        activities = activities.filtered(
            lambda activity: activity.user_id and activity.user_id != self.env.user
        )
        if not activities:
            return self.env["mail.message"]
        author = self.env.user.partner_id
        email_from = author.email_formatted or self.env.company.partner_id.email_formatted
        note = self.env.ref("mail.mt_note")
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        message_values = []
        for activity in activities:
            user = activity.user_id
            env = activity.with_context(lang=user.lang or self.env.lang).env
            model_description = env[activity.res_model]._description
            summary = activity.summary or activity.activity_type_id.with_env(env).name
            body = Markup(
                "<div><p>%(dear)s</p><p>%(assigned)s</p><ul><li>%(document)s</li>"
                "<li>%(summary)s</li><li>%(deadline)s</li></ul></div>"
            ) % {
                "dear": env._("Dear %(name)s,", name=user.name),
                "assigned": env._(
                    "%(author)s has just assigned you the following activity:",
                    author=activity.create_uid.name or author.name,
                ),
                "document": env._(
                    "Document: “%(document)s” (%(model)s)",
                    document=activity.res_name,
                    model=model_description,
                ),
                "summary": env._("Summary: %(summary)s", summary=summary),
                "deadline": env._("Deadline: %(date)s", date=activity.date_deadline),
            }
            message_values.append(
                {
                    "author_id": author.id,
                    "email_from": email_from,
                    "reply_to": email_from,
                    "model": activity.res_model,
                    "res_id": activity.res_id,
                    "record_name": activity.res_name,
                    "body": body,
                    "is_internal": True,
                    "message_type": "user_notification",
                    "subject": env._(
                        "“%(activity)s: %(summary)s” assigned to you",
                        activity=activity.res_name,
                        summary=summary,
                    ),
                    "subtype_id": note.id,
                    "message_id": generate_tracking_message_id("message-notify"),
                    "partner_ids": [Command.link(user.partner_id.id)],
                }
            )
        # sudo: notifying the assigned is the purpose of this method (as mail's message_notify)
        messages = self.env["mail.message"].sudo().create(message_values)
        by_email = [
            (message, activity)
            for message, activity in zip(messages, activities, strict=True)
            if activity.user_id.notification_type == "email"
        ]
        mails = (
            self.env["mail.mail"]
            .sudo()
            .create(
                [
                    {
                        "mail_message_id": message.id,
                        "body_html": message.body
                        + Markup('<p><a href="%s/mail/view?model=%s&amp;res_id=%s">%s</a></p>')
                        % (
                            base_url,
                            activity.res_model,
                            activity.res_id,
                            activity.with_context(lang=activity.user_id.lang or self.env.lang).env._("View"),
                        ),
                        "recipient_ids": [Command.link(activity.user_id.partner_id.id)],
                        "auto_delete": True,
                        "is_notification": True,
                        "state": "outgoing",
                    }
                    for message, activity in by_email
                ]
            )
        )
        mail_of = {mail.mail_message_id.id: mail.id for mail in mails}
        self.env["mail.notification"].sudo().create(
            [
                {
                    "author_id": author.id,
                    "mail_message_id": message.id,
                    "res_partner_id": activity.user_id.partner_id.id,
                    **(
                        {
                            "notification_type": "email",
                            "mail_mail_id": mail_of[message.id],
                            "notification_status": "ready",
                            "is_read": True,
                        }
                        if message.id in mail_of
                        else {"notification_type": "inbox", "notification_status": "sent"}
                    ),
                }
                for message, activity in zip(messages, activities, strict=True)
            ]
        )
        return messages

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
