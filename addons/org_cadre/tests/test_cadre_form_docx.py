import io
import zipfile

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from odoo.exceptions import AccessError
from odoo.tests import tagged

from . import lrmx_corpus
from .common import CadreCommon, resident_id


def _texts(document):
    """Every paragraph's text of the document, tables included (merged cells once)."""
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        seen = []  # the cells' XML elements (a merged cell is one element)
        for row in table.rows:
            for cell in row.cells:
                if any(cell._tc is element for element in seen):
                    continue
                seen.append(cell._tc)
                texts.append(cell.text)
    return "\n".join(texts)


@tagged("post_install", "-at_install")
class TestCadreFormDocx(CadreCommon):
    """The 任免审批表 as .docx: the official layout, from the values the PDF prints."""

    def _employee(self):
        filename, data = lrmx_corpus.national_v32()
        return self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(data, filename)

    def test_docx_has_the_pdf_values_and_the_official_layout(self):
        employee = self._employee()
        Report = self.env["report.org_cadre.report_cadre_form"].with_user(self.user_officer)
        filename, content = Report._form_docx(employee)
        self.assertEqual(filename, "王建国.docx")
        document = Document(io.BytesIO(content))
        text = _texts(document)
        values = Report.with_context(lang=Report._form_lang())._form_values(employee)
        for key, value in values.items():
            if key in ("photo", "family") or not value:
                continue
            for line in value.split("\n"):
                with self.subTest(key=key):
                    self.assertIn(line, text, "the PDF's value")
        for member in values["family"]:
            self.assertIn(member["work_unit_post"], text)
        self.assertIn("2023年、2024年年度考核均为称职，2025年年度考核为优秀。", text, "the file's sentence")
        labels = Report.with_context(lang=Report._form_lang())._form_labels()
        self.assertEqual(text.count(labels["seal"]), 3, "呈报单位, 审批机关意见, 行政机关任免意见")
        self.assertEqual(text.count(labels["date_line"]), 3)
        self.assertEqual(len(document.tables), 2, "two pages, one table each")
        self.assertEqual(len(document.inline_shapes), 1, "the photo in its box")
        self.assertIn('w:type="page"', document.element.xml, "page 2 starts on a new page")
        title = document.paragraphs[0].runs[0]
        self.assertEqual(title.text, labels["title"])
        self.assertEqual(title.font.size, Pt(22))
        self.assertEqual(title._element.rPr.rFonts.get(qn("w:eastAsia")), "宋体")
        section = document.sections[0]
        self.assertEqual(round(section.page_width.cm, 1), 21.0)
        self.assertEqual(round(section.page_height.cm, 1), 29.7)

    def test_several_cadres_give_a_zip(self):
        employee = self._employee()
        other = self.env["hr.employee"].create(
            {"name": "测试干部丙", "is_cadre": True, "identification_id": resident_id(order=601)}
        )
        filename, content = (
            self.env["report.org_cadre.report_cadre_form"]
            .with_user(self.user_officer)
            ._form_docx(employee | other)
        )
        self.assertTrue(filename.endswith(".zip"))
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            self.assertEqual(sorted(archive.namelist()), ["测试干部丙.docx", "王建国.docx"])
            document = Document(io.BytesIO(archive.read("测试干部丙.docx")))
        self.assertIn("测试干部丙", _texts(document))
        self.assertEqual(len(document.inline_shapes), 0, "no photo: the box says so")

    def test_action_streams_and_is_refused_to_others(self):
        action = self.cadre.with_user(self.user_officer).action_cadre_form_docx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["url"], f"/org_cadre/cadre_form_docx/{self.cadre.id}")
        for user in (self.user_org_officer, self.user_cadre):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.cadre.with_user(user).action_cadre_form_docx()
