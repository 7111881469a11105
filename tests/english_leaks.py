"""English-leak scanner: what a Chinese-speaking user sees of our applications, in Chinese.

Used by ``tests/demo_smoke.py`` on the demo database, as each demo role, in 简体中文: for every
window action reachable from the menus of our applications that the user sees, it loads what
the web client loads, i.e. the views of the action (``get_views``: the arch's labels, buttons,
placeholders and help, the strings, help and selection labels of the fields they show), the
action's name and help, then the first page of records (``web_search_read`` with the fields of
the first view: texts, selection labels, the display names of linked records) and the first
record in its form with its chatter messages, and lists each Latin word (three letters or more)
found outside ``ALLOWED``.

What is not text for a person is not scanned: technical attributes (``name``, ``class``,
``widget``, ``t-*``...), values of fields that hold identifiers by nature (e-mail, login,
website, codes, file names: ``LATIN_FIELDS``) and images.
"""

import html
import re

from lxml import etree

from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Reference numbers (ZCDX2026-00001, CGRC2026000001) and file extensions (.xlsx) are codes.
CODE_WORD = re.compile(r"\b[A-Z]+(?=\d)|(?<=\.)[a-z]+\b")

# Latin words a Chinese office uses as they are (keep this short; each is justified):
ALLOWED = {
    "LRMX",  # the 任免审批表 exchange file format of 中组部's 干部任免审批表 software
    "PDF",  # the file format, named so on every Chinese government site
    "Excel",  # the spreadsheet everybody receives rosters in
    "Word",  # the word processor the 任免审批表 is also given in
    "XML",  # the Excel 2003 XML spreadsheet rosters come in, named by its format
    "UTF",  # text encodings of uploaded rosters (UTF-8, GBK), named by their standard names
    "GBK",
    "CNY",  # the currency's ISO code, shown by Odoo's monetary fields
    "URL",  # Odoo's own 简体中文 says URL, SMS and EMail (mail and sms templates, sharing links)
    "SMS",
    "EMail",
}

# Tooltips of icons in Odoo 18's own project views that Odoo's 简体中文 leaves in English (its
# zh_CN.po translates them to themselves); the board views inherit them.
ODOO_UNTRANSLATED = {"Partner", "Dates", "Domain Alias", "Private Task"}

# Fields whose values are identifiers, addresses or file names, Latin by nature.
LATIN_FIELDS = re.compile(
    r"(^|_)(email|login|website|url|code|ref|barcode|filename|file_name|mimetype|color|icon|"
    r"tz|lang|signature|image|avatar|xml_?id|model|res_model|identification|pinyin|alias|domain|number|"
    r"reference|id_number|key|default_values|value_aliases|match_field_name|field_name)(_|$)"
)

# Attributes of view nodes that are text shown to people.
TEXT_ATTRIBUTES = ("string", "help", "placeholder", "title", "confirm", "sum", "avg")
# Nodes whose text is not shown as it is (QWeb code, styles).
CODE_TAGS = {"script", "style"}
# Field types whose values are shown as text.
TEXT_TYPES = {"char", "text", "html"}


def latin_words(text):
    """The Latin words of ``text`` outside the allow-list."""
    if not text or not isinstance(text, str):
        return []
    text = html.unescape(text)
    return [word for word in LATIN_WORD.findall(CODE_WORD.sub("", text)) if word not in ALLOWED]


def strip_html(text):
    if not text:
        return ""
    try:
        return " ".join(etree.fromstring(f"<div>{text}</div>", etree.HTMLParser()).itertext())
    except (etree.XMLSyntaxError, ValueError):
        return re.sub(r"<[^>]+>", " ", text)


def hidden(node):
    """Whether a node is not shown: statically invisible, shown in debug mode only, or a list
    column hidden until the user adds it."""
    return (
        any(node.get(attribute) in ("1", "True", "true") for attribute in ("invisible", "column_invisible"))
        or "base.group_no_one" in (node.get("groups") or "")
        or node.get("optional") == "hide"
    )


