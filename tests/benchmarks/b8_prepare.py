"""B8 and B9 in the benchmark process: the plan of the simulated users (B6's plan, plus the
person searches and the report they print), PostgreSQL's own counters on the primary and on
the replica, and, after the run, every write checked in the database."""

import b6_prepare
from psycopg2 import connect

# The report the users print: the party member register of a few members (a qweb-pdf report
# rendered by wkhtmltopdf through /report/pdf/, a read-only route in Odoo 18).
REPORT = "org_grassroots.report_member_register"
REPORT_MEMBERS = 3
SEARCHES = 40


def prepare(bench, user_count):
    """B6's plan for ``user_count`` users, with the person searches and the report."""
    plan = b6_prepare.prepare(bench, user_count)
    env = bench.env
    # A note is posted as its author's partner: Odoo refuses an author without an e-mail.
    for officer in bench.zone.officers[:user_count]:
        if not officer.email:
            officer.email = f"{officer.login}@bench.invalid"
    searches = []
    members = env["org.party.member"].search([], limit=SEARCHES, order="id desc")
    for member in members:
        # What a secretary types: part of a name, its pinyin initials, or the number's tail.
        searches.append(member.name[-2:])
        if member.name_pinyin:
            searches.append(member.name_pinyin.split()[-1])
    plan["searches"] = searches or ["张"]
    plan["search_model"] = "org.party.member"
    plan["search_spec"] = {"display_name": {}, "organization_id": {"fields": {"display_name": {}}}}
    plan["report"] = {"name": REPORT, "ids": members[:REPORT_MEMBERS].ids}
    return plan


def db_counters(socket_dir, port, db):
    """PostgreSQL's own counters of ``db`` on one server (pg_stat_database): transactions and
    rows read. On a standby they count the queries the standby answered."""
    with connect(host=socket_dir, port=port, dbname=db) as conn, conn.cursor() as cr:
        cr.execute("SELECT pg_stat_clear_snapshot()")
        cr.execute(
            """SELECT xact_commit + xact_rollback, tup_returned + tup_fetched
               FROM pg_stat_database WHERE datname = %s""",
            [db],
        )
        transactions, rows = cr.fetchone()
    conn.close()
    return {"transactions": int(transactions), "rows": int(rows)}


def replica_share(before, after):
    """``before``/``after``: ``{"primary": counters, "replica": counters}``; the replica's share
    of the transactions and of the rows read between the two."""
    delta = {
        server: {key: after[server][key] - before[server][key] for key in after[server]}
        for server in ("primary", "replica")
    }
    share = {}
    for key in ("transactions", "rows"):
        total = delta["primary"][key] + delta["replica"][key]
        share[key] = delta["replica"][key] / total if total else 0.0
    return share, delta


def check_writes(env, log):
    """Every write the users made, in the database exactly once. ``log``: the load client's
    ``{card: [[field, value, "ok" or "uncertain"], ...]}`` in the order of the writes; a write
    that failed (an error the user saw) may or may not be in the database, but not twice.
    Returns (lost, duplicated, checked): lists of descriptions, and the number of writes."""
    lost, duplicated = [], []
    markers = {"name": {}, "note": {}}  # marker: status
    for entries in log.values():
        for field, value, status in entries:
            if field in markers:
                markers[field][value] = status
    cr = env.cr
    counts = {"name": {}, "note": {}}
    card_ids = [int(card) for card in log]
    if markers["name"]:
        # Each name a user gave a card is one tracking value (project.task's name is tracked).
        field = env["ir.model.fields"]._get("project.task", "name")
        cr.execute(
            """SELECT value.new_value_char, count(*)
               FROM mail_tracking_value value JOIN mail_message message ON message.id = value.mail_message_id
               WHERE value.field_id = %s AND value.new_value_char = ANY(%s)
                 AND message.model = 'project.task' AND message.res_id = ANY(%s)
               GROUP BY value.new_value_char""",
            [field.id, list(markers["name"]), card_ids],
        )
        counts["name"] = dict(cr.fetchall())
    if markers["note"]:
        cr.execute(
            """SELECT substring(body FROM '压测留言 [A-Z0-9]+ u[0-9]+ n[0-9]+'), count(*) FROM mail_message
               WHERE model = 'project.task' AND res_id = ANY(%s) AND body LIKE %s GROUP BY 1""",
            [card_ids, "%压测留言 %"],
        )
        counts["note"] = dict(cr.fetchall())
    for kind, statuses in markers.items():
        for marker, status in statuses.items():
            found = counts[kind].get(marker, 0)
            if found == 0 and status == "ok":
                lost.append(f"{kind} {marker}: not in the database")
            elif found > 1:
                duplicated.append(f"{kind} {marker}: {found} times")
    # The card's last name and stage: the last acknowledged value, or one of the failed
    # writes after it (which may have been committed).
    cards = env["project.task"].browse([int(card) for card in log])
    cards.fetch(["name", "stage_id"])
    for card in cards:
        for field in ("name", "stage_id"):
            accepted = []
            for entry_field, value, status in reversed(log[str(card.id)]):
                if entry_field != field:
                    continue
                accepted.append(value)
                if status == "ok":
                    break
            got = card.name if field == "name" else card.stage_id.id
            if accepted and got not in accepted:
                lost.append(f"card {card.id} {field}: {got!r}, expected one of {accepted!r}")
    checked = sum(len(entries) for entries in log.values())
    return lost, duplicated, checked
