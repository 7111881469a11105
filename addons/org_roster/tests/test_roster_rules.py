"""The dry run and the import check every row against the model's domain rules
(``_org_rule_messages``): a row that breaks one is refused with its row and the columns of the
fields the rule names, and nothing is written; an error while writing names its row."""

import base64
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.org_base.tests.fixtures import resident_id

from . import roster_fixtures as fx
from .test_roster_import import RosterImportCase


@tagged("post_install", "-at_install")
class TestRosterDomainRules(RosterImportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(
            ["hr", "org_base", "org_roster"], ["zh_CN"], overwrite=True
        )

    def test_birth_date_contradicting_the_id_number(self):
        rows = fx.employee_rows(3)
        rows[1][3] = "1971-02-03"  # the ID number says otherwise
        data = fx.build_xlsx(rows)
        count = self.Employee.search_count([])
        wizard = self._wizard(data, "rules.xlsx")
        wizard.action_dry_run()
        self.assertErrors(
            wizard,
            [(3, ["column B “身份证号”", "column D “出生日期”", "the birth date 1971-02-03 contradicts"])],
        )
        self.assertEqual((wizard.create_count, wizard.row_count), (2, 3))
        # The real import refuses the row the same way, before writing: nothing is written.
        wizard = self._wizard(data, "rules.xlsx")
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.created_count), ("checked", 0))
        self.assertErrors(wizard, [(3, ["column D “出生日期”", "contradicts"])])
        self.assertEqual(self.Employee.search_count([]), count)
        # In Chinese: the row, the column letter and header, the rule.
        wizard = self._wizard(data, "rules.xlsx").with_context(lang="zh_CN")
        wizard.action_dry_run()
        self.assertRegex(
            wizard.error_line_ids.message, r"^第 ?3 ?行：B ?列“身份证号”、D ?列“出生日期”：.*1971-02-03"
        )
        self.assertNotRegex(wizard.error_line_ids.message, "第 ?0 ?行")

    def test_update_checked_against_the_stored_record(self):
        """An update is checked as ``new(changes, origin=record)``: a gender column that
        contradicts the stored number is refused; a field no column fills is named by its
        label."""
        rows = fx.employee_rows(2)
        self._wizard(fx.build_xlsx(rows), "first.xlsx").action_import()
        stored = self._employee(rows[0][1])
        self.assertTrue(stored)
        rows[0][2] = "女" if rows[0][2] == "男" else "男"
        wizard = self._wizard(fx.build_xlsx(rows), "second.xlsx")
        wizard.action_import()
        self.assertErrors(wizard, [(2, ["column C “性别”", "contradicts the resident ID number"])])
        self.assertEqual(stored.gender, "male" if rows[0][2] == "女" else "female", "nothing changed")

        # A roster keyed on the name that gives a new ID number: the stored birth date (no
        # column) contradicts it.
        self.env["org.roster"].with_user(self.configurator).create(
            {
                "name": "按姓名花名册",
                "key": "by_name",
                "model_id": self.env.ref("hr.model_hr_employee").id,
                "key_field_ids": [Command.set(self.env.ref("hr.field_hr_employee__name").ids)],
                "column_ids": [
                    Command.create({"label": "姓名", "field_name": "name", "required": True}),
                    Command.create(
                        {"label": "身份证号", "field_name": "identification_id", "kind": "id_number"}
                    ),
                ],
            }
        )
        other_number = resident_id("420116", "19600606", 112)  # a woman, as stored
        wizard = self._wizard(
            fx.build_xlsx([[stored.name, other_number]], headers=["姓名", "身份证号"]),
            "n.xlsx",
            roster="by_name",
        )
        wizard.action_dry_run()
        birthday_label = self.env["hr.employee"]._fields["birthday"]._description_string(self.env)
        self.assertErrors(wizard, [(2, ["column B “身份证号”", birthday_label, "1960-06-06"])])

    def test_error_in_the_after_import_hook_names_its_row(self):
        """A refusal the check cannot foresee (the model's hook after the writes) names the
        row, not a row 0."""
        rows = fx.employee_rows(3)
        Employee = type(self.env["hr.employee"])

        def after_import(records, wizard):
            for record in records:
                if record.name == rows[1][0]:
                    raise ValidationError(records.env._("%(name)s: 钩子拒绝", name=record.name))

        count = self.Employee.search_count([])
        with patch.object(Employee, "_org_roster_after_import", after_import, create=True):
            wizard = self._wizard(fx.build_xlsx(rows), "hook.xlsx").with_context(lang="zh_CN")
            wizard.action_import()
        self.assertEqual(wizard.state, "checked")
        self.assertEqual(wizard.error_line_ids.row, 3)
        self.assertRegex(wizard.error_line_ids.message, r"^第 ?3 ?行.*钩子拒绝")
        self.assertEqual(self.Employee.search_count([]), count)

    def test_rule_check_computes_a_batch_at_once(self):
        """The rows of the rule check prefetch together: a stored computed field a rule reads
        is computed once for all the rows (one call, its queries once), and reading a field
        that has no default does not ask default_get again for each row (B1)."""
        Employee = type(self.env["hr.employee"])
        rule_messages = Employee._org_rule_messages
        compute_parent = Employee._compute_parent_id
        default_get = Employee.default_get
        computed, defaults, read = [], [], []

        def org_rule_messages(record):
            # A rule that reads a stored computed field, and a stored field without default.
            read.append((record.parent_id, record.private_street))
            return rule_messages(record)

        def compute_parent_id(records):
            computed.append(len(records))
            return compute_parent(records)

        def counted_default_get(model, fields_list):
            defaults.append(tuple(fields_list))
            return default_get(model, fields_list)

        with (
            patch.object(Employee, "_org_rule_messages", org_rule_messages),
            patch.object(Employee, "_compute_parent_id", compute_parent_id),
            patch.object(Employee, "default_get", counted_default_get),
        ):
            wizard = self._wizard(fx.build_xlsx(fx.employee_rows(6)), "batch.xlsx")
            wizard.action_dry_run()
        self.assertEqual((wizard.error_count, wizard.create_count), (0, 6))
        self.assertEqual(len(read), 6, "the rule read the fields of each row")
        self.assertEqual(computed, [6], "one computation for the six rows, not one per row")
        self.assertFalse(
            [names for names in defaults if names == ["private_street"] or names == ("private_street",)],
            "no default_get per row for a field without default",
        )


