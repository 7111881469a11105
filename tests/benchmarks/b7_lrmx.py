"""B7 files: cadre appointment and removal forms (任免审批表) in LRMX, the XML that the
organization departments' cadre software exports (root ``Person``)."""

import base64
import io
import random
from xml.sax.saxutils import escape

from zone import person_name, resident_id


def _photo():
    """A small photo, as the element carries it (base64 JPEG)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), (200, 30, 30)).save(buffer, "JPEG")
    return base64.b64encode(buffer.getvalue()).decode()


ETHNICITIES = ["汉族"] * 9 + ["回族", "土家族"]


def lrmx_files(count, seed):
    """``[(file name, bytes)]``: ``count`` distinct cadres."""
    rng = random.Random(f"{seed}:lrmx")
    photo = _photo()
    files = []
    for index in range(count):
        number, birthday = resident_id(7_000_000 + index)
        name = person_name(rng)
        gender = "男" if int(number[16]) % 2 else "女"
        start_year = birthday.year + 22
        resume = "\n".join(
            [
                f"{start_year}.07--{start_year + 5}.06  武汉经开区某街道办事处科员",
                f"{start_year + 5}.06--{start_year + 12}.03  武汉经开区某部门副科长、科长",
                f"{start_year + 12}.03--  武汉经开区某部门副主任",
            ]
        )
        family = "".join(
            f"<Item><ChengWei>{relation}</ChengWei><XingMing>{escape(person_name(rng))}</XingMing>"
            f"<ChuShengRiQi>{birthday.year + offset}{rng.randint(1, 12):02d}</ChuShengRiQi>"
            f"<ZhengZhiMianMao>群众</ZhengZhiMianMao>"
            f"<GongZuoDanWeiJiZhiWu>武汉市某单位职员</GongZuoDanWeiJiZhiWu></Item>"
            for relation, offset in (("妻子" if gender == "男" else "丈夫", 1), ("儿子", 28))
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<Person>'
            f"<XingMing>{escape(name)}</XingMing><XingBie>{gender}</XingBie>"
            f"<ChuShengNianYue>{birthday:%Y%m}</ChuShengNianYue>"
            f"<MinZu>{rng.choice(ETHNICITIES)}</MinZu><JiGuan>湖北武汉</JiGuan>"
            f"<ShenFenZheng>{number}</ShenFenZheng>"
            f"<RuDangShiJian>{start_year + 2}{rng.randint(1, 12):02d}</RuDangShiJian>"
            f"<XianRenZhiWu>武汉经开区某部门副主任</XianRenZhiWu>"
            f"<JianLi>{escape(resume)}</JianLi>"
            f"<JiaTingChengYuan>{family}</JiaTingChengYuan>"
            f"<ZhaoPian>{photo}</ZhaoPian></Person>"
        )
        files.append((f"{index:04d}_{name}.lrmx", xml.encode("utf-8")))
    return files
