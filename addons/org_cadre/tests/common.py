import base64
import io

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.org_base.tests.fixtures import resident_id

# A 2×2 PNG, small enough to be stored as it is.
PHOTO = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM8ISfHwMDAxMDAwMDAAAANBAEIfXHKZgAAAABJRU5ErkJggg=="
    )
)


def lrmx_bytes(name="张三", number=None, birth=None, encoding="UTF-8", **extra):
    """The bytes of an LRMX file as the national editor writes it: birth month and gender
    agree with the ID number unless given."""
    number = number or resident_id()
    elements = {
        "XingMing": name,
        "XingBie": "男" if int(number[16]) % 2 else "女",
        "ChuShengNianYue": birth or number[6:12],
        "MinZu": "汉族",
        "JiGuan": "湖北武汉",
        "ChuShengDi": "湖北武汉",
        "RuDangShiJian": "2006.06",
        "CanJiaGongZuoShiJian": "200807",
        "JianKangZhuangKuang": "健康",
        "ZhuanYeJiShuZhiWu": "工程师",
        "ShuXiZhuanYeYouHeZhuanChang": "招商引资",
        "QuanRiZhiJiaoYu_XueLi": "大学本科",
        "QuanRiZhiJiaoYu_XueWei": "工学学士",
        "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi": "武汉大学计算机科学与技术专业",
        "QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi": "武汉大学",
        "ZaiZhiJiaoYu_XueLi": "研究生",
        "ZaiZhiJiaoYu_XueWei": "管理学硕士",
        "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi": "华中科技大学管理学院",
        "ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi": "华中科技大学",
        "ZhaoPian": PHOTO.decode(),
        "XianRenZhiWu": "经开区招商局副局长",
        "NiRenZhiWu": "经开区招商局局长",
        "NiMianZhiWu": "经开区招商局副局长",
        "JianLi": "2004.09--2008.07  武汉大学计算机科学与技术专业学习\n"
        "2008.07--2016.09  经开区管委会科员\n"
        "2016.09--         经开区招商局副局长\n"
        "                 （其间：2018.09--2021.06 华中科技大学在职研究生学习）",
        "JiangChengQingKuang": "2020年度获评优秀共产党员",
        "NianDuKaoHeJieGuo": "2021年度称职；2022年度优秀",
        "RenMianLiYou": "工作需要",
        "ChengBaoDanWei": "中共武汉经开区工委组织部",
        "JiSuanNianLingShiJian": "202301",
        "TianBiaoShiJian": "2023.01",
        "TianBiaoRen": "李四",
        "ShenFenZheng": number,
    }
    elements.update(extra)
    body = "".join(f"<{key}>{value}</{key}>" for key, value in elements.items() if value is not None)
    family = (
        "<JiaTingChengYuan>"
        "<Item><ChengWei>妻子</ChengWei><XingMing>王芳</XingMing><ChuShengRiQi>198706</ChuShengRiQi>"
        "<ZhengZhiMianMao>中共党员</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>武汉市第一中学教师</GongZuoDanWeiJiZhiWu></Item>"
        "<Item><ChengWei>儿子</ChengWei><XingMing>张小明</XingMing><ChuShengRiQi>2015.02</ChuShengRiQi>"
        "<ZhengZhiMianMao>群众</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>学生</GongZuoDanWeiJiZhiWu></Item>"
        "</JiaTingChengYuan>"
    )
    text = f'<?xml version="1.0" encoding="{encoding}"?>\n<Person>{body}{family}</Person>'
    return text.encode("gb18030" if encoding.upper() in ("GBK", "GB2312", "GB18030") else "utf-8")


def zip_bytes(files):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


class CadreCommon(TransactionCase):
    """Least-privileged users of each role and two cadres; no demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer = new_test_user(cls.env, "cadre_officer", groups="org_cadre.group_cadre_officer")
        cls.user_supervisor = new_test_user(
            cls.env, "cadre_supervisor", groups="org_cadre.group_cadre_supervision"
        )
        cls.user_leader = new_test_user(cls.env, "cadre_leader", groups="org_base.group_org_leader")
        cls.user_org_officer = new_test_user(cls.env, "cadre_org_officer", groups="org_base.group_org_user")
        cls.user_manager = new_test_user(cls.env, "cadre_manager", groups="org_base.group_org_manager")
        cls.user_cadre = new_test_user(cls.env, "cadre_self", groups="base.group_user")
        Employee = cls.env["hr.employee"]
        cls.cadre = Employee.create(
            {
                "name": "测试干部甲",
                "is_cadre": True,
                "identification_id": resident_id(),
                "user_id": cls.user_cadre.id,
                "cadre_native_place": "湖北武汉",
                "cadre_current_post": "经开区招商局副局长",
            }
        )
        cls.cadre_b = Employee.create(
            {
                "name": "测试干部乙",
                "is_cadre": True,
                "identification_id": resident_id(birth="19900101", order=112),
            }
        )
        cls.cadre.cadre_resume_line_ids = [
            (0, 0, {"date_start": "2008-07-01", "date_end": "2016-09-01", "name": "经开区管委会科员"}),
        ]
        cls.cadre_b.cadre_resume_line_ids = [(0, 0, {"date_start": "2012-07-01", "name": "经开区财政局科员"})]

    @classmethod
    def _spring_bamboo_program(cls):
        """A 24-hour 春笋计划 of 2023 created by the officer, both cadres enrolled."""
        return (
            cls.env["org.cadre.training.program"]
            .with_user(cls.user_officer)
            .create(
                {
                    "name": "2023年春笋计划",
                    "kind": "spring_bamboo",
                    "date_start": "2023-05-08",
                    "hours": 24.0,
                    "enrollment_ids": [
                        (0, 0, {"employee_id": cls.cadre.id}),
                        (0, 0, {"employee_id": cls.cadre_b.id}),
                    ],
                }
            )
        )
