import base64
import datetime
import io
import logging
import time
import zipfile

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, TransactionCase, new_test_user, tagged

from ..tools import roster_reader
from ..wizards.org_roster_import import CellError
from . import roster_fixtures as fx

_logger = logging.getLogger(__name__)


class _RaisesMessage:
    def __init__(self, case, exception, pattern):
        self.case, self.pattern = case, pattern
        self.context = case.assertRaises(exception)

    def __enter__(self):
        self.caught = self.context.__enter__()
        return self.caught

    def __exit__(self, *exc_info):
        suppressed = self.context.__exit__(*exc_info)
        self.case.assertRegex(str(self.caught.exception), self.pattern)
        return suppressed


class RosterImportCase(TransactionCase):
    """An officer who may write employees, one who may not, a configurator, departments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env, "roster_officer", groups="org_base.group_org_user,hr.group_hr_user"
        )
        cls.plain_officer = new_test_user(cls.env, "roster_plain_officer", groups="org_base.group_org_user")
        cls.configurator = new_test_user(
            cls.env, "roster_configurator", groups="org_base.group_org_configurator"
        )
        cls.roster = cls.env.ref("org_roster.roster_employee")
        departments = cls.env["hr.department"].create([{"name": fx.DEPT_A}, {"name": fx.DEPT_B}])
        cls.office, cls.section = departments
        # The selection labels of 性别 as a Chinese database has them (Odoo's 男性/女性):
        # the file says 男/女, which only the labels can resolve.
        cls.env["res.lang"]._activate_lang("zh_CN")
        gender_options = cls.env["ir.model.fields.selection"].search(
            [("field_id.model", "=", "hr.employee"), ("field_id.name", "=", "gender")]
        )
        chinese = {"male": "男性", "female": "女性", "other": "其他"}
        for option in gender_options:
            option.update_field_translations("name", {"zh_CN": chinese[option.value]})
        cls.Employee = cls.env["hr.employee"].with_context(active_test=False)

    def _wizard(self, data, file_name, user=None, roster="employee"):
        return (
            self.env["org.roster.import"]
            .with_user(user or self.officer)
            .create({"roster": roster, "file": base64.b64encode(data), "file_name": file_name})
        )

    def _messy_data(self, builder=fx.build_xlsx, **options):
        rows = [cells for _row, _errors, cells in fx.messy_rows()]
        return builder(rows, fx.HEADERS, fx.TITLE, fx.GROUPS, **options)

    def _messy(self, builder, file_name, **options):
        return self._wizard(self._messy_data(builder, **options), file_name)

    def _employee(self, number):
        return self.Employee.search([("identification_id", "=", number)])

    def assertRaisesMessage(self, exception, pattern):
        """assertRaisesRegex under Odoo's savepoint, so that a failed write leaves no trace."""
        return _RaisesMessage(self, exception, pattern)

    def assertErrors(self, wizard, expected):
        """``expected``: [(row, [substrings of its message])], in row order."""
        lines = wizard.error_line_ids.sorted(lambda line: (line.row, line.id))
        self.assertEqual(
            [line.row for line in lines],
            [row for row, _parts in expected],
            "\n".join(lines.mapped("message")),
        )
        for line, (_row, parts) in zip(lines, expected, strict=True):
            self.assertTrue(line.message.startswith(f"Row {line.row}: "), line.message)
            for part in parts:
                self.assertIn(part, line.message)
        self.assertEqual(wizard.error_count, len(expected))


