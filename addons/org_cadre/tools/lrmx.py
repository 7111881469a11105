"""LRMX, the XML format of the national 干部任免审批表 editor.

Pure functions, no ORM: ``parse_lrmx`` turns the bytes of one file into a dict of element
texts (and a list of family member dicts), ``build_lrmx`` does the reverse. ``PERSON`` and
``FAMILY_ITEM`` map each element to its field and converter kind, read both ways by
``models/hr_employee_lrmx.py``. Errors carry the element they are about; the model turns them
into translated messages.
"""

import datetime
import re
from typing import NamedTuple

from lxml import etree

ROOT = "Person"
FAMILY = "JiaTingChengYuan"


class Element(NamedTuple):
    """One row of the mapping table: an LRMX element, the field it fills and how.

    ``kind`` names the converter used both ways (``hr.employee._lrmx_format_<kind>`` writes
    the element text from the field value, ``_lrmx_parse_<kind>`` reads it back):

    - ``text``: the text as it is;
    - ``date``: a month, written ``YYYY.MM``, read from ``YYYYMM``, ``YYYY.MM`` and the like;
    - ``dictionary``: an entry of the ``org.dictionary`` coded ``source``, written by name;
    - ``gender``: hr's ``gender`` selection, written as the ``source`` dictionary names its
      entry (``GENDER_ENTRIES``);
    - ``photo``: the base64 photo (the generated avatar is no photo);
    - ``id_number``: the resident ID number (masked for whoever may not read it);
    - ``resume``: the resume lines (简历), one text;
    - ``assessments``: the annual assessment results, one text.
    """

    name: str
    field: str
    kind: str = "text"
    source: str = ""


# The elements of a person, in the order the national editor writes them.
PERSON = (
    Element("XingMing", "name"),
    Element("XingBie", "gender", "gender", "gender"),
    Element("ChuShengNianYue", "birthday", "date"),
    Element("MinZu", "cadre_ethnicity_id", "dictionary", "ethnicity"),
    Element("JiGuan", "cadre_native_place"),
    Element("ChuShengDi", "place_of_birth"),
    Element("RuDangShiJian", "cadre_party_join_date", "date"),
    Element("CanJiaGongZuoShiJian", "cadre_work_start_date", "date"),
    Element("JianKangZhuangKuang", "cadre_health"),
    Element("ZhuanYeJiShuZhiWu", "cadre_professional_title"),
    Element("ShuXiZhuanYeYouHeZhuanChang", "cadre_expertise"),
    Element("QuanRiZhiJiaoYu_XueLi", "cadre_fulltime_education_id", "dictionary", "education"),
    Element("QuanRiZhiJiaoYu_XueWei", "cadre_fulltime_degree_id", "dictionary", "degree"),
    Element("QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi", "cadre_fulltime_education_school"),
    Element("QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi", "cadre_fulltime_degree_school"),
    Element("ZaiZhiJiaoYu_XueLi", "cadre_parttime_education_id", "dictionary", "education"),
    Element("ZaiZhiJiaoYu_XueWei", "cadre_parttime_degree_id", "dictionary", "degree"),
    Element("ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi", "cadre_parttime_education_school"),
    Element("ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi", "cadre_parttime_degree_school"),
    Element("ZhaoPian", "image_1920", "photo"),
    Element("XianRenZhiWu", "cadre_current_post"),
    Element("NiRenZhiWu", "cadre_proposed_post"),
    Element("NiMianZhiWu", "cadre_proposed_removal"),
    Element("JianLi", "cadre_resume_line_ids", "resume"),
    Element("JiangChengQingKuang", "cadre_reward_summary"),
    Element("NianDuKaoHeJieGuo", "cadre_annual_result_ids", "assessments"),
    Element("RenMianLiYou", "cadre_appointment_reason"),
    Element("ChengBaoDanWei", "cadre_reporting_unit"),
    Element("JiSuanNianLingShiJian", "cadre_age_date", "date"),
    Element("TianBiaoShiJian", "cadre_form_date", "date"),
    Element("TianBiaoRen", "cadre_form_filler"),
    Element("ShenFenZheng", "identification_id", "id_number"),
)
# The elements of each <Item> of <JiaTingChengYuan>, fields of org.cadre.family.member.
FAMILY_ITEM = (
    Element("ChengWei", "relation"),
    Element("XingMing", "name"),
    Element("ChuShengRiQi", "birth_date", "date"),
    Element("ZhengZhiMianMao", "political_status_id", "dictionary", "political_status"),
    Element("GongZuoDanWeiJiZhiWu", "work_unit_post"),
)
ELEMENTS = tuple(element.name for element in PERSON)
FAMILY_ELEMENTS = tuple(element.name for element in FAMILY_ITEM)
# hr's genders and their entries of the gender dictionary (GB/T 2261.1: 1 男, 2 女).
GENDER_ENTRIES = {"male": "org_base.gender_1", "female": "org_base.gender_2"}
# Annual assessment grades (org.cadre.annual.result) as the national form writes them.
GRADES = {
    "excellent": "优秀",
    "competent": "称职",
    "basic": "基本称职",
    "incompetent": "不称职",
    "undetermined": "不定等次",
}

