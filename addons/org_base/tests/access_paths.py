"""Helpers of the access matrix tests: whether a role can do a thing, by every path."""

from odoo.exceptions import AccessError


class AccessPathsMixin:
    """For a TransactionCase whose ``self.env`` is the superuser's."""

    def _can(self, func, *args, **kwargs):
        """True when ``func(*args, **kwargs)`` passes, False when it is refused with an
        AccessError; its effects are rolled back either way."""
        try:
            with self.env.cr.savepoint():
                func(*args, **kwargs)
            return True
        except AccessError:
            return False

    def _reads(self, env, model, record):
        """Whether every read path (search, read, read_group, export_data, name_search) gives
        ``record`` to ``env``'s user: all must agree, or the test fails."""
        Model = env[model]
        name = record.with_env(self.env).display_name
        rec_name = record.with_env(self.env)[Model._rec_name] if Model._rec_name in Model._fields else name
        # name_search looks up the _rec_name field: the text of its value when it has one.
        rec_name = rec_name if isinstance(rec_name, str) else name

        def found_by_name():
            return any(
                record.id in [rid for rid, _name in Model.name_search(text, limit=None)]
                for text in {name, rec_name}
                if text
            )

        paths = {
            "search": lambda: Model.search([("id", "=", record.id)]).ids == [record.id],
            "read": lambda: Model.browse(record.id).read(["display_name"])[0]["id"] == record.id,
            "read_group": lambda: Model.read_group([("id", "=", record.id)], ["__count"], [])[0]["__count"]
            == 1,
            "export_data": lambda: Model.browse(record.id).export_data(["display_name"])["datas"] == [[name]],
            "name_search": found_by_name,
        }
        results = {}
        for path, func in paths.items():
            try:
                results[path] = func()
            except AccessError:
                results[path] = False
        self.assertEqual(len(set(results.values())), 1, f"{model} {env.user.login}: {results}")
        return results["search"]

    def _sees(self, env, model, domain, fields):
        """Whether ``env``'s user finds the one record of ``model`` that ``domain`` gives the
        superuser, and reads ``fields`` of it."""
        try:
            found = env[model].search(domain)
            found.read(fields)
        except AccessError:
            return False
        self.assertEqual(found.ids, self.env[model].search(domain).ids if found else [], model)
        return bool(found)
