"""Study levels from ranks (干部教育培训工作条例, 2023): the ranks get their study level and the
cadre training type counts as concentrated training. The bridge's data is noupdate, so a
database that had the bridge before gets them here (ranks a configurator already gave a level
keep it); then the employees with a rank get its level."""

from odoo import SUPERUSER_ID, api

from odoo.addons.org_cadre_study.hooks import set_study_levels

COUNTY = ("l01", "l02", "l03", "l04", "l05", "l06", "l07", "l08", "r01", "r02", "r03", "r04", "r05", "r06")
TOWNSHIP = ("l09", "l10", "r07", "r08", "r09", "r10", "r11", "r12")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    study_type = env.ref("org_cadre_study.study_type_cadre_training", raise_if_not_found=False)
    if study_type:
        study_type.concentrated = True
    for level_xml_id, ranks in (("study_level_county", COUNTY), ("study_level_township", TOWNSHIP)):
        level = env.ref(f"org_study.{level_xml_id}", raise_if_not_found=False)
        for code in ranks if level else ():
            rank = env.ref(f"org_base.rank_{code}", raise_if_not_found=False)
            if rank and not rank.study_level_id:
                rank.study_level_id = level
    set_study_levels(env)
