"""B10 load client: N members, each with a session of its own (its own phone). First every member
logs in (/web/session/authenticate, 4 at a time: the phones keep their portal session, so members
log in before the meeting, not all in its first minute); then the members arrive evenly over
--seconds, each GETs /signin/<token> and POSTs its form. With --login-in-window each member logs
in on arrival instead. Prints one JSON line: latencies (sign-in GET and POST together, log-ins
apart), errors, wall times."""

import argparse
import json
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests
from load_client import LOGIN_PATH, Session, login_params, wait_for_server

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class Member(threading.Thread):
    def __init__(self, index, plan, args, shared):
        super().__init__(daemon=True)
        self.index, self.plan, self.args, self.shared = index, plan, args, shared
        self.me = plan["users"][index]
        self.client = Session(args.url, 120)

    def timed(self, kind, call):
        start = time.perf_counter()
        error = None
        response = None
        try:
            response = call()
        except requests.RequestException as exc:
            error = repr(exc)
        elapsed = time.perf_counter() - start
        with self.shared["lock"]:
            self.shared[kind].append(elapsed)
        return response, error

    def fail(self, error):
        with self.shared["lock"]:
            self.shared["errors"].append(f"{self.me['login']}: {error}"[:300])

    def log_in(self):
        response, error = self.timed(
            "login", lambda: self.client.post_rpc(LOGIN_PATH, login_params(self.plan["db"], self.me))
        )
        if error or response.status_code != 200 or response.json().get("error"):
            self.fail(f"log-in: {error or response.status_code} {response and response.text[:200]}")
            return False
        return True

    def run(self):
        arrival = self.shared["start"] + self.index * self.args.seconds / len(self.plan["users"])
        time.sleep(max(0.0, arrival - time.monotonic()))
        began = time.perf_counter()
        if self.args.login_in_window and not self.log_in():
            return None
        if not self.client.http.cookies.get("session_id"):
            return None  # its log-in failed (counted)
        page = f"/signin/{self.plan['token']}"
        response, error = self.timed("signin", lambda: self.client.request("GET", page))
        if error or response.status_code != 200 or "o_org_signin_button" not in response.text:
            return self.fail(f"page: {error or response.status_code}")
        csrf = CSRF.search(response.text)[1]
        response, error = self.timed(
            "signin", lambda: self.client.request("POST", page, data={"csrf_token": csrf})
        )
        if error or response.status_code != 200 or "o_org_signin_done" not in response.text:
            return self.fail(f"sign-in: {error or response.status_code}")
        with self.shared["lock"]:
            self.shared["done"].append(time.perf_counter() - began)
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--plan", required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--login-in-window", action="store_true")
    args = parser.parse_args()
    with open(args.plan) as plan_file:
        plan = json.load(plan_file)
    # Wait for the server (its workers start in a few seconds).
    wait_for_server(args.url, plan["db"], 120, 1)
    shared = {"lock": threading.Lock(), "login": [], "signin": [], "done": [], "errors": []}
    members = [Member(index, plan, args, shared) for index in range(len(plan["users"]))]
    login_started = time.perf_counter()
    if not args.login_in_window:
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(Member.log_in, members))
    login_wall = time.perf_counter() - login_started
    shared["start"] = time.monotonic() + 0.5
    started = time.perf_counter()
    for member in members:
        member.start()
    for member in members:
        member.join(timeout=args.seconds + 400)
    wall = time.perf_counter() - started
    signin = shared["signin"]
    report = {
        "members": len(members),
        "wall": wall,
        "login_wall": login_wall,
        "login_in_window": args.login_in_window,
        "requests": len(signin) + len(shared["login"]),
        "p50": percentile(signin, 0.50),
        "p95": percentile(signin, 0.95),
        "p99": percentile(signin, 0.99),
        "max": max(signin, default=0.0),
        "login_p50": percentile(shared["login"], 0.50),
        "login_p95": percentile(shared["login"], 0.95),
        "member_p95": percentile(shared["done"], 0.95),
        "completed": len(shared["done"]),
        "errors": len(shared["errors"]) + (len(members) - len(shared["done"]) - len(shared["errors"])),
        "error_samples": shared["errors"][:10],
    }
    sys.stdout.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
