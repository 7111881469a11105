from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OrgTalentServiceType(models.Model):
    """A kind of talent service request (住房安居, 配偶安置, 子女入学, 就医…) and the number of
    days in which it must be handled (service level)."""

    _name = "org.talent.service.type"
    _description = "Talent Service Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    sla_days = fields.Integer(
        string="Service Level (days)",
        required=True,
        default=15,
        help="A request of this type must be closed within this many days of its filing.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Default Handler",
        domain=[("share", "=", False)],
        help="The officer a new request of this type is assigned to.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another service type already uses this code."),
    ]

    @api.constrains("sla_days")
    def _check_sla_days(self):
        for service_type in self:
            if service_type.sla_days <= 0:
                raise ValidationError(
                    self.env._(
                        "Service type %(type)s: the service level must be at least one day.",
                        type=service_type.name,
                    )
                )
