"""LRMX, the XML format of the national 干部任免审批表 editor.

Pure functions, no ORM: ``parse_lrmx`` turns the bytes of one file into a dict of element
texts (and a list of family member dicts), ``build_lrmx`` does the reverse. ``PERSON`` and
``FAMILY_ITEM`` map each element to its field and converter kind, read both ways by
``models/hr_employee_lrmx.py``. Errors carry the element they are about; the model turns them
into translated messages.
"""

import datetime
import hashlib
import html
import re
from typing import NamedTuple
from xml.sax.saxutils import escape

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


# The elements of a person, in the order the national editor (干部任免审批表 3.2) writes them;
# <JiaTingChengYuan> comes after <RenMianLiYou> and <Version>, unknown to us, after the photo.
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
    Element("ZhaoPian", "image_1920", "photo"),
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
# The children of <Person> in the order the export writes them when no file gave one.
ELEMENTS_AND_FAMILY = (
    *ELEMENTS[: ELEMENTS.index("RenMianLiYou") + 1],
    FAMILY,
    *ELEMENTS[ELEMENTS.index("RenMianLiYou") + 1 :],
)
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

# Keys of the dict parse_lrmx returns besides the element names: the file's order of the
# elements of <Person> (an element name, or ["xml", fragment] for an element we do not know)
# and the names of the elements whose text holds markup (<br/> in 简历).
ORDER = "__order__"
MIXED = "__mixed__"

