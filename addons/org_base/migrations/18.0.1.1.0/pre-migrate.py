"""回访与满意度 moves to org_base: one satisfaction on the cards of every board.

Runs before org_base's new fields load, so that their columns keep what the area addons
recorded: org_grassroots' satisfaction keys become the scores of org_base's scale (the
stored score is then computed from them), org_talent's satisfaction and feedback move to
org_base's fields, and the 幸福清单 and 人才服务 board types (noupdate data) ask for the
satisfaction before closing. org_grassroots' stage flag keeps its column.
"""

from odoo.tools.sql import column_exists, create_column

GRASSROOTS_KEYS = {"very_satisfied": "5", "satisfied": "4", "basically_satisfied": "3", "dissatisfied": "2"}
BOARD_TYPES = (("org_grassroots", "board_type_happiness"), ("org_talent", "board_type_talent_service"))


def _ensure_column(cr, table, column, column_type):
    if not column_exists(cr, table, column):
        create_column(cr, table, column, column_type)


def migrate(cr, version):
    if not version:
        return
    _ensure_column(cr, "project_task", "org_satisfaction", "varchar")
    for old, new in GRASSROOTS_KEYS.items():
        cr.execute("UPDATE project_task SET org_satisfaction = %s WHERE org_satisfaction = %s", [new, old])
    if column_exists(cr, "project_task", "org_talent_satisfaction"):
        cr.execute(
            "UPDATE project_task SET org_satisfaction = org_talent_satisfaction"
            " WHERE org_talent_satisfaction IS NOT NULL AND org_satisfaction IS NULL"
        )
    if column_exists(cr, "project_task", "org_talent_feedback"):
        _ensure_column(cr, "project_task", "org_satisfaction_note", "text")
        cr.execute(
            "UPDATE project_task SET org_satisfaction_note = org_talent_feedback"
            " WHERE org_talent_feedback IS NOT NULL AND org_satisfaction_note IS NULL"
        )
    _ensure_column(cr, "org_board_type", "satisfaction_required", "boolean")
    cr.execute(
        """
        UPDATE org_board_type SET satisfaction_required = TRUE
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE model = 'org.board.type' AND (module, name) IN %s)
        """,
        [BOARD_TYPES],
    )
