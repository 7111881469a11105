from odoo import fields, models


class OrgBoardType(models.Model):
    """A kind of checklist board (清单看板): its default stages, checklist and rules.

    "项目化运作、清单式管理、挂图式作战、闭环式考核": boards are projects with a board type;
    cards are tasks. Area addons add their own types.
    """

    _name = "org.board.type"
    _description = "Checklist Board Type"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, help="Technical key that addons use to find this board type.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    description = fields.Text()
    stage_ids = fields.Many2many(
        "project.task.type",
        "org_board_type_stage_rel",
        "board_type_id",
        "stage_id",
        string="Default Stages",
        help="Stages a new board of this type starts with; each board may change its own.",
    )
    checklist_template_id = fields.Many2one(
        "org.checklist.template",
        string="Default Checklist",
        domain=[("model", "in", (False, "project.task"))],
        help="Checklist that new cards of boards of this type receive.",
    )
    warning_days = fields.Integer(
        string="Yellow Light (days)",
        default=3,
        tracking=True,
        help="A card turns yellow when its deadline is this many days away or fewer, red once it has passed.",
    )
    evidence_required = fields.Boolean(
        string="Evidence Required to Close",
        default=True,
        tracking=True,
        help="A card reaches the closing stage (销号) only with evidence attached.",
    )
    review_required = fields.Boolean(
        string="Acceptance Required to Close",
        default=True,
        tracking=True,
        help="A card reaches the closing stage (销号) only after its reviewer accepted it.",
    )
    satisfaction_required = fields.Boolean(
        string="Closing Needs Satisfaction",
        tracking=True,
        help="A card reaches the closing stage (销号) only with the satisfaction of the person it "
        "serves recorded (回访).",
    )
    project_ids = fields.One2many("project.project", "org_board_type_id", string="Boards")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another board type already uses this code."),
    ]
