import base64
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.org_base.tests.fixtures import resident_id
from odoo.addons.org_roster.tests import roster_fixtures

from .common import OrgStudyCommon


def build_xlsx(headers, rows, title="经开区学习签到表"):
    """A real .xlsx as officers make them: a merged title row above the header row."""
    return roster_fixtures.build_xlsx(rows, headers, title=title)


@tagged("post_install", "-at_install")
class TestStudyRosterImport(OrgStudyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.id_wang = resident_id(birth="19900101", order=135)
        cls.wang_1 = Employee.create({"name": "王伟", "barcode": "1001", "identification_id": cls.id_wang})
        cls.wang_2 = Employee.create({"name": "王伟", "barcode": "1002"})
        cls.zhao = Employee.create({"name": "赵求是"})
        cls.bad_id = cls.id_wang[:17] + ("0" if cls.id_wang[17] != "0" else "1")
        # Employee and ID numbers are matched with the importer's own rights: HR's.
        cls.hr_officer = new_test_user(
            cls.env, "study_hr_officer", groups="org_study.group_study_officer,hr.group_hr_user"
        )

    def _wizard(self, roster, content, user=None, file_name="签到表.xlsx", **vals):
        return (
            self.env["org.roster.import"]
            .with_user(user or self.hr_officer)
            .create(
                {
                    "roster": roster,
                    "file": base64.b64encode(content),
                    "file_name": file_name,
                    **vals,
                }
            )
        )

    def _sign_in(self, rows, headers=("序号", "姓名", "工号", "公民身份号码", "出勤情况", "请假原因")):
        return self._wizard(
            "study_attendance", build_xlsx(list(headers), rows), study_session_id=self.session.id
        )

    def test_rosters_shipped(self):
        for xml_id, key, model, key_fields in (
            (
                "org_study.roster_study_attendance",
                "study_attendance",
                "org.study.attendance",
                ["employee_id", "session_id"],
            ),
            (
                "org_study.roster_community_service",
                "community_service",
                "org.community.service",
                ["community", "date", "employee_id"],
            ),
        ):
            roster = self.env.ref(xml_id)
            self.assertEqual((roster.key, roster.model, roster._key_field_names()), (key, model, key_fields))
            self.assertEqual(
                set(roster.column_ids.mapped("match_field_name")) - {False},
                {"name", "barcode", "identification_id"},
            )

    def test_session_button_opens_its_sign_in_sheet(self):
        action = self.session.with_user(self.officer).action_import_sign_in_sheet()
        wizard = (
            self.env[action["res_model"]].with_user(self.officer).with_context(**action["context"]).new({})
        )
        self.assertEqual(wizard.roster, "study_attendance")
        self.assertEqual(wizard.study_session_id, self.session)

    def test_sign_in_sheet_marks_people_present(self):
        rows = [
            [1, "张学习", None, None, None, None],  # registered: now present
            [2, "王伟", "1002", None, "出席", None],  # a namesake told apart by 工号
            [3, "王伟", None, self.id_wang.lower(), None, None],  # by ID number
            [4, " 赵 求是 ", None, None, "请假", "出差"],  # spaces ignored; excused with its reason
        ]
        wizard = self._sign_in(rows)
        wizard.action_dry_run()
        self.assertEqual(wizard.error_count, 0, wizard.error_line_ids.mapped("message"))
        self.assertEqual((wizard.create_count, wizard.update_count), (3, 1))
        self.assertEqual(
            self.session.attendance_ids, self.attendance_a + self.attendance_b, "a dry run writes nothing"
        )
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        by_employee = {attendance.employee_id: attendance for attendance in self.session.attendance_ids}
        self.assertEqual(by_employee[self.employee_a].state, "present")
        self.assertEqual(by_employee[self.employee_b].state, "registered", "not on the sheet: unchanged")
        self.assertEqual(by_employee[self.wang_1].state, "present")
        self.assertEqual(by_employee[self.wang_2].state, "present")
        self.assertEqual((by_employee[self.zhao].state, by_employee[self.zhao].reason), ("excused", "出差"))
        self.assertEqual(by_employee[self.wang_1].hours, 2.5)
        self.assertEqual(by_employee[self.zhao].hours, 0, "excused credits nothing")
        # The same sheet again changes nothing and duplicates nobody.
        again = self._sign_in(rows)
        again.action_import()
        self.assertEqual((again.created_count, again.updated_count, again.unchanged_count), (0, 0, 4))
        self.assertEqual(len(self.session.attendance_ids), 5)

    def test_bad_sign_in_sheet_imports_nothing(self):
        rows = [
            [1, "张学习", None, None, None, None],
            [2, "钱不在", None, None, None, None],  # nobody of this name
            [3, "王伟", None, None, None, None],  # two employees are named 王伟
            [4, "赵求是", "1001", None, None, None],  # 工号 1001 is 王伟's
            [5, "张学习", None, None, None, None],  # twice on the sheet
            [6, "李笃行", None, None, "请假", None],  # excused without a reason
            [7, "王伟", None, self.bad_id, None, None],  # a wrong check character
            [8, "王伟", "9999", None, None, None],  # no such 工号
            [9, "王伟", "1002", None, "迟到早退", None],  # no such attendance
        ]
        wizard = self._sign_in(rows)
        wizard.action_import()
        self.assertNotEqual(wizard.state, "done")
        self.assertEqual(wizard.error_line_ids.mapped("row"), [3, 4, 5, 6, 7, 8, 9, 10, 11])
        messages = {line.row: line.message for line in wizard.error_line_ids}
        self.assertIn("钱不在", messages[4])
        self.assertRegex(messages[5], "2.*王伟")
        self.assertIn("赵求是", messages[6])
        self.assertIn("张学习", messages[7])
        self.assertIn("row 3", messages[7])
        self.assertIn(self.bad_id, messages[9])
        self.assertIn("9999", messages[10])
        self.assertIn("迟到早退", messages[11])
        self.assertEqual(self.attendance_a.state, "registered", "nothing was imported")
        self.assertEqual(len(self.session.attendance_ids), 2)

    def test_sign_in_sheet_errors_in_chinese(self):
        wizard = self._sign_in([[1, "钱不在", None, None, None, None]]).with_context(lang="zh_CN")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["org_roster", "org_study"], ["zh_CN"], overwrite=True
        )
        wizard.action_dry_run()
        self.assertRegex(wizard.error_line_ids.message, "第 ?3 ?行.*钱不在")

    def test_sign_in_sheet_needs_the_session_and_rights(self):
        content = build_xlsx(["姓名"], [["张学习"]])
        wizard = self._wizard("study_attendance", content)
        with self.assertRaisesRegex(UserError, "session"):
            wizard.action_dry_run()
        with self.assertRaises(AccessError):
            self._wizard(
                "study_attendance", content, user=self.user_a, study_session_id=self.session.id
            ).action_import()
        self.assertEqual(self.attendance_a.state, "registered")
        # Without a 姓名 column the sheet cannot name people.
        wizard = self._wizard(
            "study_attendance", build_xlsx(["序号", "工号"], [[1, "1001"]]), study_session_id=self.session.id
        )
        with self.assertRaisesRegex(UserError, "姓名"):
            wizard.action_dry_run()

    def test_archived_session_refuses_its_sign_in_sheet(self):
        """org.study.attendance's import hook: an archived session takes no sign-in sheet, and
        nothing is read or written."""
        self.session.state = "archived"
        wizard = self._sign_in([[1, "张学习", None, None, None, None]])
        with self.assertRaisesRegex(UserError, "archived"):
            wizard.action_import()
        self.assertEqual(wizard.state, "draft")
        self.assertEqual(self.attendance_a.state, "registered")

    def test_numbers_are_matched_with_the_officers_own_rights(self):
        """A study officer who may not read ID numbers matches people by name only: a sheet
        that fills the ID column is refused whole, whether the guessed number exists or not."""
        headers = ("序号", "姓名", "工号", "公民身份号码")
        names_only = self._wizard(
            "study_attendance",
            build_xlsx(list(headers), [[1, "张学习", None, None]]),
            user=self.officer,
            study_session_id=self.session.id,
        )
        names_only.action_dry_run()
        self.assertEqual(names_only.error_count, 0, names_only.error_line_ids.mapped("message"))
        for guess in (self.id_wang, resident_id(birth="19900101", order=137)):
            wizard = self._wizard(
                "study_attendance",
                build_xlsx(list(headers), [[1, "王伟", None, guess]]),
                user=self.officer,
                study_session_id=self.session.id,
            )
            with self.assertRaisesRegex(AccessError, "may not read") as caught:
                wizard.action_dry_run()
            self.assertNotIn(guess, str(caught.exception))
            self.assertFalse(wizard.error_line_ids)

    def test_damaged_file(self):
        wizard = self._wizard(
            "study_attendance", b"PK\x03\x04 not really a workbook", study_session_id=self.session.id
        )
        with self.assertRaises(UserError):
            wizard.action_dry_run()

    def test_community_service_list(self):
        headers = ["姓名", "身份证号", "下沉社区", "服务日期", "服务时长", "服务内容"]
        rows = [
            ["张学习", None, "春笋社区", "2026.03.07", 3, "环境整治"],
            ["王伟", self.id_wang, "东风社区", date(2026, 3, 8), None, "政策宣讲"],
            ["张学习", None, "春笋社区", "2026年4月11日", 2, "敲门行动"],
        ]
        action = self.env.ref("org_study.org_community_service_import_action")
        self.assertEqual(safe_eval(action.context)["default_roster"], "community_service")
        wizard = self._wizard(
            "community_service", build_xlsx(headers, rows, "下沉社区名单"), file_name="下沉.xlsx"
        )
        wizard.action_import()
        self.assertEqual(wizard.state, "done", wizard.error_line_ids.mapped("message"))
        services = self.env["org.community.service"].search(
            [("employee_id", "in", (self.employee_a + self.wang_1).ids)]
        )
        self.assertEqual(len(services), 3)
        self.assertEqual(
            sorted(services.mapped(lambda service: (service.employee_id.name, service.date, service.hours))),
            [
                ("张学习", date(2026, 3, 7), 3.0),
                ("张学习", date(2026, 4, 11), 2.0),
                ("王伟", date(2026, 3, 8), 2.0),
            ],
        )
        self.assertEqual(
            services.filtered(lambda service: service.employee_id == self.employee_a)[0].yearly_count, 2
        )
        # Re-importing with a changed content updates the same line.
        rows[0][5] = "环境卫生整治"
        again = self._wizard("community_service", build_xlsx(headers, rows), file_name="下沉.xlsx")
        again.action_import()
        self.assertEqual((again.created_count, again.updated_count, again.unchanged_count), (0, 1, 2))
        self.assertEqual(
            self.env["org.community.service"].search_count([("employee_id", "=", self.employee_a.id)]), 2
        )
        # A bad list: an unknown member and a missing date.
        bad = self._wizard(
            "community_service",
            build_xlsx(
                headers,
                [
                    ["钱不在", None, "春笋社区", "2026-03-07", 1, None],
                    ["张学习", None, "春笋社区", None, 1, None],
                ],
            ),
            file_name="下沉.xlsx",
        )
        bad.action_import()
        self.assertEqual(bad.error_line_ids.mapped("row"), [3, 4])
        self.assertIn("钱不在", bad.error_line_ids[0].message)
        self.assertIn("服务日期", bad.error_line_ids[1].message)

    def test_template_keeps_numbers_as_text(self):
        roster = self.env.ref("org_study.roster_study_attendance")
        content = self.env["org.roster.import"]._template_content(roster)
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        headers = [cell.value for cell in sheet[1]]
        self.assertEqual(headers[:3], ["姓名", "工号", "身份证号"])
        self.assertEqual(sheet.column_dimensions["C"].number_format, "@")
