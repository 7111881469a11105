from odoo import Command, api, fields, models

STUDY_TAG_XMLID = "org_study.employee_category_cadre"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # The study level follows the cadre's rank (职级) where the rank dictionary maps it; an
    # employee without rank, or of a rank without level, keeps the level set by hand.
    study_level_id = fields.Many2one(compute="_compute_study_level_id", store=True, readonly=False)

    @api.depends("cadre_rank_id.study_level_id")
    def _compute_study_level_id(self):
        for employee in self:
            if level := employee.cadre_rank_id.study_level_id:
                employee.study_level_id = level

    def _cadre_sync_tag(self):
        """Cadres carry org_study's employee tag 干部 (its study requirements select cadres by
        it); employees who stop being cadres lose it."""
        result = super()._cadre_sync_tag()
        tag = self.env.ref(STUDY_TAG_XMLID, raise_if_not_found=False)
        if not tag:
            return result
        # Whoever may set is_cadre (cadre officers) is an HR officer, who may set tags: no sudo.
        cadres = self.filtered("is_cadre")
        if cadres := cadres.filtered(lambda e: tag not in e.category_ids):
            cadres.write({"category_ids": [Command.link(tag.id)]})
        if others := (self - self.filtered("is_cadre")).filtered(lambda e: tag in e.category_ids):
            others.write({"category_ids": [Command.unlink(tag.id)]})
        return result
