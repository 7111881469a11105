"""Boards follow their cards' acceptance (issue 20):

- the shared stage 待验收 (org_checklist.stage_review, data ``noupdate``) is the boards'
  acceptance stage;
- the files of the card's former evidence field move onto its checklist items (the first that
  asks for evidence, else a new "Evidence" item): nothing is lost, and the old table goes;
- closed cards show they are done (state); responsible people are assignees of their open cards
  (those they may read), each with its deadline activity.
"""

import logging

from odoo import SUPERUSER_ID, Command, api

_logger = logging.getLogger(__name__)

LEGACY_TABLE = "org_checklist_legacy_evidence_rel"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    stage = env.ref("org_checklist.stage_review", raise_if_not_found=False)
    if stage:
        stage.org_review_stage = True
    Task = env["project.task"].with_context(active_test=False, tracking_disable=True)
    cr.execute("SELECT to_regclass(%s) IS NOT NULL", [LEGACY_TABLE])
    if cr.fetchone()[0]:
        cr.execute(f"SELECT task_id, array_agg(attachment_id) FROM {LEGACY_TABLE} GROUP BY task_id")
        moved = 0
        for task_id, attachment_ids in cr.fetchall():
            task = Task.browse(task_id).exists()
            attachments = env["ir.attachment"].browse(attachment_ids).exists()
            if task and attachments:
                task.org_evidence_ids = [Command.link(attachment.id) for attachment in attachments]
                moved += len(attachments)
        cr.execute(f"DROP TABLE {LEGACY_TABLE}")
        _logger.info("org_checklist: %s evidence files moved onto the checklist items of their cards", moved)
    closed = Task.search([("org_is_closed", "=", True), ("state", "not in", ("1_done", "1_canceled"))])
    closed.write({"state": "1_done"})
    cards = Task.search(
        [
            ("org_board_type_id", "!=", False),
            ("org_responsible_user_id", "!=", False),
            ("org_is_closed", "=", False),
        ]
    )
    cards._org_follow_responsible({})
