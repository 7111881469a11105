from odoo import fields, models


class OrgPartyBrand(models.Model):
    """党建品牌: a brand project of a party organization, from 创建达标 to 典型示范."""

    _name = "org.party.brand"
    _description = "Party Building Brand Project"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.party.scope.mixin"]
    _order = "year desc, id desc"

    name = fields.Char(string="Brand", required=True, tracking=True)
    organization_id = fields.Many2one(
        "org.party.organization",
        string="Party Organization",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True
    )
    stage = fields.Selection(
        [
            ("creating", "Creating"),
            ("standard", "Up to Standard"),
            ("model", "Model"),
        ],
        required=True,
        default="creating",
        tracking=True,
        help="创建中 → 创建达标 → 典型示范.",
    )
    description = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
