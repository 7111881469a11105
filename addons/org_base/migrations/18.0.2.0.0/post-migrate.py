"""The education dictionary ships the short names that 任免审批表 and LRMX files write (大学 for
大学本科, 大专, 中专, 研究生 …): its data is not updated on upgrade, so they are set here on the
shipped entries that have none, before org_cadre reads the free texts of earlier versions."""

SHORT_NAMES = {
    "education_10": "研究生",
    "education_20": "大学",
    "education_30": "大专",
    "education_40": "中专",
    "education_60": "高中",
    "education_70": "初中",
    "education_80": "小学",
}


def migrate(cr, version):
    for name, short_name in SHORT_NAMES.items():
        cr.execute(
            """
            UPDATE org_dictionary_item SET short_name = %s
             WHERE short_name IS NULL
               AND id = (SELECT res_id FROM ir_model_data WHERE module = 'org_base' AND name = %s)
            """,
            [short_name, name],
        )
