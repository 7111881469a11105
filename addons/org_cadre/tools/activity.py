"""Reminders as mail.activity records, created in one batch for many records."""


def schedule_todo(records, summary, user_ids, date_deadline):
    """One to-do activity per record; ``user_ids`` maps a record id to the user to remind."""
    if not records:
        return records.env["mail.activity"]
    env = records.env
    activity_type = env.ref("mail.mail_activity_data_todo")
    model_id = env["ir.model"]._get_id(records._name)
    return (
        env["mail.activity"]
        .sudo()
        .with_context(mail_activity_quick_update=True)
        .create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary,
                    "date_deadline": date_deadline,
                    "user_id": user_ids.get(record.id) or env.uid,
                }
                for record in records
            ]
        )
    )