_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["'][^>]*\?>""")
_DECLARATION_ANY = re.compile(r"^\s*<\?xml[^>]*\?>")
_MONTH = re.compile(
    r"^\s*(\d{4})\s*(?:[.\-/年]\s*)?(\d{1,2})?\s*(?:月)?(?:\s*[.\-/]?\s*(\d{1,2})\s*日?)?\s*$"
)
RESUME_LINE = re.compile(
    r"^\s*(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?\s*[-—–~～至]+\s*(?:(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?)?\s*(.*)$"
)
ASSESSMENT = re.compile(r"(\d{4})\s*年度?\s*(优秀|基本称职|称职|不称职|不定等次)")


class LrmxError(ValueError):
    """A file that is not a readable LRMX. ``code`` names the problem, ``element`` where;
    ``source``: the dictionary code of an unknown dictionary text."""

    def __init__(self, code, element=None, value=None, source=None):
        super().__init__(code, element, value)
        self.code = code
        self.element = element
        self.value = value
        self.source = source


def decode(data):
    """The text of an LRMX file: encoding from the XML declaration, else UTF-8, else GBK."""
    if not data:
        raise LrmxError("empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    match = _DECLARATION.match(data)
    encodings = [match.group(1).decode("ascii").lower()] if match else ["utf-8", "gb18030"]
    encodings = ["gb18030" if enc in ("gbk", "gb2312", "gb18030", "cp936") else enc for enc in encodings]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise LrmxError("encoding", value=encodings[0])


def parse_month(text, element):
    """A date from ``YYYYMM``, ``YYYY.MM``, ``YYYY-MM``, ``YYYY年MM月`` or ``YYYYMMDD``."""
    text = (text or "").strip()
    if not text:
        return None
    if text.isdigit() and len(text) in (6, 8):
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8] or 1) if len(text) == 8 else 1
    else:
        match = _MONTH.match(text)
        if not match or not match.group(2):
            raise LrmxError("date", element, text)
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise LrmxError("date", element, text) from error


def format_month(date):
    return f"{date.year:04d}.{date.month:02d}" if date else ""


def parse_lrmx(data):
    """``{'XingMing': ..., ..., 'JiaTingChengYuan': [{'ChengWei': ...}, ...]}`` from bytes:
    the stripped text of each element (the converters of the mapping table read them)."""
    text = decode(data)
    text = _DECLARATION_ANY.sub("", text, count=1)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as error:
        raise LrmxError("xml", value=str(error)) from error
    if root.tag != ROOT:
        raise LrmxError("root", root.tag)
    values = {}
    for name in ELEMENTS:
        node = root.find(name)
        values[name] = (node.text or "").strip() if node is not None else ""
    if not values["XingMing"]:
        raise LrmxError("missing", "XingMing")
    members = []
    family = root.find(FAMILY)
    for item in family.findall("Item") if family is not None else []:
        member = {name: (item.findtext(name) or "").strip() for name in FAMILY_ELEMENTS}
        if not any(member.values()):
            continue
        if not member["XingMing"]:
            raise LrmxError("missing", f"{FAMILY}/Item/XingMing")
        members.append(member)
    values[FAMILY] = members
    return values


def build_lrmx(values):
    """UTF-8 bytes of an LRMX file from a dict shaped as ``parse_lrmx`` returns it."""
    root = etree.Element(ROOT)
    for name in ELEMENTS:
        value = values.get(name)
        if isinstance(value, datetime.date):
            value = format_month(value)
        etree.SubElement(root, name).text = value or ""
    family = etree.SubElement(root, FAMILY)
    for member in values.get(FAMILY) or []:
        item = etree.SubElement(family, "Item")
        for name in FAMILY_ELEMENTS:
            value = member.get(name)
            if isinstance(value, datetime.date):
                value = format_month(value)
            etree.SubElement(item, name).text = value or ""
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def parse_resume(text):
    """简历 lines ``2008.03--2016.09  单位职务`` as dicts; unprefixed lines continue the last."""
    lines = []
    for raw in (text or "").splitlines():
        if not raw.strip():
            continue
        match = RESUME_LINE.match(raw)
        if match:
            start = datetime.date(int(match.group(1)), int(match.group(2)), 1)
            end = datetime.date(int(match.group(3)), int(match.group(4)), 1) if match.group(3) else None
            lines.append({"date_start": start, "date_end": end, "name": match.group(5).strip()})
        elif lines:
            lines[-1]["name"] = f"{lines[-1]['name']}\n{raw.strip()}"
        else:
            raise LrmxError("resume", "JianLi", raw.strip())
    return lines


def format_resume(lines):
    """简历 text from dicts with ``date_start``, ``date_end`` and ``name``."""
    out = []
    for line in lines:
        end = format_month(line["date_end"]) if line["date_end"] else "       "
        first, *rest = (line["name"] or "").split("\n")
        out.append(f"{format_month(line['date_start'])}--{end}  {first}")
        out.extend(f"                 {more}" for more in rest)
    return "\n".join(out)


def parse_assessments(text):
    """``[(year, grade text)]`` from ``2021年度优秀；2022年度称职``."""
    return [(int(year), grade) for year, grade in ASSESSMENT.findall(text or "")]


def format_assessments(results):
    return "；".join(f"{year}年度{grade}" for year, grade in results)
