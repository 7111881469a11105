"""B8/B9 load client: simulated users over HTTP (nginx in front of the two Odoo nodes), from
a process of its own. Each user logs in, then loops over B6's mix (open the kanban, open a
card's form, rename the card, move it) plus a note posted on the card, two person searches
(a dropdown's name_search and the list's search, by name, pinyin initials or ID-number tail)
and, one loop in REPORT_EVERY, a PDF report print.

Every write carries a unique marker (``压测卡片 B8 u3 s7``, ``压测留言 B8 u3 n7``) so that the
benchmark can find each one in the database afterwards, exactly once. A call that fails
without an answer from Odoo (connection refused or reset, HTTP 502/503/504: a node or the
proxy lost) is retried: a read as it is, a write only after reading back whether the first
try took effect (the marker is there), so that no write is made twice. A call that still
fails, or that Odoo answers with an error, is an error, kept with its message and time.

Stops after --seconds or --max-requests, whichever comes first, and prints one JSON line.
"""

import argparse
import json
import re
import sys
import threading
import time

import requests
from load_client import (
    LOGIN_PATH,
    SimulatedUser,
    call_kw_request,
    error_message,
    login_params,
    open_kanban,
    percentile,
)

REPORT_EVERY = 10  # a user prints the report once in this many loops
RETRIES = 6  # tries of a call that got no answer from Odoo
RETRY_PAUSE = 1.0  # seconds before the second try, doubled before each next one (31 s in all)
RETRYABLE_HTTP = (502, 503, 504)
DATABASE_LOST = ("OperationalError", "InterfaceError")


class NoAnswer(Exception):
    """The call got no answer from Odoo (retryable)."""


class Failed(Exception):
    """The call failed for good (counted as an error)."""