@tagged("post_install", "-at_install")
class TestRosterImportReader(TransactionCase):
    """The pure reader: headers, values, files."""

    def test_normalize_header(self):
        for written in (
            "身份证号",
            "身份证号（18位）",
            " 身 份 证 号 ＊",
            "*身份证号",
            "身份证号【必填】",
            "身份证号:",
        ):
            self.assertEqual(roster_reader.normalize_header(written), "身份证号", written)
        self.assertEqual(
            roster_reader.split_synonyms("公民身份号码, 身份证号码、证件号码，身份证\n居民身份证"),
            ["公民身份号码", "身份证号码", "证件号码", "身份证", "居民身份证"],
        )

    def test_dates(self):
        jan_1, jan_5 = datetime.date(1990, 1, 1), datetime.date(1990, 1, 5)
        cases = [
            ("1990.01", jan_1),
            ("1990.1", jan_1),
            ("1990年1月", jan_1),
            ("1990年1月5日", jan_5),
            ("1990-01-05", jan_5),
            ("1990/1/5", jan_5),
            ("19900105", jan_5),
            ("１９９０．０１", jan_1),
            ("1990-01-05 00:00:00", jan_5),
            (32878, jan_5),  # Excel serial number
            (32878.0, jan_5),
            ("32878", jan_5),
            (1990.01, jan_1),  # 1990.01 typed into a number cell
            (19900105, jan_5),
            (datetime.datetime(1990, 1, 5, 8, 30), jan_5),
            (jan_5, jan_5),
        ]
        for value, expected in cases:
            self.assertEqual(roster_reader.parse_date(value), expected, value)
        # The 1904 date system of old Mac workbooks.
        self.assertEqual(roster_reader.parse_date(31416, datemode=1), jan_5)
        for value in ("1990-02-30", "1990年13月", "1990", "abc", 1990, -3, True):
            with self.assertRaises(ValueError, msg=value):
                roster_reader.parse_date(value)

    def test_id_number_text(self):
        self.assertEqual(roster_reader.id_number_text(4.20102198503154e17), ("420102198503154000", True))
        self.assertEqual(roster_reader.id_number_text("4.20102E+17"), ("420102000000000000", True))
        self.assertEqual(roster_reader.id_number_text(420102850315421.0), ("420102850315421", True))
        self.assertEqual(
            roster_reader.id_number_text(" 4201 0219 9207 0815 8x "), ("42010219920708158x", False)
        )

    def test_values(self):
        self.assertEqual(roster_reader.clean_text("  张　三 "), "张三")
        self.assertEqual(roster_reader.clean_text("Li  Na"), "Li Na")
        self.assertEqual(roster_reader.clean_text(13800138000.0), "13800138000")
        self.assertEqual(roster_reader.clean_text("ｅ＠ｅｘａｍｐｌｅ．ｃｏｍ"), "e@example.com")
        for value in ("是", "Y", "y", "1", 1, "√", "true"):
            self.assertIs(roster_reader.parse_boolean(value), True, value)
        for value in ("否", "N", "0", 0.0, "×"):
            self.assertIs(roster_reader.parse_boolean(value), False, value)
        with self.assertRaises(ValueError):
            roster_reader.parse_boolean("也许")
        self.assertEqual(roster_reader.parse_integer("1,200"), 1200)
        self.assertEqual(roster_reader.parse_number("３.５"), 3.5)
        with self.assertRaises(ValueError):
            roster_reader.parse_integer("3.5")

    def test_header_detection(self):
        names = {"姓名": "name", "身份证号": "id", "手机": "mobile", "邮箱": "email"}
        rows = [
            ["某单位花名册"],
            ["填报单位：办公室", None, "填报日期：2023年"],
            # 姓名 and 身份证号 merged down over two rows keep their text in the upper row.
            ["姓名", "身份证号", "联系方式", None],
            [None, None, "手机", "邮箱"],
            ["张三", "420102198503154216", "13800138000", "z@example.com"],
        ]
        index, found = roster_reader.find_header(rows, names)
        self.assertEqual(index, 3)
        self.assertEqual(found, {0: "name", 1: "id", 2: "mobile", 3: "email"})
        self.assertEqual(roster_reader.find_header([["无关"], ["内容"]], names), (None, {}))

    def test_files(self):
        rows = fx.employee_rows(3)
        for data, file_name in (
            (fx.build_xlsx(rows, title="花名册"), "a.xlsx"),
            (fx.build_xls(rows, title="花名册"), "a.xls"),
            (fx.build_csv(rows, title="花名册", encoding="gbk"), "a.csv"),
            (fx.build_csv(rows, title="花名册", encoding="utf-8-sig"), "a.CSV"),
            (fx.build_csv(rows, title="花名册", encoding="utf-8"), "a.csv"),
        ):
            sheet = roster_reader.read_sheet(data, file_name)
            self.assertEqual(sheet.rows[1][:2], ["姓名", "身份证号"], file_name)
            self.assertEqual(sheet.rows[2][0], "员工00000", file_name)
        # An .xls renamed .xlsx by hand still opens: the content decides.
        self.assertEqual(roster_reader.read_sheet(fx.build_xls(rows), "a.xlsx").rows[1][0], "员工00000")
        # Tab-separated text named .txt is read too: the content decides, not the name.
        tsv = roster_reader.read_sheet("姓名\t身份证号\r\n张三\t1\r\n".encode("gbk"), "roster.txt")
        self.assertEqual(tsv.rows, [["姓名", "身份证号"], ["张三", "1"]])
        errors = {
            "empty": (b"", "roster.xlsx"),
            "damaged": (fx.broken_file(), "roster.xlsx"),
            "encoding": (b"\xff\xfe\xfa\x00\x81", "roster.csv"),
        }
        for code, (data, file_name) in errors.items():
            with self.assertRaises(roster_reader.RosterReadError) as caught:
                roster_reader.read_sheet(data, file_name)
            self.assertEqual(caught.exception.code, code)
        # A zip that is no workbook, and a workbook cut in half.
        zipped = io.BytesIO()
        with zipfile.ZipFile(zipped, "w") as archive:
            archive.writestr("hello.txt", "hello")
        for data in (fx.build_xlsx(rows)[:2000], fx.build_xls(rows)[:1500]):
            with self.assertRaises(roster_reader.RosterReadError) as caught:
                roster_reader.read_sheet(data, "roster.xlsx")
            self.assertEqual(caught.exception.code, "damaged")
        with self.assertRaises(roster_reader.RosterReadError) as caught:
            roster_reader.read_sheet(zipped.getvalue(), "roster.xlsx")
        self.assertEqual(
            (caught.exception.code, caught.exception.params), ("not_spreadsheet", {"kind": "zip"})
        )


