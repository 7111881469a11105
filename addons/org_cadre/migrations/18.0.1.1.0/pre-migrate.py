"""The link of a training enrollment to its study session moved to the bridge org_cadre_study.

org_cadre kept an integer ``study_session_ref`` (the id of an ``org.study.session``, reached
without a dependency). The field is gone from org_cadre; at the end of this update Odoo would
drop its column with it, before the bridge (installed after org_cadre) could read it. So the
column is renamed here: the bridge's ``post_init_hook`` copies its values into its Many2one
``study_session_id`` and drops it. Without org_study the column stays until the bridge installs
(its values point at no session then, and are left out).
"""

from odoo.tools import sql

TABLE = "org_cadre_training_enrollment"
LEGACY_COLUMN = "legacy_study_session_ref"


def migrate(cr, version):
    if not version:
        return
    if sql.column_exists(cr, TABLE, "study_session_ref") and not sql.column_exists(cr, TABLE, LEGACY_COLUMN):
        sql.rename_column(cr, TABLE, "study_session_ref", LEGACY_COLUMN)
