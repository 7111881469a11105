"""The card's own evidence field becomes a view of its checklist items' evidence: its table is
kept aside under another name, for the post-migration to move its files onto the items."""

LEGACY_TABLE = "org_checklist_legacy_evidence_rel"


def migrate(cr, version):
    if not version:
        return
    cr.execute("SELECT to_regclass('project_task_org_evidence_rel') IS NOT NULL")
    if cr.fetchone()[0]:
        cr.execute(f"ALTER TABLE project_task_org_evidence_rel RENAME TO {LEGACY_TABLE}")
