from odoo import fields, models

# The dossier items a cadre reads about themselves (My Dossier), without sensitive ones.
OWN_DOSSIER_FIELDS = [
    "cadre_is_cadre",
    "cadre_native_place",
    "cadre_ethnicity_id",
    "cadre_current_post",
    "cadre_rank_id",
    "cadre_fulltime_education",
    "cadre_completeness",
    "cadre_resume_line_ids",
    "cadre_family_member_ids",
    "cadre_reward_ids",
    "cadre_annual_result_ids",
    "cadre_training_enrollment_ids",
]


class ResUsers(models.Model):
    """My Dossier: the user's own cadre dossier, read through the user as hr does for My Profile.

    The related fields are read with the reader's rights (``related_sudo=False``): reading
    another user's dossier needs access to hr.employee; one's own is read through
    ``SELF_READABLE_FIELDS``."""

    _inherit = "res.users"

    cadre_is_cadre = fields.Boolean(
        related="employee_id.is_cadre", string="Cadre", related_sudo=False, groups="base.group_user"
    )
    cadre_native_place = fields.Char(
        related="employee_id.cadre_native_place", related_sudo=False, groups="base.group_user"
    )
    cadre_ethnicity_id = fields.Many2one(
        related="employee_id.cadre_ethnicity_id", related_sudo=False, groups="base.group_user"
    )
    cadre_current_post = fields.Char(
        related="employee_id.cadre_current_post", related_sudo=False, groups="base.group_user"
    )
    cadre_rank_id = fields.Many2one(
        related="employee_id.cadre_rank_id", related_sudo=False, groups="base.group_user"
    )
    cadre_fulltime_education = fields.Char(
        related="employee_id.cadre_fulltime_education", related_sudo=False, groups="base.group_user"
    )
    cadre_completeness = fields.Integer(
        related="employee_id.cadre_completeness", related_sudo=False, groups="base.group_user"
    )
    cadre_resume_line_ids = fields.One2many(
        related="employee_id.cadre_resume_line_ids", related_sudo=False, groups="base.group_user"
    )
    cadre_family_member_ids = fields.One2many(
        related="employee_id.cadre_family_member_ids", related_sudo=False, groups="base.group_user"
    )
    cadre_reward_ids = fields.One2many(
        related="employee_id.cadre_reward_ids", related_sudo=False, groups="base.group_user"
    )
    cadre_annual_result_ids = fields.One2many(
        related="employee_id.cadre_annual_result_ids", related_sudo=False, groups="base.group_user"
    )
    cadre_training_enrollment_ids = fields.One2many(
        "org.cadre.training.enrollment",
        compute="_compute_cadre_training_enrollment_ids",
        compute_sudo=False,
        string="Trainings",
    )

    def _compute_cadre_training_enrollment_ids(self):
        # Read with the reader's rights: a user sees another's trainings only as an officer.
        Enrollment = self.env["org.cadre.training.enrollment"]
        for user in self:
            user.cadre_training_enrollment_ids = Enrollment.search(
                [("employee_id", "in", user.employee_ids.ids)]
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
