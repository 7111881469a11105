"""A corpus of LRMX files shaped as their producers write them (issue 21).

The national 干部任免审批表 software (3.2.x) writes UTF-8 with a byte order mark, CRLF line
ends, one element a line in its order (<JiaTingChengYuan> after <RenMianLiYou>, the photo and
<Version> last), the photo's base64 in lines of 76, and newer versions add
<GaiGeQianRenZhiNianLingJieXian>. OWIP and provincial platforms write GBK/GB2312
declarations, CDATA, <br/> in 简历, dates as YYYY.MM, YYYYMM or YYYYMMDD, and leave out what
they do not have. Each function gives ``(file name, bytes)``; ``CORPUS`` lists them all.
"""

import base64

from .common import PHOTO, resident_id

# hr's own 8×8 JPEG would do as well; a PNG keeps the photo small and exact.
PHOTO_TEXT = PHOTO.decode()


def _photo_lines(text, width=76):
    return "\r\n".join(text[i : i + width] for i in range(0, len(text), width))


def _number(order, birth="19780512"):
    return resident_id("420115", birth, order)


def _gender(number):
    return "男" if int(number[16]) % 2 else "女"


def _person(elements, family=None, tail="", indent="  ", newline="\n", declaration=None, family_at=None):
    """The XML text of a <Person> with ``elements`` (name, text) in order; ``family``: a list
    of lists of (name, text); ``family_at``: the element after which the family comes."""
    lines = [declaration] if declaration else []
    lines.append("<Person>")
    family_xml = None
    if family is not None:
        items = []
        for member in family:
            body = newline.join(f"{indent * 3}<{name}>{text}</{name}>" for name, text in member)
            items.append(f"{indent * 2}<Item>{newline}{body}{newline}{indent * 2}</Item>")
        family_xml = (
            f"{indent}<JiaTingChengYuan>{newline}{newline.join(items)}{newline}{indent}</JiaTingChengYuan>"
        )
    for name, text in elements:
        lines.append(f"{indent}<{name}>{text}</{name}>" if not name.startswith("<") else f"{indent}{name}")
        if family_xml and name == family_at:
            lines.append(family_xml)
    if family_xml and not family_at:
        lines.append(family_xml)
    if tail:
        lines.append(tail)
    lines.append("</Person>")
    return newline.join(lines) + newline


def _base(number, **overrides):
    # Work at 22 and the Party a year later, whatever the birth year: the dossier's date rules
    # (work at 16 or older, the Party at 18 or older) hold for every file of the corpus.
    graduated = int(number[6:10]) + 22
    elements = {
        "XingMing": "王建国",
        "XingBie": _gender(number),
        "ChuShengNianYue": f"{number[6:10]}.{number[10:12]}",
        "MinZu": "汉族",
        "JiGuan": "湖北黄陂",
        "ChuShengDi": "湖北武汉",
        "RuDangShiJian": f"{graduated + 1}.06",
        "CanJiaGongZuoShiJian": f"{graduated}.07",
        "JianKangZhuangKuang": "健康",
        "ZhuanYeJiShuZhiWu": "高级经济师",
        "ShuXiZhuanYeYouHeZhuanChang": "经济管理，招商引资",
        "QuanRiZhiJiaoYu_XueLi": "大学",
        "QuanRiZhiJiaoYu_XueWei": "经济学学士",
        "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi": "武汉大学经济学专业",
        "QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi": "武汉大学",
        "ZaiZhiJiaoYu_XueLi": "研究生",
        "ZaiZhiJiaoYu_XueWei": "管理学硕士",
        "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi": "华中科技大学管理学院工商管理专业",
        "ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi": "华中科技大学",
        "XianRenZhiWu": "武汉经开区商务局局长",
        "NiRenZhiWu": "武汉经开区管委会副主任",
        "NiMianZhiWu": "武汉经开区商务局局长职务",
        "JianLi": "1996.09--2000.07  武汉大学经济学专业学习\n"
        "2000.07--2008.03  武汉经开区管委会经济发展局科员\n"
        "2008.03--2016.09  武汉经开区商务局副局长\n"
        "                  （其间：2010.09--2013.06 在华中科技大学管理学院工商管理专业"
        "在职研究生学习，获管理学硕士学位）\n"
        "2016.09--         武汉经开区商务局局长",
        "JiangChengQingKuang": "2019年被评为武汉市优秀共产党员。",
        "NianDuKaoHeJieGuo": "2023年、2024年年度考核均为称职，2025年年度考核为优秀。",
        "RenMianLiYou": "工作需要",
        "ChengBaoDanWei": "中共武汉经济技术开发区工作委员会",
        "JiSuanNianLingShiJian": "2026.03",
        "TianBiaoShiJian": "2026.03",
        "TianBiaoRen": "刘敏",
        "ShenFenZheng": number,
        "ZhaoPian": PHOTO_TEXT,
    }
    elements.update(overrides)
    return [(name, text) for name, text in elements.items() if text is not None]


