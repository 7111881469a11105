"""幸福清单 cards recorded their satisfaction with org_grassroots' own keys before org_checklist's
回访与满意度 (a database older than org_base 18.0.1.1.0): the keys become the scores of
org_checklist's scale, and the 幸福清单 board type (noupdate data) asks for the satisfaction
before closing. Nothing happens on a database that has scores already."""

GRASSROOTS_KEYS = {"very_satisfied": "5", "satisfied": "4", "basically_satisfied": "3", "dissatisfied": "2"}


def migrate(cr, version):
    cr.execute("SELECT 1 FROM project_task WHERE org_satisfaction IN %s LIMIT 1", [tuple(GRASSROOTS_KEYS)])
    if not cr.fetchone():
        return
    for old, new in GRASSROOTS_KEYS.items():
        cr.execute("UPDATE project_task SET org_satisfaction = %s WHERE org_satisfaction = %s", [new, old])
    cr.execute(
        """
        UPDATE org_board_type SET satisfaction_required = TRUE
         WHERE id IN (SELECT res_id FROM ir_model_data WHERE module = 'org_grassroots'
                         AND name = 'board_type_happiness' AND model = 'org.board.type')
        """
    )
