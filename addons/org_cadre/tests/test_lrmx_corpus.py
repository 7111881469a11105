import base64
import re

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import lrmx
from . import lrmx_corpus
from .common import CadreCommon, lrmx_bytes, resident_id


def _same_text(name, text):
    """An element's text compared whitespace-normalized; the photo without whitespace."""
    if name == "ZhaoPian":
        return "".join(text.split())
    return lrmx.normalize(text)


def _unknown(values):
    """The elements we do not know, in the file's order, compared without the whitespace
    between their tags."""
    return [
        re.sub(r">\s+<", "><", entry[1]).strip() for entry in values[lrmx.ORDER] if isinstance(entry, list)
    ]


@tagged("post_install", "-at_install")
class TestLrmxCorpus(CadreCommon):
    """Issue 21: every file of the corpus (tests/lrmx_corpus.py) imports and exports back with
    the same text in every element, family members and unknown elements included."""

    def _import(self, data, filename):
        return self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(data, filename)

    def assertSameFile(self, original, exported, derived=()):
        """Element by element: ``derived``: elements the file left empty and the export
        fills from the ID number (出生年月, 性别)."""
        for name in lrmx.ELEMENTS:
            with self.subTest(element=name):
                if name in derived and not original[name].strip():
                    continue
                self.assertEqual(_same_text(name, exported[name]), _same_text(name, original[name]), name)
        self.assertEqual(_unknown(exported), _unknown(original), "unknown elements kept, in order")
        self.assertEqual(len(exported[lrmx.FAMILY]), len(original[lrmx.FAMILY]))
        for index, (before, after) in enumerate(
            zip(original[lrmx.FAMILY], exported[lrmx.FAMILY], strict=True)
        ):
            for name in lrmx.FAMILY_ELEMENTS:
                self.assertEqual(
                    lrmx.normalize(after[name]), lrmx.normalize(before[name]), f"member {index} {name}"
                )
            self.assertEqual(_unknown(after), _unknown(before), f"member {index}: unknown elements")

    def test_corpus_round_trips_element_by_element(self):
        self.assertGreaterEqual(len(lrmx_corpus.CORPUS), 10)
        for make in lrmx_corpus.CORPUS:
            filename, data = make()
            with self.subTest(file=make.__name__):
                original = lrmx.parse_lrmx(data)
                employee = self._import(data, filename)
                self.assertEqual(len(employee), 1)
                name, content = employee._lrmx_export()
                self.assertEqual(name, filename)
                exported = lrmx.parse_lrmx(content)
                self.assertSameFile(original, exported, derived=("XingBie", "ChuShengNianYue"))
                # Exported again after a second import of the export: still the same.
                again = self._import(content, name)
                self.assertEqual(again, employee)
                self.assertSameFile(
                    original, lrmx.parse_lrmx(again._lrmx_export()[1]), ("XingBie", "ChuShengNianYue")
                )

    def test_national_file_keeps_texts_and_parses_in_addition(self):
        filename, data = lrmx_corpus.national_v32()
        employee = self._import(data, filename)
        self.assertEqual(
            sorted((r.year, r.grade) for r in employee.cadre_annual_result_ids),
            [(2023, "competent"), (2024, "competent"), (2025, "excellent")],
        )
        self.assertEqual(len(employee.cadre_resume_line_ids), 4, "the （其间：…） line continues its period")
        self.assertIn("（其间：2010.09--2013.06", employee.cadre_resume_line_ids[2].name)
        self.assertEqual(employee.image_1920, base64.b64encode(lrmx_corpus.photo_bytes()))
        content = employee._lrmx_export()[1].decode()
        self.assertIn("2023年、2024年年度考核均为称职，2025年年度考核为优秀。", content)
        self.assertRegex(content, r"<GaiGeQianRenZhiNianLingJieXian\s*/>|<GaiGeQianRenZhiNianLingJieXian></")
        self.assertIn("<Version>3.2.1.16</Version>", content)
        self.assertLess(
            content.index("<RenMianLiYou>"), content.index("<JiaTingChengYuan>"), "the file's order"
        )
        self.assertLess(content.index("<ZhaoPian>"), content.index("<Version>"))
        # The form prints the sentence too.
        self.assertEqual(
            employee._lrmx_text("NianDuKaoHeJieGuo"), "2023年、2024年年度考核均为称职，2025年年度考核为优秀。"
        )

    def test_variants_people_write(self):
        cases = {
            lrmx_corpus.owip_export: ([(2021, "competent"), (2022, "competent"), (2023, "competent")], 3),
            lrmx_corpus.gbk_declared: ([(2021, "excellent"), (2022, "competent"), (2023, "excellent")], 4),
            lrmx_corpus.dotted_dates: ([(2024, "basic")], 3),
            lrmx_corpus.escaped_html: ([(2023, "competent"), (2024, "competent"), (2025, "excellent")], 3),
        }
        for make, (results, lines) in cases.items():
            with self.subTest(file=make.__name__):
                employee = self._import(*reversed(make()))
                self.assertEqual(sorted((r.year, r.grade) for r in employee.cadre_annual_result_ids), results)
                self.assertEqual(len(employee.cadre_resume_line_ids), lines)
        dated = self._import(*reversed(lrmx_corpus.dotted_dates()))
        self.assertEqual(str(dated.cadre_party_join_date), "2005-06-01", "2005年06月")
        self.assertEqual(str(dated.cadre_work_start_date), "2005-07-01", "2005.7")
        self.assertEqual(str(dated.cadre_form_date), "2026-03-01", "2026.03.01")
        self.assertEqual(str(dated.cadre_family_member_ids[1].birth_date), "2008-01-01", "YYYYMMDD")
        owip = self._import(*reversed(lrmx_corpus.owip_export()))
        self.assertEqual(str(owip.cadre_age_date), "2026-03-15")
        self.assertEqual(owip._lrmx_text("JianLi").count("\n"), 2, "<br/> prints as a line break")
        self.assertNotIn("<br", owip._lrmx_text("JianLi"))

    def test_edited_field_is_written_from_the_dossier(self):
        """The file's text is written back only while the field is unchanged."""
        employee = self._import(*reversed(lrmx_corpus.national_v32()))
        employee.cadre_annual_result_ids.filtered(lambda r: r.year == 2025).grade = "competent"
        employee.cadre_party_join_date = "2002-07-01"
        exported = lrmx.parse_lrmx(employee._lrmx_export()[1])
        self.assertEqual(exported["NianDuKaoHeJieGuo"], "2023年度称职；2024年度称职；2025年度称职")
        self.assertEqual(exported["RuDangShiJian"], "2002.07")
        self.assertEqual(exported["JiangChengQingKuang"], "2019年被评为武汉市优秀共产党员。", "unchanged")

    def test_resume_without_dates_is_kept(self):
        employee = self._import(lrmx_bytes(JianLi="在某单位工作至今"), "张三.lrmx")
        self.assertFalse(employee.cadre_resume_line_ids)
        self.assertEqual(lrmx.parse_lrmx(employee._lrmx_export()[1])["JianLi"], "在某单位工作至今")

    def test_leader_export_masks_the_number_even_when_the_file_wrote_it_otherwise(self):
        number = resident_id("420115", "19800101", 135)
        lower = number[:-1] + number[-1].lower()
        employee = self._import(lrmx_bytes(number=number, ShenFenZheng=lower), "甲.lrmx")
        self.assertEqual(lrmx.parse_lrmx(employee._lrmx_export()[1])["ShenFenZheng"], lower, "verbatim")
        leader = employee.with_user(self.user_leader)._lrmx_export()[1]
        self.assertNotIn(number[6:14].encode(), leader)


