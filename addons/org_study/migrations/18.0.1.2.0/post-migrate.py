"""The sign-in sheet and the community service list are keyed on several fields, now said in
their rosters' data (key_field_ids) rather than in org_study's wizard; the roster data is
noupdate, so existing rosters get them here."""

from odoo import SUPERUSER_ID, Command, api

KEY_FIELDS = {
    "org_study.roster_study_attendance": ("org.study.attendance", ("session_id", "employee_id")),
    "org_study.roster_community_service": ("org.community.service", ("employee_id", "date", "community")),
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xml_id, (model, names) in KEY_FIELDS.items():
        roster = env.ref(xml_id, raise_if_not_found=False)
        if roster and roster.model == model:
            fields = env["ir.model.fields"].search([("model", "=", model), ("name", "in", names)])
            roster.key_field_ids = [Command.set(fields.ids)]
