from odoo import api, fields, models

# The dossier items a cadre reads about themselves (My Dossier), without sensitive ones.
OWN_DOSSIER_FIELDS = [
    "cadre_is_cadre",
    "cadre_native_place",
    "cadre_ethnicity_id",
    "cadre_current_post",
    "cadre_rank_id",
    "cadre_fulltime_education_id",
    "cadre_completeness",
    "cadre_resume_line_ids",
    "cadre_family_member_ids",
    "cadre_reward_ids",
    "cadre_annual_result_ids",
    "cadre_training_enrollment_ids",
]


class ResUsers(models.Model):
    """My Dossier: the user's own cadre dossier, read through the user as hr does for My Profile.

    A user reads their own values (``SELF_READABLE_FIELDS`` reads them as superuser); for any
    other user the fields stay empty unless the reader is a cadre officer or a leader.
    """

    _inherit = "res.users"

    cadre_is_cadre = fields.Boolean(string="Cadre", compute="_compute_cadre_dossier", compute_sudo=False)
    cadre_native_place = fields.Char(
        string="Native Place", compute="_compute_cadre_dossier", compute_sudo=False
    )
    cadre_ethnicity_id = fields.Many2one(
        "org.dictionary.item", string="Ethnicity", compute="_compute_cadre_dossier", compute_sudo=False
    )
    cadre_current_post = fields.Char(
        string="Current Post", compute="_compute_cadre_dossier", compute_sudo=False
    )
    cadre_rank_id = fields.Many2one(
        "org.dictionary.item", string="Rank", compute="_compute_cadre_dossier", compute_sudo=False
    )
    cadre_fulltime_education_id = fields.Many2one(
        "org.dictionary.item",
        string="Full-time Education",
        compute="_compute_cadre_dossier",
        compute_sudo=False,
    )
    cadre_completeness = fields.Integer(
        string="Dossier Completeness", compute="_compute_cadre_dossier", compute_sudo=False
    )
    cadre_resume_line_ids = fields.One2many(
        "org.cadre.resume.line", string="Resume", compute="_compute_cadre_dossier", compute_sudo=False
    )
    cadre_family_member_ids = fields.One2many(
        "org.cadre.family.member",
        string="Family Members",
        compute="_compute_cadre_dossier",
        compute_sudo=False,
    )
    cadre_reward_ids = fields.One2many(
        "org.cadre.reward",
        string="Rewards and Punishments",
        compute="_compute_cadre_dossier",
        compute_sudo=False,
    )
    cadre_annual_result_ids = fields.One2many(
        "org.cadre.annual.result",
        string="Annual Assessment Results",
        compute="_compute_cadre_dossier",
        compute_sudo=False,
    )
    cadre_training_enrollment_ids = fields.One2many(
        "org.cadre.training.enrollment",
        string="Trainings",
        compute="_compute_cadre_dossier",
        compute_sudo=False,
    )

    @api.depends_context("uid")
    def _compute_cadre_dossier(self):
        reader = self.env.user
        trusted = reader.has_group("org_cadre.group_cadre_officer") or reader.has_group(
            "org_base.group_org_leader"
        )
        Enrollment = self.env["org.cadre.training.enrollment"].sudo()
        for user in self:
            employee = user.sudo().employee_id
            if not (trusted or user == reader) or not employee.is_cadre:
                employee = self.env["hr.employee"]
            user.cadre_is_cadre = employee.is_cadre
            user.cadre_native_place = employee.cadre_native_place
            user.cadre_ethnicity_id = employee.cadre_ethnicity_id
            user.cadre_current_post = employee.cadre_current_post
            user.cadre_rank_id = employee.cadre_rank_id
            user.cadre_fulltime_education_id = employee.cadre_fulltime_education_id
            user.cadre_completeness = employee.cadre_completeness
            user.cadre_resume_line_ids = employee.cadre_resume_line_ids
            user.cadre_family_member_ids = employee.cadre_family_member_ids
            user.cadre_reward_ids = employee.cadre_reward_ids
            user.cadre_annual_result_ids = employee.cadre_annual_result_ids
            user.cadre_training_enrollment_ids = (
                Enrollment.search([("employee_id", "=", employee.id)]) if employee else Enrollment
            )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + OWN_DOSSIER_FIELDS

    def _action_my_cadre_dossier(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Dossier"),
            "res_model": "res.users",
            "res_id": self.env.user.id,
            "views": [(self.env.ref("org_cadre.res_users_view_form_cadre_dossier").id, "form")],
            "target": "current",
        }
