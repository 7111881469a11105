"""B10 (opt-in: bin/bench B10): 300 party members sign in to one meeting with the QR code's link
within 60 s, on Odoo with config/odoo-bench.conf (2 workers). Each simulated member (a portal
account of its own, its own phone: a session and cookies of its own) logs in, opens the sign-in
page (GET) and taps 签到 (POST). Afterwards the database must hold exactly one sign-in per member,
no duplicate, every member among the meeting's attendees and one audit row per sign-in."""

import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
from datetime import timedelta

import zone as zone_module

from odoo import Command, fields
from odoo.tools import config

_logger = logging.getLogger("org_bench")
HERE = os.path.dirname(os.path.abspath(__file__))
B10_MEMBERS = int(os.environ.get("ORG_BENCH_B10_MEMBERS", 300))
B10_SECONDS = int(os.environ.get("ORG_BENCH_B10_SECONDS", 60))
# Each member logs in on arrival, inside the 60 s, instead of before (see b10_load.py).
B10_LOGIN_IN_WINDOW = os.environ.get("ORG_BENCH_B10_LOGIN_IN_WINDOW") == "1"


def prepare(bench, count):
    """One branch, ``count`` formal members with portal accounts, one meeting whose sign-in window
    is open (it starts in 5 minutes) with its sign-in opened; a JSON-able plan."""
    env = bench.env(context=dict(bench.env.context, **zone_module.NO_TRACKING))
    branch = env["org.party.organization"].create({"name": "压测签到支部", "kind": "branch"})
    portal = env.ref("base.group_portal")
    users = env["res.users"].create(
        [
            {
                "name": f"压测签到党员{index:03d}",
                "login": f"bench_signin_{index:03d}",
                "groups_id": [Command.set(portal.ids)],
            }
            for index in range(count)
        ]
    )
    bench.zone.set_password(users)
    env["org.party.member"].create(
        [
            {
                "name": user.name,
                "organization_id": branch.id,
                "status": "formal",
                "date_join": "2010-07-01",
                "date_formal": "2011-07-01",
                "user_id": user.id,
            }
            for user in users
        ]
    )
    start = fields.Datetime.now().replace(microsecond=0) + timedelta(minutes=5)
    meeting = env["org.party.meeting"].create(
        {
            "name": "压测主题党日",
            "organization_id": branch.id,
            "type_id": env.ref("org_grassroots.meeting_type_theme_day").id,
            "state": "planned",
            "date": env.company._org_office_date(start),
            "time_start": start,
            "time_end": start + timedelta(hours=2),
        }
    )
    meeting.action_signin_rotate()
    plan = {
        "db": env.cr.dbname,
        "meeting_id": meeting.id,
        "token": meeting.signin_token,
        "users": [{"login": user.login, "password": zone_module.PASSWORD} for user in users],
        "members": users.ids,
    }
    return plan, meeting


def check(env, meeting, count):
    """What the database holds after the load: sign-ins, duplicates, attendees, audit rows."""
    env.cr.execute(
        "SELECT count(*), count(DISTINCT member_id) FROM org_party_meeting_signin WHERE meeting_id = %s",
        [meeting.id],
    )
    signins, distinct = env.cr.fetchone()
    env.cr.execute("SELECT count(*) FROM org_party_meeting_attendee_rel WHERE meeting_id = %s", [meeting.id])
    attendees = env.cr.fetchone()[0]
    env.cr.execute(
        "SELECT count(*) FROM org_audit_log WHERE action = 'meeting_signin'"
        " AND res_model = 'org.party.meeting.signin'"
        " AND res_id IN (SELECT id FROM org_party_meeting_signin WHERE meeting_id = %s)",
        [meeting.id],
    )
    audited = env.cr.fetchone()[0]
    meeting.invalidate_recordset()
    return {
        "signins": signins,
        "duplicates": signins - distinct,
        "attendees": attendees,
        "audited": audited,
        "present": meeting.present_count,
        "expected": meeting.expected_count,
        "count": count,
    }


