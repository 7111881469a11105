from odoo import fields, models


class OrgRosterImport(models.TransientModel):
    """The roster import, given the session whose sign-in sheet (签到表) is imported; the
    sheet's rules live in the import hooks of org.study.attendance."""

    _inherit = "org.roster.import"

    study_session_id = fields.Many2one(
        "org.study.session",
        help="The session whose sign-in sheet (签到表) is imported: the people found are marked present.",
    )
