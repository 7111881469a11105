"""Study requirements per level and period (干部教育培训工作条例, 2023) replace the flat 110 hours a
year for everyone tagged 干部.

The shipped requirement ``requirement_cadre`` still as shipped (110 hours a year for the tag
干部) becomes the 乡科级及以下 requirement: 90 hours a year of concentrated training for the people
of that study level; the 县处级及以上 requirement (550 hours in five years) and the study levels
come with the data. A requirement the organization changed stays as its own rule (no level,
every session counts, a calendar year), as it worked before. The shipped study types that are
concentrated training (党校培训, 车谷夜校) are marked so; the data is noupdate, so existing
databases get it here.
"""

from odoo import SUPERUSER_ID, Command, api

OLD_HOURS = 110.0
CONCENTRATED_TYPES = ("org_study.study_type_party_school", "org_study.study_type_night_school")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xml_id in CONCENTRATED_TYPES:
        study_type = env.ref(xml_id, raise_if_not_found=False)
        if study_type:
            study_type.concentrated = True
    requirement = env.ref("org_study.requirement_cadre", raise_if_not_found=False)
    level = env.ref("org_study.study_level_township", raise_if_not_found=False)
    tag = env.ref("org_study.employee_category_cadre", raise_if_not_found=False)
    if not requirement or not level:
        return
    as_shipped = (
        requirement.hours == OLD_HOURS
        and not requirement.level_id
        and not requirement.department_ids
        and requirement.category_ids == tag
    )
    if as_shipped:
        requirement.write(
            {
                "name": "Township Level and Below (90 hours a year)",
                "level_id": level.id,
                "period_kind": "year",
                "hours": 90.0,
                "concentrated_only": True,
                "category_ids": [Command.clear()],
            }
        )