def _family(count=4):
    people = [
        ("妻子", "李红", "1979.08", "中共党员", "武汉市第六中学教师"),
        ("儿子", "王小川", "2006.02", "共青团员", "武汉大学学生"),
        ("父亲", "王德明", "1950.03", "中共党员", "已退休"),
        ("母亲", "张桂兰", "1952.11", "群众", "已退休"),
    ]
    members = []
    for index in range(count):
        relation, name, birth, status, unit = people[index % len(people)]
        if index >= len(people):
            relation, name = f"其他亲属{index + 1}", f"{name}{index + 1}"
        members.append(
            [
                ("ChengWei", relation),
                ("XingMing", name),
                ("ChuShengRiQi", birth),
                ("ZhengZhiMianMao", status),
                ("GongZuoDanWeiJiZhiWu", unit),
            ]
        )
    return members


def national_v32():
    """The national software 3.2.x: BOM, CRLF, its order, photo in 76-character lines,
    <GaiGeQianRenZhiNianLingJieXian> and <Version> (unknown to us), sentence results."""
    number = _number(131)
    elements = _base(number, ZhaoPian=None)
    elements.insert(
        [name for name, _text in elements].index("ShenFenZheng"), ("GaiGeQianRenZhiNianLingJieXian", "")
    )
    elements += [("ZhaoPian", _photo_lines(PHOTO_TEXT, 40)), ("Version", "3.2.1.16")]
    text = _person(
        elements,
        _family(4),
        newline="\r\n",
        declaration='<?xml version="1.0" encoding="UTF-8"?>',
        family_at="RenMianLiYou",
    )
    return "王建国.lrmx", b"\xef\xbb\xbf" + text.encode("utf-8")


def gbk_declared():
    """A provincial platform: GB2312 declaration, GBK bytes, YYYYMM dates, results per year."""
    number = _number(133, "19820304")
    elements = _base(
        number,
        XingMing="陈志强",
        ChuShengNianYue=number[6:12],
        RuDangShiJian="200406",
        CanJiaGongZuoShiJian="200407",
        NianDuKaoHeJieGuo="2021年度优秀；2022年度称职；2023年度考核优秀",
    )
    text = _person(elements, _family(2), declaration='<?xml version="1.0" encoding="GB2312"?>')
    return "陈志强.lrmx", text.encode("gb18030")


def owip_export():
    """OWIP: CDATA, <br/> inside 简历, YYYYMMDD for the age date, ten family members at most."""
    number = _number(135, "19750101")
    resume = (
        "<![CDATA[1993.09--1997.07  华中师范大学中文系学习]]><br/>"
        "1997.07--2005.12  武汉经开区党工委办公室干事<br/>"
        "2005.12--         武汉经开区党工委办公室副主任"
    )
    elements = _base(
        number,
        XingMing="赵丽",
        JianLi=resume,
        JiangChengQingKuang="<![CDATA[2018年度嘉奖\n2020年度记三等功]]>",
        JiSuanNianLingShiJian="20260315",
        NianDuKaoHeJieGuo="2021—2023年年度考核均为称职",
    )
    text = _person(elements, _family(10), declaration='<?xml version="1.0" encoding="utf-8"?>')
    return "赵丽.lrmx", text.encode("utf-8")


def empty_two_lines():
    """Empty elements written over two lines, or closed at once."""
    number = _number(137, "19880808")
    elements = _base(
        number,
        XingMing="孙伟",
        NiMianZhiWu="\n  ",
        JiangChengQingKuang="\r\n    \r\n  ",
        ZaiZhiJiaoYu_XueLi="\n",
        ZaiZhiJiaoYu_XueWei="",
        ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi=None,
        ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi=None,
        TianBiaoRen=None,
    )
    elements += [("<ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi/>", ""), ("<TianBiaoRen />", "")]
    return "孙伟.lrmx", _person(elements, _family(1)).encode("utf-8")


