from odoo import Command, api, fields, models


class ProjectProject(models.Model):
    """A checklist board (清单看板) is a project with a board type."""

    _inherit = "project.project"

    org_board_type_id = fields.Many2one(
        "org.board.type", string="Board Type", index="btree_not_null", tracking=True, ondelete="restrict"
    )
    org_reviewer_id = fields.Many2one(
        "res.users",
        string="Reviewer",
        domain=[("share", "=", False)],
        help="Accepts cards before they are closed (销号); the board's manager when empty.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            board_type = self.env["org.board.type"].browse(vals.get("org_board_type_id"))
            if board_type.stage_ids and not vals.get("type_ids"):
                vals["type_ids"] = [Command.set(board_type.stage_ids.ids)]
        return super().create(vals_list)

    def _org_reviewer(self):
        self.ensure_one()
        return self.org_reviewer_id or self.user_id
