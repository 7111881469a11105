"""The access matrix machinery shared by every addon's ``test_access_matrix``: the five roles of
org_base, one least-privileged user each, and the checks that prove a cell of the matrix.

Reading is proven through search, read, read_group, export_data and name_search; writing through
write, create and unlink, with what is stored checked after a refusal.
"""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user

ROLES = ("employee", "officer", "leader", "configurator", "manager")
GROUPS = {
    "employee": "base.group_user",
    "officer": "org_base.group_org_user",
    "leader": "org_base.group_org_leader",
    "configurator": "org_base.group_org_configurator",
    "manager": "org_base.group_org_manager",
}
ALL = frozenset(ROLES)
CONFIGURATORS = frozenset({"configurator", "manager"})
OFFICERS = frozenset({"officer", "manager"})
CARD_READERS = frozenset({"officer", "leader", "manager"})
MANAGER = frozenset({"manager"})
NONE = frozenset()


def role_users(env, prefix):
    """One user per role; every role may export what it reads (the export path then proves the
    read cell)."""
    return {
        role: new_test_user(env, f"{prefix}_{role}", groups=f"{group},base.group_allow_export")
        for role, group in GROUPS.items()
    }


class AccessMatrixMixin:
    """Cell checks for a TransactionCase that has ``self.users`` (``role_users``)."""

    def _refused(self, call):
        with self.assertRaises(AccessError):
            call()

    def _fresh(self, values):
        """The values with a new name and code, for models that keep them unique."""
        self._counter = getattr(self, "_counter", 0) + 1
        return {
            key: f"{value}{self._counter}" if key in ("name", "code") else value
            for key, value in values.items()
        }

    @staticmethod
    def _found(call):
        """Whether the call finds something; an access refusal finds nothing."""
        try:
            return bool(call())
        except AccessError:
            return False

    def _check_read(self, model, record, role, allowed):
        user = self.users[role]
        Model = self.env[model].with_user(user)
        label = f"{role} reads {model}"
        self.assertEqual(self._found(lambda: Model.search([("id", "=", record.id)])), allowed, label)
        name = record.display_name
        names = lambda: record.id in [found[0] for found in Model.name_search(name, limit=None)]  # noqa: E731
        self.assertEqual(self._found(names), allowed, label)
        groups = lambda: Model.read_group([("id", "=", record.id)], ["__count"], [])[0]["__count"]  # noqa: E731
        self.assertEqual(self._found(groups), allowed, label)
        if allowed:
            self.assertEqual(Model.browse(record.id).read(["display_name"])[0]["id"], record.id, label)
            self.assertEqual(Model.browse(record.id).export_data(["display_name"])["datas"], [[name]], label)
        else:
            self._refused(lambda: Model.browse(record.id).read(["display_name"]))
            self._refused(lambda: Model.browse(record.id).export_data(["display_name"]))

    def _check_write(self, model, record, values, role, allowed):
        Model = self.env[model].with_user(self.users[role])
        before = record.read(list(values))[0]
        if allowed:
            Model.browse(record.id).write(values)
            record.invalidate_recordset()
            for fname, value in values.items():
                self.assertEqual(record[fname], value, f"{role} writes {model}")
            record.write({fname: before[fname] for fname in values})
        else:
            self._refused(lambda: Model.browse(record.id).write(values))
            record.invalidate_recordset()
            self.assertEqual(record.read(list(values))[0], before, f"{role} changes nothing on {model}")

    def _check_create_unlink(self, model, values, role, may_create, may_unlink):
        Model = self.env[model].with_user(self.users[role])
        count = self.env[model].search_count([])
        if may_create:
            self.assertTrue(Model.create(self._fresh(values)).exists(), f"{role} creates {model}")
        else:
            self._refused(lambda: Model.create(self._fresh(values)))
            self.assertEqual(self.env[model].search_count([]), count, f"{role} creates no {model}")
        victim = self.env[model].create(self._fresh(values))
        if may_unlink:
            Model.browse(victim.id).unlink()
            self.assertFalse(victim.exists(), f"{role} deletes {model}")
        else:
            self._refused(lambda: Model.browse(victim.id).unlink())
            self.assertTrue(victim.exists(), f"{role} deletes no {model}")

    def _check_rows(self, rows):
        """Each row: model, values to create, values to write, readers, writers[, creators,
        unlinkers] (creators and unlinkers default to the writers)."""
        for model, create_vals, write_vals, readers, writers, *rest in rows:
            creators, unlinkers = rest or (writers, writers)
            record = self.env[model].create(self._fresh(create_vals))
            for role in ROLES:
                with self.subTest(model=model, role=role):
                    self._check_read(model, record, role, role in readers)
                    self._check_write(model, record, write_vals, role, role in writers)
                    self._check_create_unlink(model, create_vals, role, role in creators, role in unlinkers)
