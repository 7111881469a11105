"""What the load clients of B6, B8 and B10 (b6_load.py, b8_load.py, b10_load.py) share: a
simulated user's HTTP session and its JSON-RPC plumbing (the request body, Odoo's error
message, log-in and ``call_kw`` parameters), think times, the kanban's calls as Odoo 18's web
client makes them, percentiles and waiting for a server that was just started.

Each client keeps its own way of counting, timing and retrying a call; this module only builds
and sends what every one of them sends."""

import random
import threading
import time

import requests

LOGIN_PATH = "/web/session/authenticate"
CONTEXT = {"lang": "zh_CN", "tz": "Asia/Shanghai"}


def error_message(body):
    """Odoo's error in a JSON-RPC answer ``body`` as a user would report it (``None`` if none)."""
    if not body.get("error"):
        return None
    data = body["error"].get("data") or {}
    return f"{data.get('name')}: {data.get('message') or body['error'].get('message')}"


def call_kw_request(model, method, args, kwargs=None):
    """The path and parameters of ``model.method(*args, **kwargs)`` as the web client calls it."""
    params = {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
    return f"/web/dataset/call_kw/{model}/{method}", params


def login_params(db, user):
    """``/web/session/authenticate``'s parameters for a plan's user (login and password)."""
    return {"db": db, "login": user["login"], "password": user["password"]}


def context(extra=None):
    """The users' context (简体中文, the office's time zone), with ``extra``."""
    return dict(extra or {}, **CONTEXT)


class Session:
    """One simulated user's HTTP session (cookies: its Odoo session) and its JSON-RPC calls."""

    def __init__(self, url, timeout):
        self.url = url
        self.timeout = timeout
        self.http = requests.Session()
        self.call_id = 0

    def request(self, method, path, **kwargs):
        """One HTTP exchange; ``requests.RequestException`` when it got no answer."""
        return self.http.request(method, self.url + path, timeout=self.timeout, **kwargs)

    def rpc_body(self, params):
        """A JSON-RPC request's body (each call with its own id)."""
        self.call_id += 1
        return {"jsonrpc": "2.0", "method": "call", "id": self.call_id, "params": params}

    def post_rpc(self, path, params):
        """A JSON-RPC call; the HTTP response."""
        return self.request("POST", path, json=self.rpc_body(params))


class SimulatedUser(threading.Thread):
    """The ``index``-th user of the plan, with its own random stream (``--seed``) and session."""

    timeout = 30

    def __init__(self, index, plan, args, shared):
        super().__init__(daemon=True)
        self.index = index
        self.plan = plan
        self.me = plan["users"][index]
        self.args = args
        self.shared = shared
        self.rng = random.Random(f"{getattr(args, 'seed', 1)}:user:{index}")
        self.client = Session(args.url, self.timeout)
        self.logged_in = False

    def think(self):
        time.sleep(self.rng.uniform(0.5, 1.5) * self.args.think)

    def context(self, extra=None):
        return context(extra)


def open_kanban(kanban, call_kw):
    """What the web client calls to open a grouped kanban (the plan's ``kanban``): its columns
    (``web_read_group``), their progress bars, then the first cards of each open column.
    ``call_kw(model, method, args, kwargs)`` makes one call."""
    kanban_context = context(kanban["context"])
    groups = call_kw(
        kanban["model"],
        "web_read_group",
        [],
        {
            "domain": kanban["domain"],
            "fields": kanban["aggregates"] + [kanban["group_by"]],
            "groupby": [kanban["group_by"]],
            "lazy": True,
            "context": kanban_context,
        },
    )["groups"]
    if kanban["progress_bar"]:
        call_kw(
            kanban["model"],
            "read_progress_bar",
            [],
            {
                "domain": kanban["domain"],
                "group_by": kanban["group_by"],
                "progress_bar": kanban["progress_bar"],
                "context": kanban_context,
            },
        )
    for group in groups:
        if group.get("__fold"):
            continue
        call_kw(
            kanban["model"],
            "web_search_read",
            [],
            {
                "domain": group["__domain"],
                "specification": kanban["spec"],
                "limit": 40,
                "order": kanban["order"] or "",
                "count_limit": 10001,
                "context": kanban_context,
            },
        )


def percentile(values, share):
    """The value at ``share`` of the sorted ``values`` (0.0 for none)."""
    return values[min(len(values) - 1, int(len(values) * share))] if values else 0.0


def login_page_answers(url, db, timeout=120):
    """Whether the server answers the login page of ``db``."""
    try:
        return requests.get(f"{url}/web/login?db={db}", timeout=timeout).status_code == 200
    except requests.RequestException:
        return False  # not listening yet


def wait_for_server(url, db, seconds, pause):
    """Until the server (just started) answers, at most about ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if login_page_answers(url, db, timeout=5):
            return True
        time.sleep(pause)
    return False
