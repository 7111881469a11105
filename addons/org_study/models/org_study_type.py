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
        help="How long a session of this type usually lasts, in study hours (学时): "
        "it pre-fills a new session's end; the hours credited come from the session's duration.",
    )
    concentrated = fields.Boolean(
        string="Concentrated Training",
        help="Counts as concentrated training (集中培训) of the 干部教育培训工作条例: the study-hour "
        "requirements that count concentrated training only count the sessions of these types.",
    )
    description = fields.Text(translate=True)
    session_count = fields.Integer(compute="_compute_session_count")

    def _compute_session_count(self):
        counts = dict(
            self.env["org.study.session"]._read_group([("type_id", "in", self.ids)], ["type_id"], ["__count"])
        )
        for study_type in self:
            study_type.session_count = counts.get(study_type, 0)