def arch_texts(arch, model, models):
    """(where, text) for each text a person reads in a view's arch: the labels, buttons,
    placeholders and help of its nodes, and the string, help and selection labels of each
    field shown (a field of a sub-view by its own model's description)."""

    def walk(node, model, root=False):
        if not isinstance(node.tag, str) or node.tag in CODE_TAGS or hidden(node):
            return
        for attribute in TEXT_ATTRIBUTES:
            value = node.get(attribute)
            if attribute == "placeholder" and LATIN_FIELDS.search(node.get("name") or ""):
                continue
            # The root's string (a view's title) is not shown by Odoo 17+'s web client.
            if value and not (root and attribute == "string") and value not in ODOO_UNTRANSLATED:
                yield f"<{node.tag} {attribute}>", value
        # Text of nodes in QWeb (t-esc, t-out...) is code; a node's own text is shown.
        if node.text and node.text.strip() and not any(a.startswith("t-") for a in node.attrib):
            yield f"<{node.tag}> text", node.text.strip()
        if node.tail and node.tail.strip():
            yield f"after <{node.tag}>", node.tail.strip()
        child_model = model
        if node.tag == "field":
            name = node.get("name")
            description = models.get(model, {}).get("fields", {}).get(name, {})
            # A field's label (and its help, as the label's tooltip) is shown in a form's group
            # and as a list's column; elsewhere (kanban cards, headers, buttons) it is not.
            parent = node.getparent()
            labelled = (
                parent is not None and parent.tag in ("group", "list") and node.get("widget") != "handle"
            )
            if labelled and not node.get("string") and not node.get("nolabel"):
                yield f"{model}.{name} string", description.get("string")
            if labelled and not LATIN_FIELDS.search(name):
                yield f"{model}.{name} help", description.get("help")
            if description.get("type") == "selection" and node.get("widget") not in ("priority", "handle"):
                for _key, label in description.get("selection") or []:
                    yield f"{model}.{name} selection", label
            if (
                description.get("type") == "integer"
                and (name == "year" or name.endswith("_year"))
                and "enable_formatting': false" not in (node.get("options") or "").replace('"', "'")
                and root_tag not in ("search", "pivot", "graph")
            ):
                # A year shown as "2,026": Odoo formats integers with thousands separators.
                yield f"{model}.{name} year", "Year shown with a thousands separator"
            child_model = description.get("relation") or model
        for child in node:
            yield from walk(child, child_model)

    tree = etree.fromstring(arch)
    root_tag = tree.tag
    yield from walk(tree, model, root=True)


def view_fields(arch):
    """The names of the fields of a view's own records (not those of its sub-views)."""
    root = etree.fromstring(arch)
    names = []
    for node in root.iter("field"):
        parent = node.getparent()
        nested = False
        while parent is not None:
            if parent.tag == "field":
                nested = True
                break
            parent = parent.getparent()
        if not nested and node.get("name") not in names:
            names.append(node.get("name"))
    return names


def specification(fields, names):
    """web_read's specification of the fields ``names``: linked records by display name."""
    spec = {}
    for name in names:
        description = fields.get(name)
        if not description:
            continue
        if description["type"] in ("many2one", "many2many", "one2many", "many2one_reference"):
            if description["type"] == "one2many":
                continue
            spec[name] = (
                {"fields": {"display_name": {}}} if description["type"] != "many2one_reference" else {}
            )
        elif description["type"] in ("binary", "image"):
            continue
        else:
            spec[name] = {}
    return spec


def record_texts(model, fields, values):
    """(where, text) of the values of one record as the web client shows them."""
    for name, value in values.items():
        description = fields.get(name)
        if not description or LATIN_FIELDS.search(name) or description.get("widget") in ("email", "url"):
            continue
        kind = description["type"]
        where = f"{model}({values.get('id')}).{name}"
        if kind in TEXT_TYPES:
            yield where, strip_html(value) if kind == "html" else value
        elif kind == "selection" and value:
            yield where, dict(description.get("selection") or []).get(value, value)
        elif kind == "many2one" and value:
            yield where, value.get("display_name")
        elif kind == "many2many" and value:
            for linked in value:
                yield where, linked.get("display_name")


