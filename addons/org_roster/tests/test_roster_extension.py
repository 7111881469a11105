"""The extension points of a roster: key fields, columns matched by a field, default values
(all data on the roster), the import hooks of the target model, and the message of a row the
database refuses."""

from unittest.mock import patch

import psycopg2

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from . import roster_fixtures as fx
from .test_roster_import import RosterImportCase


@tagged("post_install", "-at_install")
class TestRosterExtension(RosterImportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(["hr", "org_roster"], ["zh_CN"], overwrite=True)

    def _roster(self, key, columns, key_fields=("identification_id",), **vals):
        fields = self.env["ir.model.fields"].search(
            [("model", "=", "hr.employee"), ("name", "in", list(key_fields))]
        )
        return (
            self.env["org.roster"]
            .with_user(self.configurator)
            .create(
                {
                    "name": f"测试花名册{key}",
                    "key": key,
                    "model_id": self.env.ref("hr.model_hr_employee").id,
                    "key_field_ids": [Command.set(fields.ids)],
                    "column_ids": [Command.create(column) for column in columns],
                    **vals,
                }
            )
        )

    def _import(self, key, headers, rows, action="action_import", lang=None):
        wizard = self._wizard(fx.build_xlsx(rows, headers=headers), f"{key}.xlsx", roster=key)
        if lang:
            wizard = wizard.with_context(lang=lang)
        getattr(wizard, action)()
        return wizard

    def test_composite_key_fields_from_data(self):
        """Keyed on 姓名 and 出生日期: namesakes born on other days are other people, a second
        line of the same person in the file is refused naming both cells."""
        self._roster(
            "name_birthday",
            [
                {"label": "姓名", "field_name": "name", "required": True},
                {"label": "出生日期", "field_name": "birthday", "required": True},
                {"label": "职务", "field_name": "job_title"},
            ],
            key_fields=("name", "birthday"),
        )
        headers = ["姓名", "出生日期", "职务"]
        rows = [["钱复合", "1980-01-01", "科员"], ["钱复合", "1981-02-02", "科员"]]
        wizard = self._import("name_birthday", headers, rows)
        self.assertEqual(
            (wizard.state, wizard.created_count), ("done", 2), wizard.error_line_ids.mapped("message")
        )
        rows[1][2] = "副科长"
        again = self._import("name_birthday", headers, rows)
        self.assertEqual((again.created_count, again.updated_count, again.unchanged_count), (0, 1, 1))
        people = self.Employee.search([("name", "=", "钱复合")])
        self.assertEqual(sorted(people.mapped("job_title")), ["副科长", "科员"])
        twice = self._import(
            "name_birthday", headers, [*rows, ["钱复合", "1980.01.01", "科长"]], "action_dry_run"
        )
        self.assertErrors(
            twice,
            [(2, ["姓名“钱复合”", "出生日期“1980-01-01”", "row 4"]), (4, ["钱复合", "row 2"])],
        )
        # Two people already share a key: the row is refused rather than guessed.
        self.env["hr.employee"].create([{"name": "钱重名", "birthday": "1979-09-09"} for _twice in range(2)])
        ambiguous = self._import(
            "name_birthday", headers, [["钱重名", "1979-09-09", "科员"]], "action_dry_run"
        )
        self.assertErrors(
            ambiguous, [(2, ["2 existing records have 姓名“钱重名”、出生日期“1979-09-09”", "merge"])]
        )

    def test_match_by_field(self):
        """The manager (a record column) is found by 经理工号, by 经理姓名 or by 经理身份证号,
        with the importing officer's own rights; cells of one row must name the same person."""
        number = fx.resident_id_x("420116", "19700101")
        boss = self.env["hr.employee"].create(
            {"name": "孙经理", "barcode": "M01", "identification_id": number}
        )
        namesake = self.env["hr.employee"].create({"name": "孙经理", "barcode": "M02"})
        roster = self._roster(
            "manager",
            [
                {"label": "姓名", "field_name": "name", "required": True},
                {"label": "身份证号", "field_name": "identification_id", "kind": "id_number"},
                {"label": "经理姓名", "field_name": "parent_id", "match_field_name": "name"},
                {"label": "经理工号", "field_name": "parent_id", "match_field_name": "barcode"},
                {"label": "经理身份证号", "field_name": "parent_id", "match_field_name": "identification_id"},
            ],
        )
        self.assertEqual(
            roster.column_ids.mapped("kind"), ["char", "id_number", "many2one", "many2one", "many2one"]
        )
        headers = ["姓名", "身份证号", "经理姓名", "经理工号", "经理身份证号"]
        people = fx.employee_rows(6)
        rows = [
            [people[0][0], people[0][1], "孙经理", "M01", None],  # 姓名 and 工号 agree
            [people[1][0], people[1][1], None, None, number.lower()],  # ID number, lower-case x
            [people[2][0], people[2][1], None, None, None],  # no manager: left empty
            [people[3][0], people[3][1], "孙经理", None, None],  # two 孙经理
            [people[4][0], people[4][1], "孙经理", "M03", None],  # no such 工号
            [people[5][0], people[5][1], "钱不在", "M02", None],  # cells name different people
        ]
        wizard = self._import("manager", headers, rows)
        self.assertErrors(
            wizard,
            [
                (5, ["2 records of Employee", "孙经理", "经理工号、经理身份证号"]),
                (6, ["no Employee has the 经理工号 “M03”"]),
                (7, ["no Employee has the 经理姓名 “钱不在”"]),
            ],
        )
        wizard = self._import("manager", headers, rows[:3])
        self.assertEqual(wizard.state, "done", wizard.error_line_ids.mapped("message"))
        managers = [self._employee(row[1]).parent_id for row in rows[:3]]
        self.assertEqual(managers, [boss, boss, self.env["hr.employee"]])
        self.assertNotIn(namesake, managers)
        # An officer who may not read ID numbers: a file that fills 经理身份证号 is refused whole.
        self.plain_officer.groups_id |= self.env.ref("hr.group_hr_user")
        with patch.object(
            self.env["hr.employee"]._fields["identification_id"], "groups", "base.group_system"
        ):
            wizard = self._wizard(fx.build_xlsx(rows[1:2], headers=headers), "m.xlsx", roster="manager")
            with self.assertRaisesMessage(Exception, "may not read"):
                wizard.action_dry_run()
        # A configurator cannot match on a field the related model does not have.
        with self.assertRaisesMessage(ValidationError, "经理姓名.*no_such_field"):
            roster.column_ids[2].match_field_name = "no_such_field"

    def test_default_values(self):
        """Records created get the roster's default values, unless their row fills the field;
        records updated keep theirs."""
        roster = self._roster(
            "defaults",
            [
                {"label": "姓名", "field_name": "name", "required": True},
                {"label": "身份证号", "field_name": "identification_id", "kind": "id_number"},
                {"label": "出生地", "field_name": "place_of_birth"},
            ],
            default_values="{'place_of_birth': '武汉', 'job_title': '待定'}",
        )
        people = fx.employee_rows(3)
        existing = self.env["hr.employee"].create(
            {"name": people[2][0], "identification_id": people[2][1], "job_title": "科长"}
        )
        rows = [
            [people[0][0], people[0][1], None],
            [people[1][0], people[1][1], "黄石"],
            [people[2][0], people[2][1], "襄阳"],
        ]
        wizard = self._import("defaults", ["姓名", "身份证号", "出生地"], rows)
        self.assertEqual(
            (wizard.created_count, wizard.updated_count), (2, 1), wizard.error_line_ids.mapped("message")
        )
        self.assertEqual(
            [(self._employee(row[1]).place_of_birth, self._employee(row[1]).job_title) for row in rows],
            [("武汉", "待定"), ("黄石", "待定"), ("襄阳", "科长")],
        )
        self.assertEqual(existing.job_title, "科长")
        for wrong, pattern in (
            ("{'no_such_field': 1}", "no_such_field"),
            ("['is_cadre']", "dictionary"),
            ("{'name': ", "dictionary"),
        ):
            with self.assertRaisesMessage(ValidationError, f"测试花名册defaults.*{pattern}"):
                roster.default_values = wrong

    def test_target_hooks_are_called_once_per_import(self):
        """The target model's hooks see every row at once: a check, the rows' values (which the
        hook may complete or refuse), the records written."""
        self._roster(
            "hooked",
            [
                {"label": "姓名", "field_name": "name", "required": True},
                {"label": "身份证号", "field_name": "identification_id", "kind": "id_number"},
            ],
        )
        people = fx.employee_rows(4)
        existing = self.env["hr.employee"].create({"name": "旧名字", "identification_id": people[0][1]})
        calls = []
        Employee = type(self.env["hr.employee"])

        def check_import(model, wizard):
            calls.append(("check", wizard.roster))

        def prepare_values(model, rows, wizard):
            calls.append(("prepare", [number for number, _vals in rows]))
            for _number, vals in rows:
                vals["place_of_birth"] = "钩子"
            return [
                (number, f"Row {number}: refused by the hook.")
                for number, vals in rows
                if vals["name"] == people[3][0]
            ]

        def after_import(records, wizard):
            calls.append(("after", records))

        headers = ["姓名", "身份证号"]
        with (
            patch.object(Employee, "_org_roster_check_import", check_import),
            patch.object(Employee, "_org_roster_prepare_values", prepare_values),
            patch.object(Employee, "_org_roster_after_import", after_import),
        ):
            refused = self._import("hooked", headers, [row[:2] for row in people])
            self.assertErrors(refused, [(5, ["refused by the hook"])])
            self.assertEqual(calls, [("check", "hooked"), ("prepare", [2, 3, 4, 5])], "once, not per row")
            calls.clear()
            wizard = self._import("hooked", headers, [row[:2] for row in people[:3]])
        self.assertEqual(wizard.state, "done", wizard.error_line_ids.mapped("message"))
        self.assertEqual([call[0] for call in calls], ["check", "prepare", "after"])
        written = self.Employee.search([("identification_id", "in", [row[1] for row in people[:3]])])
        self.assertEqual(calls[2][1], written, "the created and the updated records, at once")
        self.assertIn(existing, written)
        self.assertEqual(set(written.mapped("place_of_birth")), {"钩子"}, "the values the hook completed")

    def test_constraint_violation_names_the_row_in_chinese(self):
        """Two rows with one 工牌号: the database's unique constraint refuses the second row;
        the message names that row in Chinese, with the constraint's own message."""
        self._roster(
            "badge_unique",
            [
                {"label": "姓名", "field_name": "name", "required": True},
                {"label": "身份证号", "field_name": "identification_id", "kind": "id_number"},
                {"label": "工牌号", "field_name": "barcode"},
            ],
        )
        people = fx.employee_rows(3)
        rows = [
            [people[0][0], people[0][1], "B1"],
            [people[1][0], people[1][1], "B2"],
            [people[2][0], people[2][1], "B1"],
        ]
        count = self.Employee.search_count([])
        with mute_logger("odoo.sql_db"):
            wizard = self._import("badge_unique", ["姓名", "身份证号", "工牌号"], rows, lang="zh_CN")
        self.assertEqual(wizard.state, "checked")
        self.assertEqual(wizard.error_line_ids.row, 4)
        self.assertRegex(wizard.error_line_ids.message, r"^第 ?4 ?行.*未导入.*徽标ID必须是唯一的")
        self.assertEqual(self.Employee.search_count([]), count, "nothing is left behind")

    def test_not_null_violation_in_chinese(self):
        """A constraint without a message of its own: what failed, on which field, in Chinese."""
        Wizard = self.env["org.roster.import"].with_context(lang="zh_CN")
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError) as caught:
            with self.env.cr.savepoint():
                self.env.cr.execute("INSERT INTO hr_department (name, active) VALUES (NULL, TRUE)")
        reason = Wizard._integrity_error_reason(caught.exception)
        self.assertRegex(reason, "部门.*必填|必填.*部门")