class User(SimulatedUser):
    # Long enough for a log-in (pbkdf2) queued behind others on a busy machine: a client that
    # gives up makes the server hash again on the next try.
    timeout = 120

    def __init__(self, index, plan, args, shared):
        super().__init__(index, plan, args, shared)
        # {card: [[field, value, "ok" or "uncertain"], ...]} in the order the user wrote
        self.log = {}
        self.write_count = 0

    # Transport

    def _count(self):
        with self.shared["lock"]:
            if (
                self.shared["requests"] >= self.args.max_requests
                or time.monotonic() > self.shared["deadline"]
            ):
                raise StopIteration
            self.shared["requests"] += 1

    def _record(self, kind, elapsed, error=None, retried=False):
        now = time.time()
        with self.shared["lock"]:
            self.shared["latencies"].append(elapsed)
            self.shared["by_kind"].setdefault(kind, []).append(elapsed)
            if retried:
                self.shared["retried"].append([now, kind, error[:200]])
            elif error:
                self.shared["errors"].append([now, kind, error[:300]])

    def _once(self, method, path, **kwargs):
        """One HTTP exchange; NoAnswer when Odoo did not answer."""
        try:
            response = self.client.request(method, path, **kwargs)
        except requests.RequestException as exc:
            raise NoAnswer(repr(exc)) from exc
        if response.status_code in RETRYABLE_HTTP:
            raise NoAnswer(f"HTTP {response.status_code}")
        return response

    def _json(self, path, params):
        response = self._once("POST", path, json=self.client.rpc_body(params))
        if response.status_code != 200:
            raise Failed(f"HTTP {response.status_code}")
        body = response.json()
        if error := error_message(body):
            data = body["error"].get("data") or {}
            if any(name in (data.get("name") or "") for name in DATABASE_LOST):
                # The node's database connection was cut (a replica restarted): no answer.
                raise NoAnswer(f"{data.get('name')}: {data.get('message')}")
            raise Failed(error)
        return body["result"]

    def call(self, kind, func, check=None):
        """``func()`` with retries when Odoo did not answer. ``check()`` (writes): whether a
        try that got no answer took effect; a write is tried again only if it did not."""
        for attempt in range(RETRIES):
            self._count()
            start = time.perf_counter()
            try:
                result = func()
            except NoAnswer as exc:
                elapsed = time.perf_counter() - start
                last = attempt == RETRIES - 1
                message = f"no answer after {RETRIES} tries: {exc}" if last else str(exc)
                self._record(kind, elapsed, f"{kind}: {message}", retried=not last)
                if last:
                    raise Failed(message) from exc
                time.sleep(RETRY_PAUSE * 2**attempt)
                if check is not None:
                    try:
                        if self.took_effect(check):
                            return None
                    except Failed as failed:
                        with self.shared["lock"]:
                            self.shared["errors"].append([time.time(), kind, f"{kind}: {failed}"])
                        raise
                continue
            except Failed as exc:
                self._record(kind, time.perf_counter() - start, f"{kind}: {exc}")
                raise
            self._record(kind, time.perf_counter() - start)
            return result
        raise Failed("no answer")

    def took_effect(self, check):
        """Whether a write that got no answer took effect: asked until the check itself gets an
        answer (a write is never tried again blind). The check reads a second after the failed
        try, from the replica (a read-only call), which has the write if it was committed:
        commits wait for the replica (remote_apply); while the replica is away the nodes read
        from the primary. Raises Failed when the check never gets an answer."""
        for attempt in range(RETRIES):
            try:
                return check()
            except NoAnswer:
                time.sleep(RETRY_PAUSE * 2**attempt)
        raise Failed(f"no answer after {RETRIES} tries: could not tell whether the write took effect")

    def call_kw(self, model, method, args, kwargs=None, kind=None, check=None):
        path, params = call_kw_request(model, method, args, kwargs)
        return self.call(kind or method, lambda: self._json(path, params), check)

    def read_back(self, model, method, args, kwargs):
        """A read made to check a write (not counted as a request of the mix)."""
        return self._json(*call_kw_request(model, method, args, kwargs))

    # Actions

    def open_kanban(self):
        open_kanban(self.plan["kanban"], self.call_kw)

    def log_write(self, card, field, value, func, check, kind):
        """``func()`` writes ``value`` into ``field`` of ``card``; the card's log keeps it as
        "ok" (acknowledged) or "uncertain" (failed: it may or may not have been committed)."""
        log = self.log.setdefault(str(card), [])
        try:
            self.call(kind, func, check)
        except Failed:
            log.append([field, value, "uncertain"])
            raise
        log.append([field, value, "ok"])
        self.write_count += 1

    def rename(self, card, step):
        name = f"压测卡片 {self.args.tag} u{self.index} s{step}"

        def done():
            read = self.read_back("project.task", "read", [[card], ["name"]], {"context": self.context()})
            return read[0]["name"] == name

        path, params = call_kw_request(
            "project.task", "write", [[card], {"name": name}], {"context": self.context()}
        )
        self.log_write(
            card,
            "name",
            name,
            lambda: self._json(path, params),
            done,
            "write name",
        )

    def move(self, card):
        stage = self.rng.choice(self.plan["stages"])

        def done():
            read = self.read_back("project.task", "read", [[card], ["stage_id"]], {"context": self.context()})
            return bool(read[0]["stage_id"]) and read[0]["stage_id"][0] == stage

        path, params = call_kw_request(
            "project.task", "write", [[card], {"stage_id": stage}], {"context": self.context()}
        )
        self.log_write(
            card,
            "stage_id",
            stage,
            lambda: self._json(path, params),
            done,
            "write stage",
        )

    def post_note(self, card, step):
        marker = f"压测留言 {self.args.tag} u{self.index} n{step}"

        def done():
            found = self.read_back(
                "mail.message",
                "search_count",
                [[("model", "=", "project.task"), ("res_id", "=", card), ("body", "ilike", marker)]],
                {"context": self.context()},
            )
            return found > 0

        path, params = call_kw_request(
            "project.task",
            "message_post",
            [[card]],
            {
                "body": marker,
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_note",
                "context": self.context(),
            },
        )
        self.log_write(
            card,
            "note",
            marker,
            lambda: self._json(path, params),
            done,
            "post note",
        )

    def search_people(self):
        query = self.rng.choice(self.plan["searches"])
        model = self.plan["search_model"]
        self.call_kw(model, "name_search", [], {"name": query, "limit": 8, "context": self.context()})
        self.think()
        self.call_kw(
            model,
            "web_search_read",
            [],
            {
                "domain": ["|", ("display_name", "ilike", query), ("org_id_search", "=", query)],
                "specification": self.plan["search_spec"],
                "limit": 80,
                "count_limit": 10001,
                "context": self.context(),
            },
            kind="search",
        )

    def print_report(self):
        report = self.plan["report"]
        path = f"/report/pdf/{report['name']}/{','.join(str(i) for i in report['ids'])}"

        def fetch():
            response = self._once("GET", path)
            if response.status_code == 500 and "Internal Server Error" in response.text:
                # Werkzeug's bare page: the request lost its database connection (a replica
                # restarted under it) and Odoo could not even roll back. A print is a read: again.
                raise NoAnswer("HTTP 500 Internal Server Error")
            if response.status_code != 200 or not response.content.startswith(b"%PDF"):
                # What Odoo's error page says to the user.
                page = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", response.text)
                text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
                raise Failed(f"HTTP {response.status_code}: {text[:200]}")
            return len(response.content)

        self.call("report pdf", fetch)

    def log_in(self):
        time.sleep(self.index * self.args.ramp)
        try:
            self.call(
                "login",
                lambda: self._json(LOGIN_PATH, login_params(self.plan["db"], self.me)),
            )
            self.logged_in = True
        except (Failed, StopIteration):
            self.logged_in = False

    def run(self):
        self.shared["start"].wait()
        if not self.logged_in:
            return
        step = 0
        while True:
            try:
                step += 1
                self.think()
                self.open_kanban()
                card = self.rng.choice(self.me["cards"])
                self.think()
                self.call_kw(
                    "project.task",
                    "web_read",
                    [[card]],
                    {"specification": self.plan["form_spec"], "context": self.context()},
                )
                self.think()
                self.rename(card, step)
                self.think()
                self.move(card)
                self.think()
                self.post_note(card, step)
                self.think()
                self.search_people()
                if step % REPORT_EVERY == self.index % REPORT_EVERY:
                    self.think()
                    self.print_report()
            except StopIteration:
                return
            except Failed:
                continue  # counted; the user goes on with the next loop


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--plan", required=True)
    parser.add_argument("--users", type=int, default=0, help="the first N users of the plan (0: all)")
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--max-requests", type=int, default=20000)
    parser.add_argument("--think", type=float, default=5.0, help="mean think time between actions (s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ramp", type=float, default=0.2, help="seconds between two users' arrivals")
    parser.add_argument("--started-file", default="", help="written when the measured run starts")
    parser.add_argument("--tag", default="B8", help="in every marker: the run it belongs to")
    args = parser.parse_args()
    with open(args.plan, encoding="utf-8") as plan_file:
        plan = json.load(plan_file)
    if args.users:
        plan["users"] = plan["users"][: args.users]
    shared = {
        "lock": threading.Lock(),
        "requests": 0,
        "latencies": [],
        "by_kind": {},
        "errors": [],
        "retried": [],
        "deadline": time.monotonic() + 3600,
        "start": threading.Event(),
    }
    users = [User(index, plan, args, shared) for index in range(len(plan["users"]))]
    logins = [threading.Thread(target=user.log_in) for user in users]
    for thread in logins:
        thread.start()
    for thread in logins:
        thread.join()
    login_latencies = sorted(shared["latencies"]) or [0.0]
    login_errors = list(shared["errors"])
    shared.update(latencies=[], by_kind={}, errors=[], retried=[], requests=0)
    shared["deadline"] = time.monotonic() + args.seconds
    started = time.monotonic()
    started_at = time.time()
    if args.started_file:
        with open(args.started_file, "w", encoding="utf-8") as started_file:
            started_file.write(str(started_at))
    for user in users:
        user.start()
    shared["start"].set()
    for user in users:
        user.join(args.seconds + 120)
    latencies = sorted(shared["latencies"])

    def merged(attribute):
        result = {}
        for user in users:
            result.update(getattr(user, attribute))
        return result

    report = {
        "users": len(users),
        "logged_in": sum(user.logged_in for user in users),
        "started_at": started_at,
        "seconds": time.monotonic() - started,
        "requests": len(latencies),
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "max": latencies[-1] if latencies else 0.0,
        "login_p50": percentile(login_latencies, 0.5),
        "login_max": login_latencies[-1],
        "login_errors": login_errors[:5],
        "by_kind": {
            kind: [len(times), percentile(sorted(times), 0.5), percentile(sorted(times), 0.95)]
            for kind, times in shared["by_kind"].items()
        },
        "errors": shared["errors"],
        "retried": shared["retried"],
        "log": merged("log"),
        "writes_total": sum(user.write_count for user in users),
    }
    sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