@tagged("post_install", "-at_install")
class TestRosterImport(RosterImportCase):
    """The wizard: dry run, all-or-nothing import, idempotence, access, template."""

    def expected_messy_errors(self):
        return [(row, errors) for row, errors, _cells in fx.messy_rows() if errors]

    def test_dry_run_lists_every_bad_row(self):
        for builder, file_name in (
            (fx.build_xlsx, "花名册.xlsx"),
            (fx.build_xls, "花名册.xls"),
        ):
            count = self.Employee.search_count([])
            wizard = self._messy(builder, file_name)
            wizard.action_dry_run()
            self.assertErrors(wizard, self.expected_messy_errors())
            self.assertEqual(wizard.state, "checked")
            self.assertEqual((wizard.row_count, wizard.create_count, wizard.update_count), (14, 6, 0))
            self.assertEqual(self.Employee.search_count([]), count, "a dry run creates nothing")
        # The examples of the specification, word for word.
        messages = wizard.error_line_ids.mapped("message")
        self.assertIn(
            f"Row 9: 身份证号 “{fx.ID_BAD_CHECK}” is invalid: the check character should be 6, not 7",
            "\n".join(messages),
        )
        self.assertIn("Row 8: 身份证号 “420104198808082000” is invalid: the spreadsheet stored", messages[0])

    def test_dry_run_csv(self):
        for encoding, file_name in (("gbk", "花名册.csv"), ("utf-8-sig", "花名册-utf8.csv")):
            count = self.Employee.search_count([])
            wizard = self._messy(fx.build_csv, file_name, encoding=encoding)
            wizard.action_dry_run()
            self.assertErrors(wizard, self.expected_messy_errors())
            self.assertIn("身份证号 “4.20104E+17” is invalid", wizard.error_line_ids[0].message)
            self.assertEqual(self.Employee.search_count([]), count)

    def test_import_with_errors_writes_nothing(self):
        count = self.Employee.search_count([])
        wizard = self._messy(fx.build_xlsx, "花名册.xlsx")
        wizard.action_import()
        self.assertEqual(wizard.state, "checked")
        self.assertErrors(wizard, self.expected_messy_errors())
        self.assertEqual(self.Employee.search_count([]), count, "one bad row and nothing is imported")
        self.assertFalse(self._employee(fx.VALID_A))

    def test_messy_values_normalised(self):
        """The valid rows of the messy file: synonyms, title rows and every shape of value."""
        rows = [cells for _row, errors, cells in fx.messy_rows() if not errors and any(cells)]
        for builder, file_name in (
            (fx.build_xlsx, "a.xlsx"),
            (fx.build_xls, "a.xls"),
            (fx.build_csv, "a.csv"),
        ):
            data = builder(rows, fx.HEADERS, fx.TITLE, fx.GROUPS)
            wizard = self._wizard(data, file_name)
            wizard.action_import()
            self.assertEqual(wizard.error_line_ids.mapped("message"), [], file_name)
            self.assertEqual((wizard.state, wizard.created_count), ("done", 6), file_name)
            zhang = self._employee(fx.VALID_A)
            self.assertEqual(zhang.name, "张三")
            self.assertEqual(zhang.birthday, datetime.date(1985, 3, 1), "1985.03")
            self.assertEqual((zhang.gender, zhang.department_id), ("male", self.office))
            self.assertEqual((zhang.job_title, zhang.mobile_phone), ("主任", "13800138000"))
            self.assertEqual(zhang.work_email, "zhangsan@example.com", "full-width letters")
            li = self._employee(fx.VALID_X)
            self.assertEqual((li.name, li.gender), ("李四", "female"), "lower-case x upper-cased")
            self.assertEqual(li.birthday, datetime.date(1992, 7, 1), "1992年7月")
            wang = self.Employee.search([("name", "=", "王五")])
            self.assertEqual(wang.identification_id, fx.LEGACY_18, "15 digits upgraded")
            self.assertEqual(wang.birthday, datetime.date(1986, 4, 12), "a real date cell")
            zhao = self._employee(fx.ID_SERIAL)
            self.assertEqual(zhao.birthday, datetime.date(1990, 1, 5), "an Excel serial number")
            self.assertEqual(zhao.gender, "male", "no gender given: derived from the ID number")
            chen = self._employee(fx.ID_FULL_WIDTH)
            self.assertEqual((chen.birthday, chen.gender), (datetime.date(1993, 8, 15), "female"))
            self.assertEqual(self._employee(fx.ID_OTHER).gender, "male")
            self.assertEqual(self._employee(fx.ID_OTHER).birthday, datetime.date(1991, 2, 3))
            (zhang | li | wang | zhao | chen | self._employee(fx.ID_OTHER)).unlink()

    def test_clean_import_and_reimport(self):
        count = self.Employee.search_count([])
        rows = fx.employee_rows(20)
        data = fx.build_xlsx(rows)
        wizard = self._wizard(data, "clean.xlsx")
        wizard.action_dry_run()
        self.assertEqual((wizard.error_count, wizard.create_count, wizard.update_count), (0, 20, 0))
        self.assertEqual(self.Employee.search_count([]), count)
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.created_count, wizard.updated_count), ("done", 20, 0))
        self.assertEqual(self.Employee.search_count([]), count + 20)
        employee = self._employee(rows[3][1])
        self.assertEqual((employee.name, employee.department_id), ("员工00003", self.section))

        # The same file again: nothing new, nothing changed.
        again = self._wizard(data, "clean.xlsx")
        again.action_import()
        self.assertEqual((again.created_count, again.updated_count, again.unchanged_count), (0, 0, 20))
        self.assertEqual(self.Employee.search_count([]), count + 20)

        # A changed value and a new person: one update, one creation, no duplicate.
        rows[3][5] = "副科长"
        rows[3][4] = fx.DEPT_A
        rows.append(fx.employee_rows(1, start=20)[0])
        changed = self._wizard(fx.build_xlsx(rows), "clean.xlsx")
        changed.action_dry_run()
        self.assertEqual((changed.create_count, changed.update_count, changed.unchanged_count), (1, 1, 19))
        changed.action_import()
        self.assertEqual((changed.created_count, changed.updated_count), (1, 1))
        self.assertEqual(self.Employee.search_count([]), count + 21)
        self.assertEqual((employee.job_title, employee.department_id), ("副科长", self.office))

    def test_import_leaves_one_audit_row_and_no_chatter_per_record(self):
        """The records an import creates get no "created" line, follower or tracking each
        (a roster of 20,000 people is not 20,000 chatter messages); the import itself is
        one row of the audit log, on the roster, naming the file and the counts."""
        Log = self.env["org.audit.log"]
        before = Log.search([("action", "=", "import")])
        rows = fx.employee_rows(5)
        wizard = self._wizard(fx.build_xlsx(rows), "audit.xlsx")
        wizard.action_dry_run()
        self.assertFalse(Log.search([("action", "=", "import")]) - before, "a dry run imports nothing")
        wizard.action_import()
        self.assertEqual(wizard.created_count, 5)
        logs = Log.search([("action", "=", "import")]) - before
        self.assertEqual(len(logs), 1)
        self.assertEqual(
            (logs.user_id, logs.res_model, logs.res_id, logs.res_name),
            (self.officer, "org.roster", self.roster.id, self.roster.name),
        )
        self.assertIn("audit.xlsx", logs.detail)
        self.assertIn("5", logs.detail)
        created = self._employee(rows[0][1])
        messages = self.env["mail.message"].search(
            [("model", "=", "hr.employee"), ("res_id", "=", created.id)]
        )
        # hr's own onboarding hint may be there (and hr's own followers); no tracking of the
        # first values, and the importer does not follow the people imported.
        self.assertFalse(messages.tracking_value_ids)
        self.assertNotIn(self.officer.partner_id, created.message_partner_ids)

        # An import refused writes no audit row.
        rows[1][1] = "not a number"
        refused = self._wizard(fx.build_xlsx(rows), "refused.xlsx")
        refused.action_import()
        self.assertTrue(refused.error_count)
        self.assertEqual(Log.search([("action", "=", "import")]) - before, logs)

    def test_archived_employee_is_updated(self):
        rows = fx.employee_rows(2)
        archived = self.env["hr.employee"].create({"name": "旧名字", "identification_id": rows[0][1]})
        archived.action_archive()
        count = self.Employee.search_count([])
        wizard = self._wizard(fx.build_xlsx(rows), "clean.xlsx")
        wizard.action_import()
        self.assertEqual((wizard.created_count, wizard.updated_count), (1, 1))
        self.assertEqual(self.Employee.search_count([]), count + 1)
        self.assertEqual(archived.name, "员工00000")

    def test_failure_while_writing_leaves_nothing(self):
        """A model constraint the check cannot foresee: the savepoint undoes the whole import."""
        roster = self.env["org.roster"].create(
            {
                "name": "工牌花名册",
                "key": "badge",
                "model_id": self.env.ref("hr.model_hr_employee").id,
                "key_field_ids": [Command.set(self.env.ref("hr.field_hr_employee__identification_id").ids)],
                "column_ids": [
                    Command.create({"label": "姓名", "field_name": "name", "required": True}),
                    Command.create(
                        {"label": "身份证号", "field_name": "identification_id", "kind": "id_number"}
                    ),
                    Command.create({"label": "工牌号", "field_name": "barcode"}),
                ],
            }
        )
        self.assertEqual(roster.column_ids.mapped("kind"), ["char", "id_number", "char"])
        rows = [
            [name, number, badge]
            for (name, number, *_rest), badge in zip(fx.employee_rows(2), ["A1", "A-1!"], strict=True)
        ]
        count = self.Employee.search_count([])
        wizard = self._wizard(
            fx.build_xlsx(rows, headers=["姓名", "身份证号", "工牌号"]), "badge.xlsx", roster="badge"
        )
        wizard.action_import()
        self.assertEqual(wizard.state, "checked")
        self.assertEqual(wizard.error_count, 1)
        self.assertEqual(wizard.error_line_ids.row, 3, "the row of the badge A-1! (below the header)")
        self.assertIn("nothing was imported", wizard.error_line_ids.message)
        self.assertIn("Badge ID", wizard.error_line_ids.message)
        self.assertEqual(self.Employee.search_count([]), count, "the first row is not left behind")

    def test_header_synonyms_and_missing_columns(self):
        rows = fx.employee_rows(2)
        headers = ["名字", "证件号码", "性别", "生日", "单位", "职位", "联系电话", "邮箱"]
        wizard = self._wizard(
            fx.build_xlsx(rows, headers=headers, title="标题", groups=[("分组", 0, 7)]), "a.xlsx"
        )
        wizard.action_import()
        self.assertEqual((wizard.error_count, wizard.created_count), (0, 2))
        self.assertEqual(self._employee(rows[1][1]).mobile_phone, rows[1][6])

        without_id = [row[:1] + row[2:] for row in rows]
        wizard = self._wizard(fx.build_xlsx(without_id, headers=headers[:1] + headers[2:]), "a.xlsx")
        with self.assertRaisesMessage(UserError, "lacks required columns .*身份证号"):
            wizard.action_dry_run()
        wizard = self._wizard(fx.build_xlsx(rows, headers=["甲", "乙", "丙"]), "a.xlsx")
        with self.assertRaisesMessage(UserError, "no header row"):
            wizard.action_dry_run()

    def test_configurator_adds_synonym(self):
        rows = fx.employee_rows(2)
        headers = ["姓名", "居民身份证", *fx.CLEAN_HEADERS[2:]]
        data = fx.build_xlsx(rows, headers=headers)
        with self.assertRaisesMessage(UserError, "身份证号"):
            self._wizard(data, "a.xlsx").action_dry_run()
        column = self.env.ref("org_roster.roster_employee_identification_id").with_user(self.configurator)
        column.synonyms = f"{column.synonyms}\n居民身份证"
        wizard = self._wizard(data, "a.xlsx")
        wizard.action_import()
        self.assertEqual((wizard.error_count, wizard.created_count), (0, 2))
        with self.assertRaises(AccessError):
            column.with_user(self.officer).synonyms = "证件"

    def test_broken_file(self):
        for data, file_name in (
            (fx.broken_file(), "花名册.xlsx"),
            (fx.broken_file(), "花名册.xls"),
            (b"%PDF-1.4\n", "花名册.pdf"),
        ):
            wizard = self._wizard(data, file_name)
            with self.assertRaisesMessage(UserError, f"The file {file_name} cannot be imported"):
                wizard.action_dry_run()
            with self.assertRaises(UserError):
                wizard.action_import()
        with self.assertRaisesMessage(UserError, "Choose the spreadsheet file"):
            self.env["org.roster.import"].with_user(self.officer).create(
                {"roster": "employee"}
            ).action_dry_run()

    def test_access(self):
        data = fx.build_xlsx(fx.employee_rows(2))
        count = self.Employee.search_count([])
        wizard = self._wizard(data, "a.xlsx", user=self.plain_officer)
        with self.assertRaises(AccessError):
            wizard.action_import()
        with self.assertRaises(AccessError):
            wizard.action_dry_run()
        self.assertEqual(self.Employee.search_count([]), count)
        # Officers read rosters, configurators maintain them.
        self.assertEqual(self.roster.with_user(self.plain_officer).name, "员工花名册")
        with self.assertRaises(AccessError):
            self.roster.with_user(self.plain_officer).name = "改名"
        self.roster.with_user(self.configurator).name = "员工花名册（新）"
        menus = self.env["ir.ui.menu"].with_user(self.plain_officer)._visible_menu_ids()
        self.assertIn(self.env.ref("org_roster.menu_org_roster_import").id, menus)
        self.assertNotIn(self.env.ref("org_roster.menu_org_roster").id, menus)
        menus = self.env["ir.ui.menu"].with_user(self.configurator)._visible_menu_ids()
        self.assertIn(self.env.ref("org_roster.menu_org_roster").id, menus)

    def test_download_template(self):
        wizard = self.env["org.roster.import"].with_user(self.officer).create({"roster": "employee"})
        action = wizard.action_download_template()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["url"], f"/org_base/roster_template/{wizard.id}")
        file_name, raw = wizard._template_file()
        self.assertTrue(file_name.endswith(".xlsx"))
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True)
        first_row = next(book.worksheets[0].iter_rows(values_only=True))
        self.assertEqual(list(first_row), self.roster.column_ids.mapped("label"))
        self.assertEqual(list(first_row), list(fx.CLEAN_HEADERS))
        # The template, filled in, imports.
        template = openpyxl.load_workbook(io.BytesIO(raw))
        for row in fx.employee_rows(3):
            template.active.append(row)
        content = io.BytesIO()
        template.save(content)
        filled = self._wizard(content.getvalue(), file_name)
        filled.action_import()
        self.assertEqual((filled.error_count, filled.created_count), (0, 3))

    def test_form(self):
        """The wizard as the form shows it; another file resets the results of a dry run."""
        action = self.roster.with_user(self.officer).action_open_import()
        self.assertEqual(action["res_model"], "org.roster.import")
        # The web client fills the (invisible) file name when a file is uploaded.
        context = dict(action["context"], default_file_name="花名册.xlsx")
        form = Form(self.env["org.roster.import"].with_user(self.officer).with_context(**context))
        self.assertEqual(form.roster, "employee")
        form.file = base64.b64encode(self._messy_data())
        wizard = form.save()
        wizard.action_dry_run()
        self.assertEqual((wizard.state, wizard.error_count), ("checked", 8))
        form = Form(wizard)
        form.file = base64.b64encode(fx.build_xlsx(fx.employee_rows(2)))
        self.assertEqual(form.state, "draft")
        self.assertEqual(len(form.error_line_ids), 0)
        wizard = form.save()
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.created_count), ("done", 2))

    def test_selection_matching(self):
        """Aliases, values, labels in every installed language, and a label's only prefix."""
        Wizard = self.env["org.roster.import"].with_user(self.officer)
        options = Wizard._selection_options(self.env["hr.employee"]._fields["gender"], {"男": "male"})
        for written, value in (
            ("男", "male"),
            ("male", "male"),
            (" ＭＡＬＥ ", "male"),
            ("Female", "female"),
            ("女性", "female"),
            ("女", "female"),
            ("F", "female"),
            ("其", "other"),
        ):
            self.assertEqual(Wizard._parse_selection(written, options), value, written)
        with self.assertRaises(CellError):
            Wizard._parse_selection("未知", options)

    def test_roster_selection(self):
        options = dict(
            self.env["org.roster.import"]
            .with_user(self.officer)
            ._fields["roster"]
            ._description_selection(self.env)
        )
        self.assertEqual(options.get("employee"), "员工花名册")
        self.roster.active = False
        options = self.env["org.roster.import"]._fields["roster"]._description_selection(self.env)
        self.assertNotIn("employee", dict(options))

    def test_lookups_are_batched(self):
        """A dry run of 50 rows issues about the queries of one of 5; an import grows far
        less than tenfold: lookups are one search per column, not one per row."""

        def count_queries(rows, action):
            wizard = self._wizard(fx.build_xlsx(rows), "a.xlsx")
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            getattr(wizard, action)()
            self.env.flush_all()
            self.assertEqual(wizard.error_count, 0)
            return self.env.cr.sql_log_count - before

        departments = tuple(f"部门{index}" for index in range(10))
        self.env["hr.department"].create([{"name": name} for name in departments])
        small = count_queries(fx.employee_rows(5, departments=departments), "action_dry_run")
        large = count_queries(fx.employee_rows(50, start=100, departments=departments), "action_dry_run")
        self.assertLessEqual(large, small + 5, f"dry run: {small} queries for 5 rows, {large} for 50")
        small = count_queries(fx.employee_rows(5, start=200, departments=departments), "action_import")
        large = count_queries(fx.employee_rows(50, start=300, departments=departments), "action_import")
        _logger.info("roster import queries: %s for 5 rows, %s for 50 rows", small, large)
        self.assertLess(large, 5 * small, f"import: {small} queries for 5 rows, {large} for 50")