def evaluate(expression, env, default):
    if not expression or not isinstance(expression, str):
        return expression or default
    context = {
        "uid": env.uid,
        "user": env.user,
        "time": time,
        "datetime": datetime,
        "dateutil": dateutil,
        "relativedelta": dateutil.relativedelta.relativedelta,
        "context_today": lambda: datetime.datetime.now(),
        "allowed_company_ids": env.user.company_ids.ids,
        "current_company_id": env.company.id,
        "active_id": False,
        "active_ids": [],
    }
    try:
        return safe_eval(expression, context)
    except Exception:
        return default


def our_window_actions(env):
    """{action id: menu path} of the window actions of the menus of our applications."""
    menus = env["ir.ui.menu"].load_menus(False)
    paths = {}

    def walk(menu_id, path, ours):
        menu = menus[menu_id]
        path = [*path, menu["name"]]
        ours = ours or menu.get("xmlid", "").startswith("org_")
        action = menu.get("action")
        if ours and action and action.startswith("ir.actions.act_window,"):
            paths.setdefault(int(action.split(",")[1]), " › ".join(path))
        for child in menu.get("children") or []:
            walk(child, path, ours)

    for root in menus["root"]["children"]:
        walk(root, [], False)
    return paths


def action_texts(env, action, limit):
    """(where, text) of what the user of ``env`` sees of one window action: its name and help,
    its views, the first page of its records, the first record's form and messages."""
    yield "action name", action.name
    yield "action help", strip_html(action.help)
    context = evaluate(action.context, env, {})
    model_env = env[action.res_model].with_context(
        **{k: v for k, v in context.items() if k.endswith("view_ref")}
    )
    views = [[view_id, kind] for view_id, kind in action.views]
    if not any(kind == "search" for _v, kind in views):
        views.append([action.search_view_id.id or False, "search"])
    result = model_env.get_views(views, {"toolbar": True, "load_filters": True, "action_id": action.id})
    for kind, view in result["views"].items():
        for where, text in arch_texts(view["arch"], action.res_model, result["models"]):
            yield f"{kind} view {where}", text
        for binding in ("print", "action"):
            for bound in view.get("toolbar", {}).get(binding, []):
                yield f"{kind} view toolbar", bound.get("name")
    fields = result["models"][action.res_model]["fields"]
    first = next(kind for _v, kind in views if kind != "search")
    domain = evaluate(action.domain, env, [])
    ids = []
    if first in ("list", "kanban", "calendar", "activity", "hierarchy"):
        spec = specification(fields, view_fields(result["views"][first]["arch"]))
        spec["display_name"] = {}
        for values in model_env.web_search_read(domain, spec, limit=limit)["records"]:
            yield from record_texts(action.res_model, fields, values)
            yield f"{action.res_model}.display_name", values.get("display_name")
            ids.append(values["id"])
    else:
        ids = model_env.search(domain, limit=1).ids
    if ids and "form" in result["views"]:
        spec = specification(fields, view_fields(result["views"]["form"]["arch"]))
        for values in model_env.browse(ids[:1]).web_read(spec):
            for where, text in record_texts(action.res_model, fields, values):
                yield f"form {where}", text
    if ids and "message_ids" in model_env._fields:
        domain = [
            ("model", "=", action.res_model),
            ("res_id", "in", ids),
            ("message_type", "!=", "user_notification"),
        ]
        for message in env["mail.message"].search(domain):
            yield f"message on {action.res_model}({message.res_id})", strip_html(message.body)
            yield f"message subtype on {action.res_model}", message.subtype_id.name


def scan(env, limit=80):
    """[(action path, where, word)] of the English words the user of ``env`` sees."""
    leaks = []
    seen = set()
    for action_id, path in sorted(our_window_actions(env).items()):
        # Read as /web/action/load reads it (actions are read with sudo, then their views,
        # fields and records with the user's rights).
        action = env["ir.actions.act_window"].sudo().browse(action_id)
        for where, text in action_texts(env, action, limit):
            for word in latin_words(text):
                key = (where.split("(")[0], word, text)
                if key not in seen:
                    seen.add(key)
                    leaks.append((path, where, f"{word!r} in {text[:90]!r}"))
    return leaks
