from odoo import api, models

# Rows listed per section: the first ones (the most urgent); "查看全部" opens all of them.
ROW_LIMIT = 5


class OrgWorkbench(models.AbstractModel):
    """我的工作台: what waits for the current user today, one section per kind of work.

    Each area adds its sections by extending ``_org_workbench_sections`` in its own file (the
    sections of the areas the user may see: each area checks the user's groups). Everything is
    read as the current user, so record rules decide what they count: a party secretary counts
    their own subtree, an officer the zone. Each section costs a fixed number of queries (a
    count, a count of the red ones, a page of rows or a grouped read), whatever the number of
    records.

    A section is a dict: ``key``, ``title``, ``sequence``, ``count``, ``state`` (``red``,
    ``yellow`` or ``normal``), ``rows`` (up to ``ROW_LIMIT``; each ``name``, ``note`` and either
    ``res_id`` (opens the record) or ``domain`` (opens the list of those records)), and
    ``res_model`` and ``domain``: "查看全部" opens that list. Optionally ``value`` (a text shown
    instead of the count, such as hours) and ``subtitle``.
    """

    _name = "org.workbench"
    _description = "Workbench"

    @api.model
    def get_sections(self):
        """The sections of the current user's workbench, in order."""
        sections = [section for section in self._org_workbench_sections() if section]
        return sorted(sections, key=lambda section: (section["sequence"], section["key"]))

    @api.model
    def _org_workbench_sections(self):
        """The sections each area contributes: extend, call ``super()`` and append yours."""
        return []

    @api.model
    def _org_workbench_office_today(self):
        return self.env.company._org_office_today()

    @api.model
    def _org_workbench_section(
        self,
        key,
        title,
        model,
        domain,
        *,
        sequence=50,
        red_domain=None,
        yellow=True,
        order=None,
        note=None,
        note_fields=(),
        row_state=None,
        group_by=None,
        context=None,
        row_method=None,
    ):
        """One section over ``domain`` of ``model``, read as the current user.

        ``red_domain``: the records (within ``domain``) that make the section red; otherwise it is
        yellow when it counts anything and ``yellow`` is set, else normal. Rows are the first
        records in ``order`` with ``note(values)`` as their note (``values`` read with
        ``note_fields``), or, with ``group_by`` (a many2one field), the groups with the most
        records, each opening its records; ``row_state(values)`` gives a row's light (``red``,
        ``yellow`` or empty); ``row_method``: a method of ``model`` that returns the action a row
        opens (such as "record a meeting") instead of the record's form. Returns None when the
        user may not read ``model``.
        """
        Model = self.env[model]
        if not Model.has_access("read"):
            return None
        count = Model.search_count(domain)
        red = bool(count and red_domain is not None and Model.search_count([*domain, *red_domain], limit=1))
        state = "red" if red else ("yellow" if count and yellow else "normal")
        rows = []
        if count and group_by:
            groups = Model._read_group(domain, [group_by], ["__count"], order="__count desc", limit=ROW_LIMIT)
            rows = [
                {
                    "name": group.display_name or self.env._("None"),
                    "note": self.env._("%(count)s records", count=group_count),
                    "count": group_count,
                    "domain": [*domain, (group_by, "=", group.id)],
                }
                for group, group_count in groups
            ]
        elif count:
            records = Model.search_read(domain, ["display_name", *note_fields], limit=ROW_LIMIT, order=order)
            rows = [
                {
                    "res_id": values["id"],
                    "name": values["display_name"],
                    "note": note(values) if note else "",
                    "state": row_state(values) if row_state else "",
                }
                for values in records
            ]
        return {
            "key": key,
            "title": title,
            "sequence": sequence,
            "count": count,
            "state": state,
            "rows": rows,
            "res_model": model,
            "domain": domain,
            "context": context or {},
            "row_method": row_method or False,
        }
