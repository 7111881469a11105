import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.org_base.tools.resident_id import mask_resident_id

# Identity documents other than the resident ID card, validated by format.
ID_DOCUMENT_PATTERNS = {
    # 护照: Chinese passports are E/G + 8 characters; foreign passports 5-17 letters/digits.
    "passport": re.compile(r"^[A-Z0-9]{5,17}$"),
    # 港澳居民来往内地通行证 H/M + 8 or 10 digits; 台湾居民来往大陆通行证 8 or 10 digits.
    "hk_macao_taiwan": re.compile(r"^([HM]\d{8}(\d{2})?|\d{8}(\d{2})?)$"),
    # 外国人永久居留身份证: 3 letters + 12 digits (2004), or 9 + 17 characters (2023).
    "foreign_permanent": re.compile(r"^([A-Z]{3}\d{12}|9\d{16}[\dX])$"),
}


class OrgTalent(models.Model):
    """A talent (人才) the zone recognizes, supports and serves; officers act for them."""

    _name = "org.talent"
    _description = "Talent"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.resident.id.mixin"]
    _order = "name, id"

    _resident_id_field = "id_number"
    _resident_id_birthday_field = "birthday"
    _resident_id_gender_field = "gender"

    # Person
    name = fields.Char(required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        index=True,
        ondelete="restrict",
        copy=False,
        help="The talent's contact; created from the talent when left empty.",
    )
    id_type = fields.Selection(
        [
            ("resident", "Resident ID Card"),
            ("passport", "Passport"),
            ("hk_macao_taiwan", "Hong Kong, Macao or Taiwan Travel Permit"),
            ("foreign_permanent", "Foreign Permanent Residence ID Card"),
        ],
        string="ID Document",
        required=True,
        default="resident",
        tracking=True,
    )
    id_number = fields.Char(
        string="ID Number",
        index=True,
        copy=False,
        groups="org_talent.group_talent_officer",
        help="居民身份证号 (18 characters; a 15-digit number is upgraded), or the number of the "
        "passport or permit.",
    )
    gender = fields.Selection([("male", "Male"), ("female", "Female")], tracking=True)
    birthday = fields.Date(string="Date of Birth")
    country_id = fields.Many2one("res.country", string="Nationality")
    mobile = fields.Char(tracking=True)
    email = fields.Char(tracking=True)
    education_id = fields.Many2one("org.dictionary.item", domain=[("dictionary_code", "=", "education")])
    degree_id = fields.Many2one("org.dictionary.item", domain=[("dictionary_code", "=", "degree")])
    title = fields.Char(string="Professional Title", tracking=True, help="e.g. 正高级工程师, 教授.")
    active = fields.Boolean(default=True, tracking=True)
    image_128 = fields.Image(related="partner_id.image_128")

    # Recognition
    tier_id = fields.Many2one("org.talent.tier", index=True, ondelete="restrict", tracking=True)
    date_recognition = fields.Date(string="Recognized On", tracking=True, help="人才认定时间.")
    source = fields.Selection(
        [
            ("introduced", "Introduced"),
            ("cultivated", "Cultivated Locally"),
            ("returned", "Returned from Abroad"),
            ("flexible", "Flexibly Engaged"),
        ],
        tracking=True,
        help="引进、本土培育、海外回归或柔性引才.",
    )
    employer_id = fields.Many2one(
        "res.partner",
        domain=[("is_company", "=", True)],
        index="btree_not_null",
        tracking=True,
        help="The enterprise or institution the talent works for.",
    )
    position = fields.Char(help="Job title at the employer.")
    industry_id = fields.Many2one(
        "org.dictionary.item",
        domain=[("dictionary_code", "=", "industry")],
        tracking=True,
    )
    field_of_expertise = fields.Char(string="Field", tracking=True, help="专业领域, e.g. 智能网联汽车.")
    platform_id = fields.Many2one(
        "org.talent.platform",
        string="Carrier Platform",
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Service Officer",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
        tracking=True,
        help="The officer who serves this talent (人才专员).",
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    note = fields.Html()

    # Related documents
    application_ids = fields.One2many("org.talent.application", "talent_id", string="Claims")
    card_ids = fields.One2many("org.talent.card", "talent_id", string="Talent Cards")
    service_task_ids = fields.One2many("project.task", "org_talent_id", string="Service Requests")
    card_id = fields.Many2one(
        "org.talent.card", string="Current Card", compute="_compute_card_id", help="The card in force."
    )
    application_count = fields.Integer(compute="_compute_counts")
    card_count = fields.Integer(compute="_compute_counts")
    service_count = fields.Integer(compute="_compute_counts")

    @api.depends("card_ids.state")
    def _compute_card_id(self):
        for talent in self:
            talent.card_id = talent.card_ids.filtered(lambda card: card.state == "active")[:1]

    @api.depends_context("uid")
    def _compute_counts(self):
        domain_by_model = {
            "org.talent.application": "talent_id",
            "org.talent.card": "talent_id",
            "project.task": "org_talent_id",
        }
        # Officers outside the talent group read talents but not their claims.
        counts = {
            model: dict(self.env[model]._read_group([(field, "in", self.ids)], [field], ["__count"]))
            if self.env[model].has_access("read")
            else {}
            for model, field in domain_by_model.items()
        }
        for talent in self:
            talent.application_count = counts["org.talent.application"].get(talent, 0)
            talent.card_count = counts["org.talent.card"].get(talent, 0)
            talent.service_count = counts["project.task"].get(talent, 0)

    @api.depends("id_number", "id_type")
    def _compute_resident_id_masked(self):
        for talent in self:
            number = talent.id_number
            talent.resident_id_masked = mask_resident_id(number) if number else False

    @api.constrains("id_number", "id_type")
    def _check_resident_id(self):
        residents = self.filtered(lambda talent: talent.id_type == "resident")
        result = super(OrgTalent, residents)._check_resident_id()
        for talent in self - residents:
            number = talent.id_number
            if number and not ID_DOCUMENT_PATTERNS[talent.id_type].match(number):
                raise ValidationError(
                    self.env._(
                        "%(talent)s: %(number)s is not a valid %(document)s number: %(rule)s",
                        talent=talent.name,
                        number=number,
                        document=dict(self._fields["id_type"]._description_selection(self.env))[
                            talent.id_type
                        ],
                        rule=self._id_document_rule(talent.id_type),
                    )
                )
        return result

    @api.model
    def _id_document_rule(self, id_type):
        return {
            "passport": self.env._("5 to 17 letters and digits, e.g. E12345678."),
            "hk_macao_taiwan": self.env._(
                "H or M and 8 or 10 digits for Hong Kong and Macao, 8 or 10 digits for Taiwan."
            ),
            "foreign_permanent": self.env._(
                "3 letters and 12 digits, or 18 characters starting with 9 for the 2023 card."
            ),
        }[id_type]

    @api.model
    def _resident_id_prepare_vals(self, vals):
        id_type = vals.get("id_type") or (self[:1].id_type if self else "resident")
        if id_type == "resident":
            return super()._resident_id_prepare_vals(vals)
        if vals.get("id_number"):
            vals["id_number"] = re.sub(r"\s+", "", vals["id_number"]).upper()
        return None

    @api.model_create_multi
    def create(self, vals_list):
        # One contact per talent that has none, created in one batch.
        without_partner = [vals for vals in vals_list if not vals.get("partner_id")]
        partners = (
            self.env["res.partner"]
            .sudo()
            .create(
                [
                    {
                        "name": vals.get("name"),
                        "mobile": vals.get("mobile"),
                        "email": vals.get("email"),
                        "parent_id": vals.get("employer_id"),
                        "type": "contact",
                        "company_id": False,
                        "org_talent_contact": True,
                    }
                    for vals in without_partner
                ]
            )
        )
        for vals, partner in zip(without_partner, partners, strict=True):
            vals["partner_id"] = partner.id
        return super().create(vals_list)

    def write(self, vals):
        result = super().write(vals)
        # The contact follows the talent's name and ways to reach them.
        partner_vals = {key: vals[key] for key in ("name", "mobile", "email") if key in vals}
        if partner_vals:
            self.partner_id.sudo().write(partner_vals)
        return result

    def _open_related(self, xmlid, field):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [(field, "=", self.id)]
        action["context"] = {f"default_{field}": self.id}
        return action

    def action_open_applications(self):
        return self._open_related("org_talent.org_talent_application_action", "talent_id")

    def action_open_cards(self):
        return self._open_related("org_talent.org_talent_card_action", "talent_id")

    def action_open_services(self):
        action = self._open_related("org_talent.org_talent_service_action", "org_talent_id")
        action["context"]["default_project_id"] = self.env.ref("org_talent.project_talent_service").id
        return action

    def action_new_service(self):
        """A new request of the talent on the 人才服务 board."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Service Request"),
            "res_model": "project.task",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_project_id": self.env.ref("org_talent.project_talent_service").id,
                "default_org_talent_id": self.id,
            },
        }

    def action_issue_card(self):
        """Create and issue a 人才一卡通 card for the talent."""
        self.ensure_one()
        card = self.env["org.talent.card"].create({"talent_id": self.id})
        card.action_issue()
        return {
            "type": "ir.actions.act_window",
            "res_model": "org.talent.card",
            "res_id": card.id,
            "view_mode": "form",
            "target": "current",
        }
