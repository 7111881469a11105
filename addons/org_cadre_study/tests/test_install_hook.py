import importlib.util
import os

from odoo import Command
from odoo.modules.module import get_module_path
from odoo.tests import tagged
from odoo.tools import SQL, sql

from odoo.addons.org_cadre.tests.common import CadreCommon

from ..hooks import LEGACY_COLUMN, TABLE, post_init_hook


def _org_cadre_migration(version, name):
    path = os.path.join(get_module_path("org_cadre"), "migrations", version, f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"org_cadre_migration_{name.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestInstallHook(CadreCommon):
    """An existing database: org_cadre's integer study_session_ref becomes the bridge's link."""

    def test_legacy_references_become_the_link(self):
        program = self._spring_bamboo_program()
        enrollment_a = program.enrollment_ids.filtered(lambda e: e.employee_id == self.cadre)
        enrollment_b = program.enrollment_ids - enrollment_a
        # What org_cadre 18.0.1.0.1 made: a type found by its English name, a held session,
        # its id in an integer column; one reference points at a session deleted since.
        old_type = self.env["org.study.type"].create({"name": "Cadre Training", "default_hours": 0})
        session = self.env["org.study.session"].create(
            {
                "name": program.name,
                "type_id": old_type.id,
                "date_start": "2023-05-08 09:00:00",
                "hours": 24.0,
                "state": "held",
                "attendance_ids": [Command.create({"employee_id": self.cadre.id, "state": "present"})],
            }
        )
        self.env.flush_all()
        cr = self.env.cr
        table = SQL.identifier(TABLE)
        cr.execute(SQL("ALTER TABLE %s ADD COLUMN study_session_ref int4", table))
        for enrollment, ref in ((enrollment_a, session.id), (enrollment_b, session.id + 10**6)):
            cr.execute(SQL("UPDATE %s SET study_session_ref = %s WHERE id = %s", table, ref, enrollment.id))

        # Updating org_cadre renames the column, so that removing its field does not drop it.
        _org_cadre_migration("18.0.1.1.0", "pre-migrate").migrate(cr, "18.0.1.0.1")
        self.assertFalse(sql.column_exists(cr, TABLE, "study_session_ref"))
        self.assertTrue(sql.column_exists(cr, TABLE, LEGACY_COLUMN))

        # Installing the bridge adopts the references whose session exists, then drops the column.
        tag = self.env.ref("org_study.employee_category_cadre")
        self.cadre.category_ids = [Command.unlink(tag.id)]
        post_init_hook(self.env)
        self.assertFalse(sql.column_exists(cr, TABLE, LEGACY_COLUMN))
        self.assertEqual(enrollment_a.study_session_id, session)
        self.assertFalse(enrollment_b.study_session_id)
        self.assertEqual(session.type_id, self.env.ref("org_cadre_study.study_type_cadre_training"))
        self.assertFalse(old_type.active)
        self.assertIn(tag, self.cadre.category_ids)
        # The adopted link works as a new one: cancelling removes the session.
        enrollment_a.with_user(self.user_officer).action_cancel()
        self.assertFalse(session.exists())

    def test_hook_without_legacy_column(self):
        # A new database: nothing to adopt, the hook only tags the cadres.
        self.assertFalse(sql.column_exists(self.env.cr, TABLE, LEGACY_COLUMN))
        tag = self.env.ref("org_study.employee_category_cadre")
        self.cadre_b.category_ids = [Command.unlink(tag.id)]
        post_init_hook(self.env)
        self.assertIn(tag, self.cadre_b.category_ids)
        self.assertFalse(sql.column_exists(self.env.cr, TABLE, LEGACY_COLUMN))
