"""Each roster keeps an export preset (ir.exports) with its columns: officers export a list in
the columns of the import template (Odoo's Export dialog lists the presets of the model)."""

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestExportPreset(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.configurator = new_test_user(
            cls.env, "preset_configurator", groups="org_base.group_org_configurator"
        )
        cls.officer = new_test_user(cls.env, "preset_officer", groups="org_base.group_org_user")

    def _lines(self, roster):
        return roster.sudo().export_id.export_fields.mapped("name")

    def test_preset_follows_the_roster(self):
        roster = (
            self.env["org.roster"]
            .with_user(self.configurator)
            .create(
                {
                    "name": "工牌花名册",
                    "key": "badge_preset",
                    "model_id": self.env.ref("hr.model_hr_employee").id,
                    "key_field_ids": [
                        Command.set(self.env.ref("hr.field_hr_employee__identification_id").ids)
                    ],
                    "column_ids": [
                        Command.create({"label": "姓名", "field_name": "name", "sequence": 1}),
                        Command.create(
                            {
                                "label": "身份证号",
                                "field_name": "identification_id",
                                "kind": "id_number",
                                "sequence": 2,
                            }
                        ),
                        Command.create({"label": "工牌号", "field_name": "barcode", "sequence": 3}),
                    ],
                }
            )
        )
        preset = roster.sudo().export_id
        self.assertEqual((preset.name, preset.resource), ("工牌花名册", "hr.employee"))
        self.assertEqual(self._lines(roster), ["name", "identification_id", "barcode"])
        # Saving the roster with changed columns updates the same preset.
        roster.write(
            {
                "name": "工牌名册",
                "column_ids": [
                    Command.update(roster.column_ids[2].id, {"sequence": 0}),
                    Command.unlink(roster.column_ids[1].id),
                    Command.create({"label": "工作邮箱", "field_name": "work_email", "sequence": 9}),
                ],
            }
        )
        self.assertEqual(roster.sudo().export_id, preset)
        self.assertEqual(preset.name, "工牌名册")
        self.assertEqual(self._lines(roster), ["barcode", "name", "work_email"])
        # The officer sees the preset in the Export dialog (it searches ir.exports of the model).
        presets = self.env["ir.exports"].with_user(self.officer).search([("resource", "=", "hr.employee")])
        self.assertIn(preset, presets)
        # Archived or deleted, the roster takes its preset away.
        roster.action_archive()
        self.assertFalse(preset.exists())
        roster.action_unarchive()
        self.assertEqual(self._lines(roster), ["barcode", "name", "work_email"])
        preset = roster.sudo().export_id
        roster.unlink()
        self.assertFalse(preset.exists())

    def test_shipped_rosters_have_presets(self):
        roster = self.env.ref("org_roster.roster_employee")
        columns = roster.column_ids.sorted(lambda column: (column.sequence, column.id)).mapped("field_name")
        self.assertEqual(self._lines(roster), list(dict.fromkeys(columns)))
