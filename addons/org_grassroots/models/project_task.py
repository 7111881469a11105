from odoo import api, fields, models


class ProjectTask(models.Model):
    """Cards of the grassroots boards: the party organization responsible, the 幸福清单 item
    and the yearly targets of the five-year plan."""

    _name = "project.task"
    _inherit = ["project.task", "org.party.scope.mixin"]

    org_party_organization_id = fields.Many2one(
        "org.party.organization",
        string="Responsible Party Organization",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
    )

    # 幸福清单: residents' and enterprises' 急难愁盼
    org_happiness_community = fields.Char(string="Community / Compound", help="社区 / 小区.")
    org_happiness_category_id = fields.Many2one(
        "org.dictionary.item",
        string="Category",
        domain="[('dictionary_code', '=', 'happiness_category')]",
        help="物业, 停车, 加装电梯, 环境, 养老, 托幼 …",
    )
    org_reporter = fields.Char(string="Raised By", help="The resident or enterprise who raised the item.")
    org_reporter_phone = fields.Char(string="Contact Phone")
    org_photo_before = fields.Image(string="Photo Before", max_width=1024, max_height=1024)
    org_photo_after = fields.Image(string="Photo After", max_width=1024, max_height=1024)

    # Five-year plan: one card per yearly target
    org_plan_year = fields.Integer(string="Plan Year", index="btree_not_null")
    org_target_value = fields.Float(string="Target")
    org_actual_value = fields.Float(string="Achieved")
    org_target_unit = fields.Char(string="Unit", help="e.g. 个小区, 户.")
    org_target_rate = fields.Float(string="Achievement (%)", compute="_compute_org_target_rate", store=True)

    @api.depends("org_target_value", "org_actual_value")
    def _compute_org_target_rate(self):
        for task in self:
            target = task.org_target_value
            task.org_target_rate = 100.0 * task.org_actual_value / target if target else 0.0

    @api.onchange("org_party_organization_id")
    def _onchange_org_party_organization_id(self):
        if self.org_party_organization_id and not self.org_responsible_user_id:
            self.org_responsible_user_id = self.org_party_organization_id._reminder_user()

    @api.model_create_multi
    def create(self, vals_list):
        # The organization's secretary is responsible unless someone else is named: org_base's
        # overdue reminders then reach them.
        organizations = self.env["org.party.organization"].browse(
            {vals["org_party_organization_id"] for vals in vals_list if vals.get("org_party_organization_id")}
        )
        reminder = {
            organization.id: organization._reminder_user().id for organization in organizations.sudo()
        }
        for vals in vals_list:
            if vals.get("org_party_organization_id") and not vals.get("org_responsible_user_id"):
                vals["org_responsible_user_id"] = reminder.get(vals["org_party_organization_id"]) or False
        return super().create(vals_list)

    def _org_satisfaction_person(self):
        # 幸福清单: the resident or enterprise who raised the item rates it at the 回访.
        return self.org_reporter or super()._org_satisfaction_person()
