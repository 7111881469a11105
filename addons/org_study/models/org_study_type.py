from odoo import fields, models


class OrgStudyType(models.Model):
    """A kind of study session (中心组学习, 车谷夜校, 专题党课 …), configurable by officers."""

    _name = "org.study.type"
    _description = "Study Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    default_hours = fields.Float(
        string="Hours per Session",
        default=2.0,
        help="Study hours (学时) a participant is credited for one session of this type; "
        "each session may change its own.",
    )
    description = fields.Text(translate=True)
    session_count = fields.Integer(compute="_compute_session_count")

    def _compute_session_count(self):
        counts = dict(
            self.env["org.study.session"]._read_group([("type_id", "in", self.ids)], ["type_id"], ["__count"])
        )
        for study_type in self:
            study_type.session_count = counts.get(study_type, 0)
