"""Call a list or kanban first page the way Odoo 18's web client does, and count queries."""

import copy
import logging
import time
from contextlib import closing, contextmanager

from lxml import etree

from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import safe_eval

LIST_LIMIT = 80
KANBAN_GROUP_LIMIT = 40
COUNT_LIMIT = 10001


def view_spec(model, arch, exclude_modules=()):
    """The ``web_search_read`` specification of a view: its top-level fields, relations with
    their display name. Fields defined by ``exclude_modules`` are left out (the stock view)."""
    root = etree.fromstring(arch) if isinstance(arch, str) else arch
    spec = {}
    for node in root.iter("field"):
        if any(ancestor.tag == "field" for ancestor in node.iterancestors()):
            continue
        name = node.get("name")
        field = model._fields.get(name)
        if field is None or (exclude_modules and (field._module or "").startswith(exclude_modules)):
            continue
        if field.type == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif field.type == "many2many":
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


class Page:
    """The first page of one view: what the web client asks for when it opens it."""

    def __init__(self, model, view_type, view_id=False, domain=None, context=None, exclude_modules=()):
        self.model = model
        self.view_type = view_type
        view = model.get_view(view_id, view_type)
        self.arch = etree.fromstring(view["arch"])
        self.spec = view_spec(model, self.arch, exclude_modules)
        self.domain = domain or []
        context = context or {}
        group_by = context.get("group_by") or (
            self.arch.get("default_group_by") if view_type == "kanban" else None
        )
        self.group_by = [group_by] if isinstance(group_by, str) else list(group_by or [])
        self.order = self.arch.get("default_order") or None
        progressbar = self.arch.find(".//progressbar")
        self.progress_bar = (
            {"field": progressbar.get("field"), "colors": safe_eval(progressbar.get("colors") or "{}")}
            if progressbar is not None
            else None
        )
        self.aggregates = [
            f"{name}:{model._fields[name].aggregator}"
            for name in self.spec
            if model._fields[name].type in ("integer", "float", "monetary")
            and model._fields[name].aggregator
            and model._fields[name].store
        ]

    def with_user(self, user):
        """The same page read by ``user`` (through their record rules)."""
        page = copy.copy(self)
        page.model = self.model.with_user(user)
        return page

    def open(self, env=None):
        """What the client does: grouped kanban or list read group then each open group's
        records, else one web_search_read; returns the number of records read."""
        model = self.model if env is None else self.model.with_env(env)
        limit = KANBAN_GROUP_LIMIT if self.view_type == "kanban" else LIST_LIMIT
        if not self.group_by:
            result = model.web_search_read(
                self.domain, self.spec, limit=limit, order=self.order, count_limit=COUNT_LIMIT
            )
            return len(result["records"])
        groups = model.web_read_group(
            self.domain, self.aggregates + [self.group_by[0]], self.group_by, lazy=True
        )["groups"]
        if self.progress_bar:
            model.read_progress_bar(self.domain, self.group_by[0], self.progress_bar)
        read = 0
        if self.view_type == "list":
            return len(groups)
        for group in groups:
            if group.get("__fold"):
                continue
            result = model.web_search_read(
                group["__domain"], self.spec, limit=limit, order=self.order, count_limit=COUNT_LIMIT
            )
            read += len(result["records"])
        return read


def action_pages(env, module_prefix="org_"):
    """``{label: Page}``: the first view (list or kanban) of every window action of our addons."""
    pages = {}
    data = env["ir.model.data"].search(
        [("module", "=like", f"{module_prefix}%"), ("model", "=", "ir.actions.act_window")]
    )
    for xmlid in data.sorted(lambda d: (d.module, d.name)):
        action = env["ir.actions.act_window"].browse(xmlid.res_id)
        page = action_page(env, action)
        if page is not None:
            pages[f"{xmlid.module}.{xmlid.name} ({page.view_type})"] = page
    return pages


def action_page(env, action):
    """The first page of a window action's first view as the web client opens it from its
    menu (its domain and context), or None when that view is not a list or a kanban."""
    if isinstance(action, str):
        action = env.ref(action)
    if action.res_model not in env or env[action.res_model]._transient or action.target == "new":
        return None
    view_type = (action.view_mode or "list").split(",")[0]
    if view_type not in ("list", "kanban"):
        return None
    view_id = False
    for view_line in action.view_ids:
        if view_line.view_mode == view_type:
            view_id = view_line.view_id.id
    if not view_id and action.view_id.type == view_type:
        view_id = action.view_id.id
    eval_context = {
        "uid": env.uid,
        "user": env.user,
        "context_today": safe_datetime.datetime.now,
        "datetime": safe_datetime,
        "active_id": False,
        "active_ids": [],
        "allowed_company_ids": env.companies.ids,
        "current_company_id": env.company.id,
    }
    try:
        domain = safe_eval(action.domain or "[]", eval_context)
        context = safe_eval(action.context or "{}", eval_context)
    except Exception:
        return None
    if not isinstance(context, dict):
        context = {}
    defaults = {key: value for key, value in context.items() if key.startswith("default_")}
    model = env[action.res_model].with_context(**defaults)
    return Page(model, view_type, view_id, domain, context)


class _QueryLog(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.queries = []

    def emit(self, record):
        message = record.getMessage()
        if "] query: " in message:
            self.queries.append(message.split("] query: ", 1)[1])


@contextmanager
def logged_queries(queries):
    """Append the text of each query issued inside the block to ``queries`` (a list), or do
    nothing when ``queries`` is None."""
    if queries is None:
        yield
        return
    logger = logging.getLogger("odoo.sql_db")
    handler, level, propagate = _QueryLog(), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
        queries.extend(handler.queries)


def count_queries(env, func, queries=None):
    """Queries that ``func`` issues with a cold record cache (a first call warms the
    registry caches), rolled back afterwards; their texts go to ``queries`` when it is a list."""
    for attempt in range(2):
        env.flush_all()
        env.invalidate_all()
        with closing(env.cr.savepoint()), logged_queries(queries if attempt else None):
            before = env.cr.sql_log_count
            func()
            env.flush_all()
            count = env.cr.sql_log_count - before
        env.invalidate_all()
        if attempt:
            return count
    return count


def median_times(env, funcs, repeat=9):
    """Median wall times of ``funcs``, called in turn ``repeat`` times each (a figure and its
    baseline then share the machine's slow and fast moments), cold record cache, rolled back."""
    times = [[] for _func in funcs]
    for _attempt in range(repeat):
        for func, func_times in zip(funcs, times, strict=True):
            func_times.append(median_time(env, func, repeat=1))
    return [sorted(func_times)[len(func_times) // 2] for func_times in times]


def median_time(env, func, repeat=5):
    """Median wall time of ``func`` over ``repeat`` runs with a cold record cache, rolled back."""
    times = []
    for _attempt in range(repeat):
        env.flush_all()
        env.invalidate_all()
        with closing(env.cr.savepoint()):
            start = time.perf_counter()
            func()
            env.flush_all()
            times.append(time.perf_counter() - start)
        env.invalidate_all()
    times.sort()
    return times[len(times) // 2]
