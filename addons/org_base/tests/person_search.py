"""Shared helper for the person-search tests of the addons: search as the search view does."""

from lxml import etree

from odoo.tools.safe_eval import safe_eval


def search_as_typed(model, text, view_id=False):
    """The records the search view's name field finds when ``text`` is typed and Enter pressed
    (the view's ``filter_domain`` evaluated with ``self`` = ``text``, as the web client does);
    ``view_id``: a search view of an action's own, else the model's default one."""
    arch = model.get_views([(view_id, "search")])["views"]["search"]["arch"]
    node = etree.fromstring(arch).xpath("//field[@name='name']")[0]
    domain = safe_eval(node.get("filter_domain"), {"self": text})
    return model.search(domain)