_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["'][^>]*\?>""")
_DECLARATION_ANY = re.compile(r"^\s*<\?xml[^>]*\?>")
# <br> as HTML writes it (not closed), which some producers put into 简历.
_OPEN_BR = re.compile(r"<br\s*>", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?\s*>|</br\s*>|&lt;br\s*/?\s*&gt;", re.IGNORECASE)
_MONTH = re.compile(
    r"^\s*(\d{4})\s*(?:[.．\-/年]\s*)?(\d{1,2})?\s*(?:月)?(?:\s*[.．\-/]?\s*(\d{1,2})\s*日?)?\s*$"
)
# A month in a resume line: 2008.03, 2008-03, 2008/03, 2008年3月, 200803.
_RESUME_DATE = r"(\d{4})\s*(?:[.．/年\-]\s*(\d{1,2})\s*月?|(\d{2})(?!\d))"
RESUME_LINE = re.compile(
    rf"^\s*{_RESUME_DATE}\s*(?:-{{1,2}}|—{{1,2}}|–{{1,2}}|~|～|至)\s*(?:{_RESUME_DATE}|至今)?\s*(.*)$"
)
GRADE = r"基本称职|不称职|不定等次|优秀|称职|基本合格|不合格|合格"
_GRADE = re.compile(GRADE)
_YEAR_RANGE = re.compile(r"(\d{4})\s*年?\s*(?:[—\-–~～]+|至|到)\s*(\d{4})")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_CLAUSE = re.compile(r"[，,。；;\n]")


class LrmxError(ValueError):
    """A file that is not a readable LRMX. ``code`` names the problem, ``element`` where;
    ``source``: the dictionary code of an unknown dictionary text; ``expected``: what the
    ID number gives when the file contradicts it."""

    def __init__(self, code, element=None, value=None, source=None, expected=None):
        super().__init__(code, element, value)
        self.code = code
        self.element = element
        self.value = value
        self.source = source
        self.expected = expected


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


def normalize(text):
    """``text`` with its runs of whitespace made one space: how two element texts compare."""
    return " ".join((text or "").split())


def digest(text):
    """A short fingerprint of the text an element would be written with (see the model's
    ``cadre_lrmx_source``: the file's own text is written back while the field still gives
    the text it gave when the file was read)."""
    return hashlib.sha1((text or "").encode()).hexdigest()[:16]


def _inner(node):
    """The text of ``node`` as the file has it, markup of child elements included
    (``<br/>`` in 简历); whitespace only is empty. ``(text, has markup)``."""
    if len(node):
        text = escape(node.text or "") + "".join(
            etree.tostring(child, encoding="unicode", with_tail=True) for child in node
        )
        mixed = True
    else:
        text, mixed = node.text or "", False
    return ("" if not text.strip() else text), mixed


def _children(node, known):
    """``({name: text}, order, mixed names)`` of the children of ``node``: the text of each
    element of ``known``, the file's order, unknown elements kept whole as XML fragments."""
    texts, order, mixed = {}, [], []
    for child in node:
        if not isinstance(child.tag, str):
            continue  # comments and processing instructions
        if child.tag in known and child.tag not in texts:
            texts[child.tag], has_markup = _inner(child)
            if has_markup:
                mixed.append(child.tag)
            order.append(child.tag)
        elif child.tag == FAMILY and known is ELEMENTS_AND_FAMILY:
            order.append(child.tag)
        else:
            fragment = etree.tostring(child, encoding="unicode", with_tail=False)
            order.append(["xml", fragment])
    return texts, order, mixed


def parse_lrmx(data):
    """``{'XingMing': ..., ..., 'JiaTingChengYuan': [{'ChengWei': ...}, ...], ORDER: [...],
    MIXED: [...]}`` from bytes: the text of each element as the file has it (empty when
    missing or whitespace only; the converters of the mapping table read them stripped).
    Each family member has its own ORDER and MIXED."""
    text = decode(data)
    text = _DECLARATION_ANY.sub("", text, count=1)
    text = _OPEN_BR.sub("<br/>", text)
    try:
        root = etree.fromstring(
            text.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as error:
        raise LrmxError("xml", value=str(error)) from error
    if root.tag != ROOT:
        raise LrmxError("root", root.tag)
    texts, order, mixed = _children(root, ELEMENTS_AND_FAMILY)
    values = {name: texts.get(name, "") for name in ELEMENTS}
    values[ORDER] = order
    values[MIXED] = mixed
    if not values["XingMing"].strip():
        raise LrmxError("missing", "XingMing")
    members = []
    family = root.find(FAMILY)
    for item in family.findall("Item") if family is not None else []:
        texts, order, mixed = _children(item, FAMILY_ELEMENTS)
        member = {name: texts.get(name, "") for name in FAMILY_ELEMENTS}
        if not any(member.values()) and not any(isinstance(entry, list) for entry in order):
            continue
        if not member["XingMing"].strip():
            raise LrmxError("missing", f"{FAMILY}/Item/XingMing")
        member[ORDER] = order
        member[MIXED] = mixed
        members.append(member)
    values[FAMILY] = members
    return values


def _set_text(node, text, mixed):
    if mixed:
        fragment = etree.fromstring(f"<x>{text}</x>")
        node.text = fragment.text
        node.extend(list(fragment))
    else:
        node.text = text or ""


def _ordered(order, names):
    """The names to write: the file's order when there is one, each name of ``names`` it
    lacks put after the one before it in ``names``."""
    if not order:
        return list(names)
    result = list(order)
    present = {entry for entry in result if isinstance(entry, str)}
    for index, name in enumerate(names):
        if name in present:
            continue
        position = 0
        for previous in reversed(names[:index]):
            if previous in present:
                position = result.index(previous) + 1
                break
        result.insert(position, name)
        present.add(name)
    return result


def _fill(node, values, names, family=None):
    mixed = set(values.get(MIXED) or ())
    for entry in _ordered(values.get(ORDER), names):
        if isinstance(entry, (list, tuple)):
            node.append(etree.fromstring(entry[1]))
        elif entry == FAMILY:
            family(etree.SubElement(node, FAMILY))
        else:
            value = values.get(entry)
            if isinstance(value, datetime.date):
                value = format_month(value)
            _set_text(etree.SubElement(node, entry), value or "", entry in mixed)


def build_lrmx(values):
    """UTF-8 bytes of an LRMX file from a dict shaped as ``parse_lrmx`` returns it."""
    root = etree.Element(ROOT)

    def family(node):
        for member in values.get(FAMILY) or []:
            _fill(etree.SubElement(node, "Item"), member, FAMILY_ELEMENTS)

    _fill(root, values, ELEMENTS_AND_FAMILY, family)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def resume_text(text):
    """An element's text as printed: ``<br>`` (as markup or escaped) read as line breaks,
    the markup's entities as the characters they stand for."""
    text = _BR.sub("\n", text or "")
    return html.unescape(text) if "&" in text else text


def parse_resume(text):
    """简历 lines ``2008.03--2016.09  单位职务`` as dicts; undated lines (``（其间：…）``)
    continue the line before; lines before the first dated one are left to the text."""
    lines = []
    for raw in resume_text(text).splitlines():
        if not raw.strip():
            continue
        match = RESUME_LINE.match(raw)
        if match:
            start_year, start_month, start_month6, end_year, end_month, end_month6, name = match.groups()
            try:
                start = datetime.date(int(start_year), int(start_month or start_month6), 1)
                end = datetime.date(int(end_year), int(end_month or end_month6), 1) if end_year else None
            except ValueError:
                match = None
        if match:
            lines.append({"date_start": start, "date_end": end, "name": name.strip()})
        elif lines:
            lines[-1]["name"] = f"{lines[-1]['name']}\n{raw.strip()}"
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
    """``[(year, grade text)]`` from the ways people write the results: ``2021年度优秀；2022年度
    称职``, ``2023年度考核优秀``, ``2023年、2024年年度考核均为称职，2025年年度考核为优秀。``,
    ``2021—2023年年度考核均为称职``. A year given twice keeps its last grade."""
    results = {}
    for clause in _CLAUSE.split(text or ""):
        start = 0
        for grade in _GRADE.finditer(clause):
            segment = clause[start : grade.end()]
            start = grade.end()
            years = []
            for first, last in _YEAR_RANGE.findall(segment):
                if int(first) <= int(last) <= int(first) + 50:
                    years.extend(range(int(first), int(last) + 1))
            segment = _YEAR_RANGE.sub(" ", segment)
            years.extend(int(year) for year in _YEAR.findall(segment))
            for year in years:
                results[year] = grade.group(0)
    return sorted(results.items())


def format_assessments(results):
    return "；".join(f"{year}年度{grade}" for year, grade in results)