@tagged("post_install", "-at_install")
class TestRosterImportConfig(RosterImportCase):
    """Configurators edit rosters: mistakes are refused with the roster and field named."""

    def test_shipped_roster(self):
        self.assertEqual(self.roster.key, "employee")
        self.assertEqual(self.roster._key_field_names(), ["identification_id"])
        self.assertEqual(self.roster._key_columns().kind, "id_number")
        self.assertEqual(
            self.roster.column_ids.filtered("required").mapped("field_name"), ["name", "identification_id"]
        )

    def test_field_must_exist(self):
        roster = self.roster.with_user(self.configurator)
        with self.assertRaisesMessage(ValidationError, "员工花名册.*no_such_field"):
            roster.write(
                {"column_ids": [Command.create({"label": "无此字段", "field_name": "no_such_field"})]}
            )
        with self.assertRaisesMessage(ValidationError, "员工花名册.*name.*stored field"):
            roster.key_field_ids = self.env.ref("hr.field_hr_department__name")
        with self.assertRaisesMessage(ValidationError, "职务.*job_title"):
            roster.column_ids.filtered(lambda column: column.field_name == "job_title").kind = "date"
        with self.assertRaisesMessage(ValidationError, "两列|both"):
            roster.write({"column_ids": [Command.create({"label": "手机", "field_name": "work_phone"})]})
        with self.assertRaisesMessage(ValidationError, "手机.*both"):
            self.env.ref("org_roster.roster_employee_work_email").with_user(
                self.configurator
            ).synonyms = "手机"

    def test_value_aliases(self):
        column = self.env.ref("org_roster.roster_employee_gender").with_user(self.configurator)
        self.assertEqual(column._aliases(), {"男": "male", "女": "female"})
        column.value_aliases = "男、男士=male\n女、女士=female"
        self.assertEqual(column._aliases()["男士"], "male")
        with self.assertRaisesMessage(ValidationError, "性别.*男=man"):
            column.value_aliases = "男=man"

    def test_kind_follows_field(self):
        column = self.env["org.roster.column"].create(
            {"roster_id": self.roster.id, "label": "出生地", "field_name": "place_of_birth"}
        )
        self.assertEqual(column.kind, "char")
        column.field_name = "department_id"
        self.assertEqual(column.kind, "many2one")
        self.assertEqual(column.field_description, "Department")