@tagged("post_install", "-at_install")
class TestRosterCheckedPlan(RosterImportCase):
    """The import that follows a dry run writes the dry run's plan without reading and
    checking the file again, only while nothing the plan depends on changed (B1); the records'
    constraints still check every rule on every record written."""

    def _checked(self, rows, file_name="plan.xlsx"):
        wizard = self._wizard(fx.build_xlsx(rows), file_name)
        wizard.action_dry_run()
        self.assertEqual(wizard.error_count, 0)
        self.assertTrue(wizard.checked_plan)
        return wizard

    def test_import_writes_the_checked_plan(self):
        rows = fx.employee_rows(4)
        wizard = self._checked(rows)
        Wizard = type(wizard)
        with (
            patch.object(Wizard, "_read_file", side_effect=AssertionError("the file is read again")),
            patch.object(
                Wizard, "_check_domain_rules", side_effect=AssertionError("the rows are checked again")
            ),
        ):
            wizard.action_import()
        self.assertEqual((wizard.state, wizard.created_count), ("done", 4))
        self.assertEqual(self._employee(rows[2][1]).name, rows[2][0])
        self.assertEqual(self._employee(rows[2][1]).department_id, self.office)
        self.assertFalse(wizard.checked_plan, "a plan is written once")

    def test_new_record_with_a_row_key_invalidates_the_plan(self):
        """After the dry run, someone creates the person of a row: the import updates that
        record (the file is checked again) instead of creating a twin."""
        rows = fx.employee_rows(3)
        wizard = self._checked(rows)
        self.assertEqual(wizard.create_count, 3)
        twin = self.env["hr.employee"].create({"name": "先录入的人", "identification_id": rows[1][1]})
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.created_count, wizard.updated_count), ("done", 2, 1))
        self.assertEqual(self._employee(rows[1][1]), twin)
        self.assertEqual(twin.name, rows[1][0])

    def test_changed_stored_record_invalidates_the_plan(self):
        """A record that a row matches changed after the dry run (the plan left it unchanged):
        the rows are planned again from what the records now hold, and the row writes its
        value back."""
        rows = fx.employee_rows(2)
        self._wizard(fx.build_xlsx(rows), "first.xlsx").action_import()
        rows[0][5] = "副科长"
        wizard = self._checked(rows, "second.xlsx")
        self.assertEqual((wizard.update_count, wizard.unchanged_count), (1, 1))
        self._employee(rows[1][1]).mobile_phone = "13000000000"  # by hand, meanwhile
        with patch.object(
            type(wizard), "_check_domain_rules", wraps=wizard._check_domain_rules, autospec=True
        ) as checked:
            wizard.action_import()
        self.assertTrue(checked.called, "the file was checked again")
        self.assertEqual((wizard.state, wizard.updated_count), ("done", 2))
        self.assertEqual(self._employee(rows[0][1]).job_title, "副科长")
        self.assertEqual(self._employee(rows[1][1]).mobile_phone, rows[1][6], "the row writes it back")

    def test_rule_broken_after_the_dry_run_is_refused(self):
        """Nothing the plan depends on changed, but a rule now refuses a row (a setting it
        reads changed, say): the record's constraint refuses it, naming the row; nothing is
        written."""
        rows = fx.employee_rows(3)
        wizard = self._checked(rows).with_context(lang="zh_CN")
        Employee = type(self.env["hr.employee"])
        resident_rules = Employee._resident_id_rule_messages

        def stricter(record):
            if record.name == rows[2][0]:
                return [(("identification_id",), "新规则拒绝")]
            return resident_rules(record)

        count = self.Employee.search_count([])
        with patch.object(Employee, "_resident_id_rule_messages", stricter):
            wizard.action_import()
        self.assertEqual(wizard.state, "checked")
        self.assertEqual(wizard.error_line_ids.row, 4)
        self.assertRegex(wizard.error_line_ids.message, r"^第 ?4 ?行.*新规则拒绝")
        self.assertEqual(self.Employee.search_count([]), count)

    def test_changed_file_or_forged_plan_is_checked_again(self):
        rows = fx.employee_rows(2)
        wizard = self._checked(rows)
        # A plan written by hand (the owner may write the wizard): not signed, not used.
        forged = wizard.checked_plan.replace(rows[0][0], "伪造的名字")
        wizard.write({"checked_plan": forged})
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(self._employee(rows[0][1]).name, rows[0][0])
        self.assertFalse(self.Employee.search_count([("name", "=", "伪造的名字")]))
        # Another file after the dry run: the new file is checked and imported.
        rows = fx.employee_rows(2, start=10)
        wizard = self._checked(rows)
        rows[1][0] = "改过的名字"
        wizard.write({"file": base64.b64encode(fx.build_xlsx(rows)), "file_name": "plan.xlsx"})
        wizard.action_import()
        self.assertEqual(self._employee(rows[1][1]).name, "改过的名字")
