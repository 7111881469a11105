"""Pinyin of a person's name, for searching it as staff type it (张晓东: ``zhangxiaodong``, ``zxd``).

Pure functions, no ORM. pypinyin reads each character in the most common reading of its
context; it has no surname mode, so the characters that read otherwise as a surname are
listed here (first character of the name only).
"""

import functools
import re

from pypinyin import Style, lazy_pinyin

# Characters read differently as a surname (《中国姓氏》 readings; pypinyin gives the common one).
SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "乐": "yue",
    "覃": "qin",
    "翟": "zhai",
    "缪": "miao",
    "繁": "po",
    "黑": "he",
    "种": "chong",
    "秘": "bi",
    "员": "yun",
    "召": "shao",
    "句": "gou",
    "阚": "kan",
    "蕃": "pi",
    "隗": "wei",
    "都": "du",
    "卜": "bu",
    "薄": "bo",
    "洗": "xian",
    "佴": "nai",
    "乜": "nie",
    "尉": "wei",
    "长": "chang",
}
# Two-character surnames pypinyin already reads right as a phrase (单于 chányú, not shàn).
COMPOUND_SURNAMES = frozenset(
    ["尉迟", "万俟", "长孙", "单于", "澹台", "令狐", "欧阳", "上官", "司马", "诸葛"]
)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTERS = re.compile(r"[^a-z]")
_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+")


@functools.lru_cache(maxsize=65536)
def name_pinyin(name):
    """``"<full pinyin> <initials>"`` of ``name`` (``"zhangxiaodong zxd"``), lower-case, no
    tones, ü as ``v``; letters of a name written in Latin script are kept in the full part.
    ``False`` for a name without Chinese characters (its name is searched as it is)."""
    name = (name or "").strip()
    if not _HAN.search(name):
        return False
    full, initials = [], []
    for index, run in enumerate(_RUNS.findall(name)):
        if not _HAN.match(run):
            full.append(_LETTERS.sub("", run.lower()))
            continue
        syllables = lazy_pinyin(run, style=Style.NORMAL)
        if index == 0 and run[:2] not in COMPOUND_SURNAMES and run[0] in SURNAME_READINGS:
            syllables[0] = SURNAME_READINGS[run[0]]
        full.extend(syllables)
        initials.extend(syllable[0] for syllable in syllables if syllable)
    return f"{''.join(full)} {''.join(initials)}"


def pinyin_query(value):
    """The letters of ``value`` to compare with :func:`name_pinyin` (blanks removed,
    lower-case), or ``None`` when ``value`` is not pinyin (Chinese characters, digits)."""
    letters = re.sub(r"\s+", "", value or "").lower().replace("ü", "v")
    if not letters or not letters.isascii() or not letters.isalpha():
        return None
    return letters