def run(bench):
    """Prepare, serve with 2 workers, run the client, check the database, add the table row."""
    plan, meeting = prepare(bench, B10_MEMBERS)
    bench.commit()
    port = bench.args.server_port
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="org_bench_b10_", delete=False) as plan_file:
        json.dump(plan, plan_file)
    server_output = open(bench.args.server_log + ".out", "ab")  # closed below
    server = subprocess.Popen(
        [
            sys.executable,
            os.path.join(config["root_path"], "..", "odoo-bin"),
            f"--config={bench.args.server_config}",
            f"--addons-path={config['addons_path']}",
            f"--database={bench.args.db}",
            f"--db-filter=^{bench.args.db}$",
            f"--data-dir={config['data_dir']}",
            f"--http-port={port}",
            f"--gevent-port={port + 1}",
            f"--logfile={bench.args.server_log}",
        ],
        start_new_session=True,
        stdout=server_output,
        stderr=subprocess.STDOUT,
    )
    load_before = os.getloadavg()
    try:
        client = subprocess.run(
            [
                sys.executable,
                os.path.join(HERE, "b10_load.py"),
                f"--url=http://127.0.0.1:{port}",
                f"--plan={plan_file.name}",
                f"--seconds={B10_SECONDS}",
                *(["--login-in-window"] if B10_LOGIN_IN_WINDOW else []),
            ],
            capture_output=True,
            text=True,
            timeout=B10_SECONDS + 600,
            check=False,
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        server_output.close()
        os.unlink(plan_file.name)
    load_after = os.getloadavg()
    name = f"B10 {B10_MEMBERS} members sign in to one meeting, 2 workers"
    if client.returncode != 0 or not client.stdout.strip():
        bench.table.add(name, "", f"client failed: {client.stderr[-300:]}", "", "", "", False)
        return None
    report = json.loads(client.stdout.strip().splitlines()[-1])
    bench.cr.rollback()
    bench.env.invalidate_all()
    db = check(bench.env, meeting, B10_MEMBERS)
    ok = (
        report["errors"] == 0
        and db["signins"] == B10_MEMBERS
        and db["duplicates"] == 0
        and db["attendees"] == B10_MEMBERS
        and db["audited"] == B10_MEMBERS
    )
    bench.table.add(
        name,
        f"{report['members']} members arriving over {B10_SECONDS} s, done in {report['wall']:.0f} s, "
        f"{report['requests']:,} requests"
        + (
            ", log-in on arrival"
            if B10_LOGIN_IN_WINDOW
            else f", logged in before ({report['login_wall']:.0f} s)"
        ),
        f"sign-in p50 {report['p50'] * 1000:.0f} ms, p95 {report['p95'] * 1000:.0f} ms, "
        f"p99 {report['p99'] * 1000:.0f} ms; {report['errors']} errors; {db['signins']} sign-ins, "
        f"{db['duplicates']} duplicates, {db['attendees']} attendees, {db['audited']} audited",
        f"log-in p50 {report['login_p50'] * 1000:.0f} ms, p95 {report['login_p95'] * 1000:.0f} ms; "
        f"member done p95 {report['member_p95']:.1f} s",
        "",
        f"0 errors, {B10_MEMBERS} sign-ins recorded once",
        ok,
    )
    bench.notes.append(
        "B10: each member has a session of its own (requests.Session) and logs in with "
        "/web/session/authenticate ("
        + (
            "on arrival"
            if B10_LOGIN_IN_WINDOW
            else "before the meeting, 4 at a time: a phone keeps its session"
        )
        + f"), then GETs /signin/<token> and POSTs its form; arrivals evenly spread "
        f"over {B10_SECONDS} s; sign-in p50/p95/p99 over the GET and POST requests; load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after (other work shares the cores)."
    )
    if report["errors"]:
        _logger.warning("B10 errors: %s", report["error_samples"])
    _logger.info(
        "B10 report: %s; database: %s", {k: v for k, v in report.items() if k != "error_samples"}, db
    )
    return report, db