def missing_optional():
    """What a system without the data leaves out: photo, 在职教育, family, filler, dates."""
    number = _number(139, "19900214")
    elements = _base(
        number,
        XingMing="周敏",
        ZhaoPian=None,
        ZaiZhiJiaoYu_XueLi=None,
        ZaiZhiJiaoYu_XueWei=None,
        ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi=None,
        ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi=None,
        TianBiaoRen=None,
        TianBiaoShiJian=None,
        NianDuKaoHeJieGuo=None,
    )
    return "周敏.lrmx", _person(elements, None, declaration='<?xml version="1.0"?>').encode("utf-8")


def extra_elements():
    """Elements we do not know, in <Person> (one with children) and in a family <Item>."""
    number = _number(141, "19860606")
    elements = _base(number, XingMing="吴刚")
    elements.insert(3, ("ZhengZhiMianMao", "中共党员"))
    elements.append(("<KuoZhanXinXi><BeiZhu>借调中</BeiZhu><LaiYuan>省平台</LaiYuan></KuoZhanXinXi>", ""))
    family = _family(2)
    family[0].append(("GuoJi", "中国"))
    return "吴刚.lrmx", _person(elements, family).encode("utf-8")


def twenty_family():
    """Twenty family members and important social relations."""
    number = _number(143, "19700707")
    return "郑华.lrmx", _person(_base(number, XingMing="郑华"), _family(20)).encode("utf-8")


def long_resume():
    """A resume of 40 periods, each with an （其间：…） line, over 4,000 characters."""
    number = _number(145, "19680909")
    lines = []
    for index in range(40):
        year = 1986 + index
        lines.append(
            f"{year}.03--{year + 1}.03  武汉经开区某局第{index + 1}任岗位工作人员，负责综合协调与督办工作"
        )
        lines.append(f"                  （其间：{year}.09--{year}.12 在市委党校中青年干部培训班学习）")
    lines.append("2026.03--         武汉经开区某局局长")
    return "冯涛.lrmx", _person(_base(number, XingMing="冯涛", JianLi="\n".join(lines)), _family(3)).encode(
        "utf-8"
    )


def dotted_dates():
    """Dates written YYYY.MM, YYYY-MM, YYYY年MM月, a resume of YYYYMM--YYYYMM lines."""
    number = _number(147, "19830415")
    elements = _base(
        number,
        XingMing="何静",
        ChuShengNianYue="1983-04",
        RuDangShiJian="2005年06月",
        CanJiaGongZuoShiJian="2005.7",
        TianBiaoShiJian="2026.03.01",
        JianLi="200109--200507  湖北大学法学专业学习\n"
        "200507--201512  武汉经开区司法局科员\n"
        "201512--  武汉经开区司法局副局长",
        NianDuKaoHeJieGuo="2024年度考核为基本称职",
    )
    family = _family(2)
    family[1][2] = ("ChuShengRiQi", "20080101")
    return "何静.lrmx", _person(elements, family).encode("utf-8")


def escaped_html():
    """An exporter that writes its HTML: <br> escaped and unclosed <br> in 简历."""
    number = _number(149, "19791111")
    elements = _base(
        number,
        XingMing="钱进",
        JianLi="1998.09--2002.07  中南财经政法大学会计学专业学习&lt;br&gt;"
        "2002.07--2010.01  武汉经开区财政局科员<br>"
        "2010.01--         武汉经开区财政局副局长",
        RenMianLiYou="试用期满，考核合格，拟正式任职。&amp;说明",
    )
    return "钱进.lrmx", _person(elements, _family(1)).encode("utf-8")


def minimal():
    """Only a name and an ID number, without a declaration: what the number gives is filled."""
    number = _number(151, "19920120")
    return (
        "林峰.lrmx",
        f"<Person><XingMing>林峰</XingMing><ShenFenZheng>{number}</ShenFenZheng></Person>".encode(),
    )


def gbk_undeclared_crlf():
    """GBK bytes without a declaration, CRLF, tab indentation, results in one line."""
    number = _number(153, "19870303")
    elements = _base(number, XingMing="梁晨", NianDuKaoHeJieGuo="2022年度称职 2023年度优秀 2024年度称职")
    text = _person(elements, _family(3), indent="\t", newline="\r\n")
    return "梁晨.lrmx", text.encode("gb18030")


CORPUS = (
    national_v32,
    gbk_declared,
    owip_export,
    empty_two_lines,
    missing_optional,
    extra_elements,
    twenty_family,
    long_resume,
    dotted_dates,
    escaped_html,
    minimal,
    gbk_undeclared_crlf,
)


def photo_bytes():
    return base64.b64decode(PHOTO)
