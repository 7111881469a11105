"""人才服务 cards kept their own satisfaction and feedback before org_checklist's 回访与满意度 (a
database older than org_base 18.0.1.1.0): they move to org_checklist's fields, where those are
still empty; the 人才服务 board type (noupdate data) asks for the satisfaction before closing.
Nothing happens on a database that had them moved already."""

from odoo.tools.sql import column_exists


def migrate(cr, version):
    if column_exists(cr, "project_task", "org_talent_satisfaction"):
        cr.execute(
            "UPDATE project_task SET org_satisfaction = org_talent_satisfaction"
            " WHERE org_talent_satisfaction IS NOT NULL AND org_satisfaction IS NULL"
        )
        cr.execute(
            """
            UPDATE org_board_type SET satisfaction_required = TRUE
             WHERE id IN (SELECT res_id FROM ir_model_data WHERE module = 'org_talent'
                             AND name = 'board_type_talent_service' AND model = 'org.board.type')
            """
        )
    if column_exists(cr, "project_task", "org_talent_feedback"):
        cr.execute(
            "UPDATE project_task SET org_satisfaction_note = org_talent_feedback"
            " WHERE org_talent_feedback IS NOT NULL AND org_satisfaction_note IS NULL"
        )
