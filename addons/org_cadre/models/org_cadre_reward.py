from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class OrgCadreReward(models.Model):
    """A reward or a punishment (奖惩) in a cadre's dossier; a punishment (党纪处分, 政务处分)
    bars a promotion during its effect period (影响期)."""

    _name = "org.cadre.reward"
    _description = "Cadre Reward or Punishment"
    _order = "employee_id, date desc, id"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    kind = fields.Selection(
        [("reward", "Reward"), ("punishment", "Punishment")], required=True, default="reward"
    )
    date = fields.Date(required=True)
    name = fields.Char(string="Description", required=True)
    authority = fields.Char(string="Decided By")
    effect_months = fields.Integer(
        string="Effect on Promotion (months)",
        help="A punishment's effect period (影响期), e.g. 党纪处分条例: 警告 12, 严重警告 18, "
        "撤销党内职务 24; 政务处分法 art. 8: 警告 6, 记过 12, 记大过 18, 降级 and 撤职 24.",
    )
    effect_date_end = fields.Date(string="Effect Until", compute="_compute_effect_date_end", store=True)

    @api.depends("kind", "date", "effect_months")
    def _compute_effect_date_end(self):
        for record in self:
            record.effect_date_end = (
                record.kind == "punishment"
                and record.date
                and record.effect_months
                and record.date + relativedelta(months=record.effect_months)
            )

    @api.constrains("date", "effect_months")
    def _check_reward_rules(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
        if self.date and self.date > today:
            messages.append(
                (
                    ("date",),
                    self.env._(
                        "the date %(date)s is in the future (today is %(today)s).",
                        date=self.date,
                        today=today,
                    ),
                )
            )
        if self.effect_months < 0:
            messages.append(
                (
                    ("effect_months",),
                    self.env._(
                        "the effect period cannot be negative (%(months)s).", months=self.effect_months
                    ),
                )
            )
        return messages

    @api.model
    def _restricted_employees(self, employees):
        """Those of ``employees`` with a punishment whose effect period runs today."""
        today = self.env.company._org_office_today()
        return self.search(
            [
                ("employee_id", "in", employees.ids),
                ("kind", "=", "punishment"),
                ("effect_date_end", ">=", today),
            ]
        ).employee_id