@tagged("post_install", "-at_install")
class TestLrmxIdentity(CadreCommon):
    """The ID number is authoritative: a file contradicting it is refused naming both values."""

    def test_birth_month_contradicting_the_number_is_refused(self):
        count = self.env["hr.employee"].search_count([])
        with self.assertRaisesRegex(UserError, r"坏.lrmx.*ChuShengNianYue.*1984.03.*1985.03"):
            self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(
                lrmx_bytes(ChuShengNianYue="1984.03"), "坏.lrmx"
            )
        with self.assertRaisesRegex(UserError, r"XingBie.*女.*男"):
            self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(
                lrmx_bytes(XingBie="女"), "坏.lrmx"
            )
        self.assertEqual(self.env["hr.employee"].search_count([]), count)

    def test_agreeing_file_takes_the_day_from_the_number(self):
        employee = (
            self.env["hr.employee"]
            .with_user(self.user_officer)
            ._lrmx_import(
                lrmx_bytes(number=resident_id(birth="19850315", order=431), ChuShengNianYue="1985.03"),
                "甲.lrmx",
            )
        )
        self.assertEqual(str(employee.birthday), "1985-03-15")


@tagged("post_install", "-at_install")
class TestLrmxConflicts(CadreCommon):
    """A file updating a stored dossier: the differences are shown field by field and the
    officer chooses; the choices are posted in the chatter."""

    def _wizard(self, data, filename="王建国.lrmx"):
        return (
            self.env["org.cadre.lrmx.import"]
            .with_user(self.user_officer)
            .create({"file": base64.b64encode(data), "file_name": filename})
        )

    def test_reimport_shows_differences_and_applies_choices(self):
        filename, data = lrmx_corpus.national_v32()
        employee = self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(data, filename)
        employee.cadre_native_place = "湖北孝感"  # edited in the dossier since
        employee.cadre_professional_title = False
        newer = (
            data.decode("utf-8-sig")
            .replace("武汉经开区商务局局长</XianRenZhiWu>", "武汉经开区管委会副主任</XianRenZhiWu>")
            .replace("高级经济师", "正高级经济师")
        )
        wizard = self._wizard(newer.encode())
        action = wizard.action_import()
        self.assertEqual(action["res_model"], "org.cadre.lrmx.import", "the differences are shown first")
        self.assertEqual(wizard.state, "review")
        lines = {line.element: line for line in wizard.line_ids}
        self.assertEqual(set(lines), {"XianRenZhiWu", "JiGuan", "ZhuanYeJiShuZhiWu"})
        self.assertEqual(lines["JiGuan"].stored_value, "湖北孝感")
        self.assertEqual(lines["JiGuan"].file_value, "湖北黄陂")
        self.assertEqual(lines["JiGuan"].choice, "stored", "a stored value is kept unless chosen")
        self.assertEqual(lines["ZhuanYeJiShuZhiWu"].choice, "file", "an empty stored value takes the file's")
        self.assertEqual(employee.cadre_current_post, "武汉经开区商务局局长", "nothing written yet")
        lines["XianRenZhiWu"].choice = "file"
        wizard.action_import()
        self.assertEqual(employee.cadre_native_place, "湖北孝感", "kept")
        self.assertEqual(employee.cadre_current_post, "武汉经开区管委会副主任", "taken from the file")
        self.assertEqual(employee.cadre_professional_title, "正高级经济师")
        message = employee.message_ids[0]
        self.assertIn("王建国.lrmx", message.body)
        self.assertIn("湖北孝感", message.body)
        self.assertIn("武汉经开区管委会副主任", message.body)

    def test_same_file_again_has_no_differences(self):
        filename, data = lrmx_corpus.twenty_family()
        employee = self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(data, filename)
        action = self._wizard(data, filename).action_import()
        self.assertEqual(action.get("res_id"), employee.id, "imported at once")

    def test_family_difference_is_one_choice(self):
        filename, data = lrmx_corpus.gbk_declared()
        employee = self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(data, filename)
        employee.cadre_family_member_ids[0].work_unit_post = "退休"
        wizard = self._wizard(data, filename)
        wizard.action_import()
        self.assertEqual(wizard.line_ids.mapped("element"), [lrmx.FAMILY])
        wizard.action_keep_all_stored()
        wizard.action_import()
        self.assertEqual(employee.cadre_family_member_ids[0].work_unit_post, "退休")
        self.assertEqual(len(employee.cadre_family_member_ids), 2)
