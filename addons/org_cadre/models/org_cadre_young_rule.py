from odoo import api, fields, models


class OrgCadreYoungRule(models.Model):
    """年轻干部 age limit for some ranks (unit policy, e.g. 科级 ≤ 35, 处级 ≤ 40)."""

    _name = "org.cadre.young.rule"
    _description = "Young Cadre Age Limit"
    _order = "max_age, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    rank_ids = fields.Many2many(
        "org.dictionary.item",
        string="Ranks",
        domain=[("dictionary_code", "=", "rank")],
        required=True,
    )
    max_age = fields.Integer(string="Maximum Age", required=True)

    def _age_limits_by_rank(self):
        """``{rank item id: highest age limit}`` over the active rules, in one grouped query
        whatever the number of rules."""
        return {
            rank.id: max_age for rank, max_age in self._read_group([], ["rank_ids"], ["max_age:max"]) if rank
        }

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env["hr.employee"]._cron_recompute_young_cadres(batch_size=None)
        return rules

    def write(self, vals):
        result = super().write(vals)
        self.env["hr.employee"]._cron_recompute_young_cadres(batch_size=None)
        return result

    def unlink(self):
        result = super().unlink()
        self.env["hr.employee"]._cron_recompute_young_cadres(batch_size=None)
        return result