@tagged("post_install", "-at_install", "-standard", "org_roster_benchmark")
class TestRosterImportBenchmark(RosterImportCase):
    """Not part of the suite: ODOO_TEST_TAGS=org_roster_benchmark bin/test --odoo logs the
    rate of a dry run and of an import of 5,000 rows."""

    def test_rate(self):
        count = 5000
        data = fx.build_xlsx(fx.employee_rows(count), title="员工花名册")
        wizard = self._wizard(data, "5000.xlsx")
        started = time.perf_counter()
        wizard.action_dry_run()
        dry_run = time.perf_counter() - started
        self.assertEqual(
            (wizard.error_count, wizard.create_count), (0, count), wizard.error_line_ids[:3].mapped("message")
        )
        started = time.perf_counter()
        wizard.action_import()
        self.env.flush_all()
        imported = time.perf_counter() - started
        self.assertEqual(wizard.created_count, count)
        again = self._wizard(data, "5000.xlsx")
        started = time.perf_counter()
        again.action_import()
        reimported = time.perf_counter() - started
        self.assertEqual(again.unchanged_count, count)
        _logger.info(
            "roster import of %s rows: dry run %.1f s (%.0f rows/s), import %.1f s (%.0f rows/s), "
            "re-import %.1f s (%.0f rows/s)",
            count,
            dry_run,
            count / dry_run,
            imported,
            count / imported,
            reimported,
            count / reimported,
        )


