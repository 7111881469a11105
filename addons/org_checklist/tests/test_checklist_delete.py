from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestChecklistDelete(TransactionCase):
    """A record with checklist lines can be deleted by whoever may delete the record; a line
    of an unknown model is refused clearly instead of a KeyError."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(cls.env, "cd_manager", groups="org_base.group_org_manager")
        cls.leader = new_test_user(cls.env, "cd_leader", groups="org_base.group_org_leader")
        cls.project = cls.env["project.project"].create({"name": "删除测试看板"})

    def _task(self):
        return self.env["project.task"].create(
            {
                "name": "有清单的卡片",
                "project_id": self.project.id,
                "checklist_line_ids": [(0, 0, {"name": "核查"}), (0, 0, {"name": "归档"})],
            }
        )

    def test_manager_deletes_a_card_with_its_checklist(self):
        task = self._task()
        lines = task.checklist_line_ids
        self.assertEqual(len(lines), 2)
        task.with_user(self.manager).unlink()
        self.assertFalse(task.exists())
        self.assertFalse(lines.exists())

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_refused_delete_keeps_record_and_lines(self):
        task = self._task()
        lines = task.checklist_line_ids
        with self.assertRaises(AccessError):
            task.with_user(self.leader).unlink()
        self.assertTrue(task.exists())
        self.assertEqual(len(lines.exists()), 2)

    def test_unknown_model_is_refused_clearly(self):
        with self.assertRaisesRegex(ValidationError, "no.such.model"):
            self.env["org.checklist.line"].create({"name": "孤儿", "res_model": "no.such.model", "res_id": 1})

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_line_of_an_uninstalled_model_is_hidden_not_a_key_error(self):
        line = self._task().checklist_line_ids[0]
        self.env.cr.execute(
            "UPDATE org_checklist_line SET res_model = 'no.such.model' WHERE id = %s", [line.id]
        )
        line.invalidate_recordset()
        as_manager = self.env["org.checklist.line"].with_user(self.manager)
        self.assertNotIn(line, as_manager.search([("name", "=", "核查")]))
        with self.assertRaises(AccessError):
            line.with_user(self.manager).read(["name"])
