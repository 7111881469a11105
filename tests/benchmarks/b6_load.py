"""B6 load client: simulated users over HTTP JSON-RPC against a running Odoo, from a process
of its own. Each user logs in, then loops: open the kanban (read group, then each open
column's cards), open a card's form, write it, move it to another stage, with a think time
between actions. Stops after --seconds or --max-requests, whichever comes first, and prints
one JSON line: latencies, errors and the last value each user wrote to each card (so the
benchmark can check that no write was lost)."""

import argparse
import json
import sys
import threading
import time

import requests
from load_client import (
    LOGIN_PATH,
    SimulatedUser,
    call_kw_request,
    error_message,
    login_page_answers,
    login_params,
    open_kanban,
    percentile,
    wait_for_server,
)


class User(SimulatedUser):
    def __init__(self, index, plan, args, shared):
        super().__init__(index, plan, args, shared)
        self.writes = {}
        self.write_count = 0

    def rpc(self, path, params):
        with self.shared["lock"]:
            if (
                self.shared["requests"] >= self.args.max_requests
                or time.monotonic() > self.shared["deadline"]
            ):
                raise StopIteration
            self.shared["requests"] += 1
        start = time.perf_counter()
        error = None
        result = None
        try:
            response = self.client.post_rpc(path, params)
            body = response.json() if response.status_code == 200 else None
            if body is None:
                error = f"HTTP {response.status_code}"
            else:
                error = error_message(body)
                if not error:
                    result = body["result"]
        except requests.RequestException as exc:
            error = repr(exc)
        elapsed = time.perf_counter() - start
        with self.shared["lock"]:
            self.shared["latencies"].append(elapsed)
            self.shared["by_path"].setdefault(path.rsplit("/", 1)[-1], []).append(elapsed)
            if error:
                self.shared["errors"].append(f"{path}: {error}"[:300])
        if error:
            raise RuntimeError(error)
        return result

    def call_kw(self, model, method, args, kwargs=None):
        return self.rpc(*call_kw_request(model, method, args, kwargs))

    def open_kanban(self):
        open_kanban(self.plan["kanban"], self.call_kw)

    def log_in(self):
        # Users arrive one after the other, as in an office in the morning.
        time.sleep(self.index * self.args.ramp)
        try:
            self.rpc(LOGIN_PATH, login_params(self.plan["db"], self.me))
            self.logged_in = True
        except (RuntimeError, StopIteration):
            self.logged_in = False

    def run(self):
        self.shared["start"].wait()
        if not self.logged_in:
            return
        context = self.context()
        step = 0
        while True:
            try:
                self.think()
                self.open_kanban()
                card = self.rng.choice(self.me["cards"])
                self.think()
                self.call_kw(
                    "project.task",
                    "web_read",
                    [[card]],
                    {"specification": self.plan["form_spec"], "context": context},
                )
                self.think()
                step += 1
                name = f"压测卡片 u{self.index} s{step}"
                self.call_kw("project.task", "write", [[card], {"name": name}], {"context": context})
                self.writes.setdefault(str(card), {})["name"] = name
                self.write_count += 1
                self.think()
                stage = self.rng.choice(self.plan["stages"])
                self.call_kw("project.task", "write", [[card], {"stage_id": stage}], {"context": context})
                self.writes.setdefault(str(card), {})["stage_id"] = stage
                self.write_count += 1
            except StopIteration:
                return
            except RuntimeError:
                # The failed call is counted; the user goes on with the next action.
                continue


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--plan", required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=4000)
    parser.add_argument("--think", type=float, default=1.0, help="mean think time between actions (s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ramp", type=float, default=1.0, help="seconds between two users' arrivals")
    args = parser.parse_args()
    with open(args.plan, encoding="utf-8") as plan_file:
        plan = json.load(plan_file)
    # Wait for the server (it was just started).
    wait_for_server(args.url, plan["db"], 120, 0.5)
    # Each worker loads the registry at its first request: warm both before the clock starts.
    warm = [threading.Thread(target=login_page_answers, args=(args.url, plan["db"])) for _index in range(4)]
    for thread in warm:
        thread.start()
    for thread in warm:
        thread.join()
    shared = {
        "lock": threading.Lock(),
        "requests": 0,
        "latencies": [],
        "by_path": {},
        "errors": [],
        "deadline": time.monotonic() + 3600,
        "start": threading.Event(),
    }
    users = [User(index, plan, args, shared) for index in range(len(plan["users"]))]
    # First everybody logs in (arriving one after the other), then the measured minute.
    logins = [threading.Thread(target=user.log_in) for user in users]
    for thread in logins:
        thread.start()
    for thread in logins:
        thread.join()
    login_latencies = sorted(shared["latencies"]) or [0.0]
    shared["latencies"] = []
    shared["deadline"] = time.monotonic() + args.seconds
    started = time.monotonic()
    for user in users:
        user.start()
    shared["start"].set()
    for user in users:
        user.join(args.seconds + 60)
    latencies = sorted(shared["latencies"]) or [0.0]
    writes = {}
    for user in users:
        writes.update(user.writes)
    report = {
        "users": len(users),
        "seconds": time.monotonic() - started,
        "requests": len(shared["latencies"]),
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "max": latencies[-1],
        "login_p50": percentile(login_latencies, 0.5),
        "login_max": login_latencies[-1],
        "by_path": {
            path: [len(times), percentile(sorted(times), 0.5), percentile(sorted(times), 0.95)]
            for path, times in shared["by_path"].items()
        },
        "errors": len(shared["errors"]),
        "error_samples": shared["errors"][:5],
        "writes": writes,
        "writes_total": sum(user.write_count for user in users),
    }
    sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