@tagged("post_install", "-at_install")
class TestRosterImportOwner(HttpCase):
    """An import, its rows and its template are its creator's alone; the template is streamed."""

    def test_import_and_template_are_the_creators(self):
        owner = new_test_user(self.env, "roster_owner", groups="org_base.group_org_user,hr.group_hr_user")
        other = new_test_user(self.env, "roster_other", groups="org_base.group_org_manager")
        data = fx.build_xlsx(fx.employee_rows(2))
        wizard = (
            self.env["org.roster.import"]
            .with_user(owner)
            .create({"roster": "employee", "file": base64.b64encode(data), "file_name": "花名册.xlsx"})
        )
        wizard.action_dry_run()
        Wizard = self.env["org.roster.import"].with_user(other)
        self.assertFalse(Wizard.search([("id", "=", wizard.id)]))
        with self.assertRaises(AccessError):
            Wizard.browse(wizard.id).read(["file", "file_name"])
        self.assertFalse(
            self.env["org.roster.import.line"].with_user(other).search([("import_id", "=", wizard.id)])
        )
        last = self.env["ir.attachment"].sudo().search([], order="id desc", limit=1).id
        self.authenticate(owner.login, owner.login)
        response = self.url_open(f"/org_base/roster_template/{wizard.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:4], b"PK\x03\x04")
        self.assertIn("no-store", response.headers["Cache-Control"])
        self.assertFalse(
            self.env["ir.attachment"]
            .sudo()
            .search([("id", ">", last), ("res_model", "=", "org.roster.import")])
        )
        # Administrators too: the template of someone else's import is refused.
        self.env["res.groups"].search([("org_require_totp", "=", True)]).org_require_totp = False
        self.authenticate(other.login, other.login)
        self.assertEqual(self.url_open(f"/org_base/roster_template/{wizard.id}").status_code, 403)
