"""B9: faults injected during a B8 run, from a thread of the benchmark process.

- ``KILL_AT`` s into the measured run: SIGKILL to Odoo node 1's process group (its master,
  HTTP workers, cron and gevent processes at once, as a crash would). Nobody starts it again
  by hand: bin/cluster's supervisor does, and nginx sends the requests to node 2 meanwhile.
- ``REPLICA_AT`` s in: ``bin/cluster restart replica`` (a fast shutdown, then a start; the
  replica's open connections are cut).
- All along: node 2 runs with a virtual-memory soft limit below what a worker holds once it
  has served a request (``NODE2_LIMITS``), so its workers go over it and are recycled after
  their request, over and over, and a hard limit (RLIMIT_AS) above it.

Afterwards ``summary`` tells, per fault, the error window (first to last failed try around
it, retried or not), when the service was whole again, and whether each error was clear.
"""

import contextlib
import os
import signal
import subprocess
import threading
import time

import requests

KILL_AT = 20
REPLICA_AT = 60
# A worker holds about 230 MB of virtual memory when forked and about 335 MB once it has served
# requests (measured with `ps -o vsz` under this load): with a soft limit of 320 MB each worker
# of node 2 goes over it with its first request and is recycled after it, all run long. The
# hard limit (RLIMIT_AS, inherited by wkhtmltopdf) is what one request may reach.
NODE2_LIMITS = {
    "ORG_CLUSTER_NODE2_LIMIT_MEMORY_SOFT": str(320 * 1024 * 1024),
    "ORG_CLUSTER_NODE2_LIMIT_MEMORY_HARD": str(1536 * 1024 * 1024),
}


class Faults:
    def __init__(self, cluster, info):
        self.cluster = cluster
        self.info = info
        self.events = []  # [time, what]
        self.thread = None
        self.node2_log = os.path.join(info["CLUSTER_LOGS"], "node2.log")
        self.node2_log_start = os.path.getsize(self.node2_log) if os.path.exists(self.node2_log) else 0
        self.restored = {}

    def start(self, started_file):
        self.thread = threading.Thread(target=self.run, args=(started_file,), daemon=True)
        self.thread.start()

    def join(self):
        self.thread.join(600)

    def event(self, what):
        self.events.append([time.time(), what])

    def run(self, started_file):
        # The users log in first (a few minutes for 100 on a busy machine): the faults count
        # from the start of the measured run.
        while not (os.path.exists(started_file) and os.path.getsize(started_file)):
            time.sleep(0.5)
        with open(started_file, encoding="utf-8") as file:
            t0 = float(file.read())
        node1 = self.info["CLUSTER_NODE_PORTS"].replace("\\", "").split()[0]
        # 1. A node lost.
        time.sleep(max(0, t0 + KILL_AT - time.time()))
        with open(os.path.join(self.info["CLUSTER_RUN"], "node1.pid"), encoding="utf-8") as file:
            pid = int(file.read())
        os.killpg(pid, signal.SIGKILL)
        killed = time.time()
        self.event("node 1 SIGKILL")
        self.restored["node"] = self.wait_health(f"http://127.0.0.1:{node1}/web/health", pid) - killed
        self.event("node 1 back")
        # 2. The replica restarted.
        time.sleep(max(0, t0 + REPLICA_AT - time.time()))
        self.event("replica restart")
        restarted = time.time()
        subprocess.run([self.cluster, "restart", "replica"], check=False, capture_output=True)
        self.restored["replica"] = self.wait_streaming() - restarted
        self.event("replica streaming")

    def wait_health(self, url, old_pid, timeout=300):
        deadline = time.time() + timeout
        pidfile = os.path.join(self.info["CLUSTER_RUN"], "node1.pid")
        while time.time() < deadline:
            # The pid file being rewritten, or the node not listening yet: try again.
            with contextlib.suppress(OSError, ValueError, requests.RequestException):
                with open(pidfile, encoding="utf-8") as file:
                    new_pid = int(file.read() or 0)
                if new_pid != old_pid and requests.get(url, timeout=2).status_code == 200:
                    return time.time()
            time.sleep(0.5)
        return float("inf")

    def wait_streaming(self, timeout=300):
        deadline = time.time() + timeout
        while time.time() < deadline:
            state = subprocess.run(
                [
                    "psql",
                    "-h",
                    self.info["CLUSTER_PG_SOCKET"],
                    "-p",
                    self.info["CLUSTER_PG_PORT"],
                    "-d",
                    "postgres",
                    "-tAc",
                    "SELECT state FROM pg_stat_replication WHERE application_name = 'replica'",
                ],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
            if state == "streaming":
                return time.time()
            time.sleep(0.5)
        return float("inf")

    def recycled(self):
        """Workers of node 2 recycled past limit_memory_soft during the run (Odoo's log)."""
        if not os.path.exists(self.node2_log):
            return 0
        with open(self.node2_log, encoding="utf-8", errors="replace") as file:
            file.seek(self.node2_log_start)
            return sum("virtual memory limit" in line for line in file)  # logged at INFO (bin/cluster)

    def summary(self, report):
        """The error window around each fault, the restoration times, and the errors."""
        failures = [(at, kind, message, "retried") for at, kind, message in report["retried"]]
        failures += [(at, kind, message, "error") for at, kind, message in report["errors"]]
        failures.sort()
        windows = []
        marks = dict((what, at) for at, what in self.events)
        spans = [
            ("node 1 SIGKILL", marks.get("node 1 SIGKILL"), marks.get("replica restart")),
            ("replica restart", marks.get("replica restart"), float("inf")),
        ]
        for name, begin, end in spans:
            if begin is None:
                windows.append(f"{name}: not done")
                continue
            around = [f for f in failures if begin - 1 <= f[0] < (end or float("inf"))]
            back = self.restored.get("node" if name.startswith("node") else "replica", float("inf"))
            if around:
                window = around[-1][0] - around[0][0]
                windows.append(
                    f"{name}: {len(around)} failed tries in {window:.1f} s "
                    f"({sum(f[3] == 'error' for f in around)} errors), back in {back:.0f} s"
                )
            else:
                windows.append(f"{name}: no failed request, back in {back:.0f} s")
        errors = [
            # Clear: Odoo's own message to the user; not an exchange that never got an answer, nor
            # a bare "500 Internal Server Error" (a worker that died in the request).
            {
                "kind": kind,
                "message": message,
                "clear": "no answer after" not in message and "Internal Server Error" not in message,
            }
            for _at, kind, message in report["errors"]
        ]
        restored = all(value != float("inf") for value in self.restored.values()) and len(self.restored) == 2
        note = (
            f"node 1 killed at {KILL_AT} s and started again by bin/cluster's supervisor; replica restarted "
            f"at {REPLICA_AT} s; node 2 with limit_memory_soft "
            f"{int(NODE2_LIMITS['ORG_CLUSTER_NODE2_LIMIT_MEMORY_SOFT']) >> 20} MB and limit_memory_hard "
            f"{int(NODE2_LIMITS['ORG_CLUSTER_NODE2_LIMIT_MEMORY_HARD']) >> 20} MB. A failed try "
            "(no answer: 502, connection reset, a cut database connection) of a read is retried; of a "
            "write only after reading back that it did not take effect. Errors: "
            + (
                "; ".join(f"{error['kind']}: {error['message'][:120]}" for error in errors[:3])
                if errors
                else "none"
            )
        )
        return {
            "windows": windows,
            "errors": errors,
            "restored": restored,
            "recycled": self.recycled(),
            "note": note,
        }
