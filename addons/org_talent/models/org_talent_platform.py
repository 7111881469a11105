from odoo import api, fields, models


class OrgTalentPlatform(models.Model):
    """A carrier platform (载体平台) that hosts talents and projects: research institutes,
    incubators, science parks, talent training bases (人才实训基地), members of the talent
    service alliance (人才服务联盟)."""

    _name = "org.talent.platform"
    _description = "Talent Platform"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    kind = fields.Selection(
        [
            ("research_institute", "Research Institute"),
            ("incubator", "Incubator"),
            ("science_park", "Science Park"),
            ("training_base", "Talent Training Base"),
            ("service_alliance", "Talent Service Alliance Member"),
            ("service_station", "Talent Service Station"),
            ("other", "Other"),
        ],
        required=True,
        default="research_institute",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Operating Organization",
        tracking=True,
        help="The enterprise or institution that runs it.",
    )
    industry_id = fields.Many2one(
        "org.dictionary.item", domain=[("dictionary_code", "=", "industry")], tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Liaison Officer",
        domain=[("share", "=", False)],
        tracking=True,
        help="The officer of the department who follows this platform.",
    )
    contact_name = fields.Char(string="Contact Person")
    contact_phone = fields.Char()
    address = fields.Char()
    date_established = fields.Date(string="Established On")
    is_alliance_member = fields.Boolean(
        string="Talent Service Alliance Member",
        tracking=True,
        help="A member of the 人才服务联盟 that offers services to talents.",
    )
    description = fields.Html()
    talent_ids = fields.One2many("org.talent", "platform_id", string="Talents Hosted")
    project_ids = fields.One2many("org.talent.project", "platform_id", string="Projects Hosted")
    talent_count = fields.Integer(compute="_compute_counts")
    project_count = fields.Integer(compute="_compute_counts")

    def _compute_counts(self):
        talents = dict(
            self.env["org.talent"]._read_group(
                [("platform_id", "in", self.ids)], ["platform_id"], ["__count"]
            )
        )
        projects = dict(
            self.env["org.talent.project"]._read_group(
                [("platform_id", "in", self.ids)], ["platform_id"], ["__count"]
            )
        )
        for platform in self:
            platform.talent_count = talents.get(platform, 0)
            platform.project_count = projects.get(platform, 0)

    @api.onchange("kind")
    def _onchange_kind(self):
        if self.kind == "service_alliance":
            self.is_alliance_member = True

    def action_open_talents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("org_talent.org_talent_action")
        action["domain"] = [("platform_id", "=", self.id)]
        action["context"] = {"default_platform_id": self.id}
        return action

    def action_open_projects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("org_talent.org_talent_project_action")
        action["domain"] = [("platform_id", "=", self.id)]
        action["context"] = {"default_platform_id": self.id}
        return action
