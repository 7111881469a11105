from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.org_base.tests.common import FakeModelCase


@tagged("post_install", "-at_install")
class TestChecklistMixin(FakeModelCase):
    """The checklist mixin on a model of its own (odoo-test-helper's FakeModelLoader)."""

    @classmethod
    def _fake_models(cls):
        from .fake_models import OrgFakeChecklistRecord

        return (OrgFakeChecklistRecord,)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env["org.checklist.template"].create(
            {
                "name": "测试清单",
                "item_ids": [
                    (0, 0, {"sequence": 1, "name": "制定方案", "required": True}),
                    (0, 0, {"sequence": 2, "name": "上传材料", "required": True, "evidence_required": True}),
                    (0, 0, {"sequence": 3, "name": "总结经验", "required": False}),
                ],
            }
        )

    def _record(self):
        return self.env["org.fake.checklist.record"].create(
            {"name": "样例", "checklist_template_id": self.template.id}
        )

    def test_template_gives_lines_in_order(self):
        record = self._record()
        self.assertEqual(record.checklist_line_ids.mapped("name"), ["制定方案", "上传材料", "总结经验"])
        self.assertEqual(set(record.checklist_line_ids.mapped("res_model")), {"org.fake.checklist.record"})
        self.assertEqual(record.checklist_progress, 0.0)
        self.assertEqual(record.checklist_open_required_count, 2)
        # Applying the template again adds nothing; a ticked line stays ticked.
        record.checklist_line_ids[0].done = True
        record.checklist_template_id = False
        record.checklist_template_id = self.template
        self.assertEqual(len(record.checklist_line_ids), 3)
        self.assertTrue(record.checklist_line_ids[0].done)
        self.assertAlmostEqual(record.checklist_progress, 100.0 / 3, places=2)

    def test_lines_added_through_the_form(self):
        record = self.env["org.fake.checklist.record"].create(
            {"name": "手工", "checklist_line_ids": [(0, 0, {"name": "临时事项", "required": True})]}
        )
        self.assertEqual(record.checklist_line_ids.res_model, "org.fake.checklist.record")
        self.assertEqual(record.checklist_open_required_count, 1)

    def test_guard_lists_open_required_items(self):
        record = self._record()
        with self.assertRaises(UserError) as caught:
            record.action_close()
        message = str(caught.exception)
        self.assertIn("样例", message)
        self.assertIn("制定方案", message)
        self.assertIn("上传材料", message)
        self.assertNotIn("总结经验", message, "optional items do not block")
        self.assertEqual(record.state, "open")

        plan, upload, _summary = record.checklist_line_ids
        plan.done = True
        with self.assertRaises(ValidationError) as caught:
            upload.done = True
        self.assertIn("上传材料", str(caught.exception))
        upload.attachment_ids = [
            (0, 0, {"name": "材料.pdf", "raw": b"%PDF-1.4", "res_model": upload._name, "res_id": upload.id})
        ]
        upload.done = True
        self.assertEqual(upload.done_user_id, self.env.user)
        self.assertTrue(upload.done_date)
        record.action_close()
        self.assertEqual(record.state, "closed")
        upload.done = False
        self.assertFalse(upload.done_date)

    def test_guard_lists_every_blocked_record_in_one_error(self):
        """One refusal names each blocked record with all its blockers, the model's own
        conditions next to the checklist's; a record that may close is not named."""
        first, second, free = self._record(), self._record(), self._record()
        first.name, second.name, free.name = "甲", "乙", "丙"
        second.signed = False
        free.checklist_line_ids.filtered("required").write({"required": False})
        records = first | second | free
        with self.assertRaises(UserError) as caught:
            records.action_close()
        lines = str(caught.exception).splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertIn("甲", lines[0])
        self.assertIn("制定方案、上传材料", lines[0])
        self.assertNotIn("未签字", lines[0])
        self.assertIn("乙", lines[1])
        self.assertIn("未签字", lines[1])
        self.assertNotIn("丙", str(caught.exception))
        self.assertEqual(set(records.mapped("state")), {"open"})
        self.assertEqual(free._checklist_closing_blockers(), [])
        free.signed = False
        self.assertEqual(free._checklist_closing_blockers(), ["未签字"])

    def test_unlink_removes_lines(self):
        record = self._record()
        lines = record.checklist_line_ids
        record.unlink()
        self.assertFalse(lines.exists())


@tagged("post_install", "-at_install")
class TestChecklistLineAccess(TransactionCase):
    """Checklist lines are as visible and as editable as the record they belong to."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = new_test_user(cls.env, "cl_member", groups="project.group_project_user")
        cls.outsider = new_test_user(cls.env, "cl_outsider", groups="project.group_project_user")
        cls.project = cls.env["project.project"].create(
            {
                "name": "私密看板",
                "privacy_visibility": "followers",
                "message_partner_ids": [(4, cls.member.partner_id.id)],
            }
        )
        cls.task = cls.env["project.task"].create(
            {
                "name": "保密事项",
                "project_id": cls.project.id,
                "checklist_line_ids": [(0, 0, {"name": "核查"})],
            }
        )
        cls.line = cls.task.checklist_line_ids

    def test_member_reads_and_ticks(self):
        line = self.line.with_user(self.member)
        self.assertEqual(line.name, "核查")
        line.done = True
        self.assertTrue(self.line.done)

    def test_outsider_neither_finds_nor_reads(self):
        lines = self.env["org.checklist.line"].with_user(self.outsider)
        self.assertFalse(lines.search([("name", "=", "核查")]))
        with self.assertRaises(AccessError):
            self.line.with_user(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.line.with_user(self.outsider).write({"done": True})
