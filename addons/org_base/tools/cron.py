"""Cron batches: how many records one run of a cron handles."""

# As many rows as the ORM inserts per INSERT statement (100 in Odoo 18.0), so that a batch of
# reminders costs the same queries for 10 records as for 10,000. A cron handles one batch per
# call and tells ``ir.cron`` what is left with ``_notify_progress(done=..., remaining=...)``:
# the cron worker then calls it again, in its own transaction, until nothing is left. A cron
# searches one record more than its batch to know whether any wait, without counting them
# (``remaining`` is then 1 while some wait: all the cron worker needs).
BATCH_SIZE = 100
