"""What installing the bridge does to an existing database (see ``post_init_hook``)."""

from odoo.tools import SQL, sql

from .models.org_cadre_training_enrollment import STUDY_TYPE_XMLID

TABLE = "org_cadre_training_enrollment"
# org_cadre's integer study_session_ref, renamed by org_cadre's 18.0.1.1.0 pre-migrate so that
# removing the field from org_cadre does not drop it before the bridge reads it.
LEGACY_COLUMN = "legacy_study_session_ref"


def post_init_hook(env):
    """Adopt the study sessions org_cadre linked before the bridge existed, tag the cadres with
    org_study's 干部 (org_cadre alone tags no one) and give the employees with a rank the study
    level of their rank."""
    adopt_legacy_session_refs(env)
    env["hr.employee"].with_context(active_test=False).search([("is_cadre", "=", True)])._cadre_sync_tag()
    set_study_levels(env)


def set_study_levels(env):
    """The employees whose rank has a study level get it: one write per level."""
    employees = (
        env["hr.employee"]
        .with_context(active_test=False)
        .search([("cadre_rank_id.study_level_id", "!=", False)])
    )
    for level in employees.cadre_rank_id.study_level_id:
        employees.filtered(lambda e, level=level: e.cadre_rank_id.study_level_id == level).write(
            {"study_level_id": level.id}
        )


def adopt_legacy_session_refs(env):
    """Copy the legacy integer references into ``study_session_id`` (those whose session still
    exists), then drop the legacy column. The sessions the old code typed by an English name
    move to the bridge's study type; an old type left without sessions is archived."""
    cr = env.cr
    if not sql.column_exists(cr, TABLE, LEGACY_COLUMN):
        return
    session_ids = [
        session_id
        for (session_id,) in env.execute_query(
            SQL(
                """
                UPDATE %(table)s enrollment
                   SET study_session_id = session.id
                  FROM org_study_session session
                 WHERE session.id = enrollment.%(legacy)s
                   AND enrollment.study_session_id IS NULL
             RETURNING session.id
                """,
                table=SQL.identifier(TABLE),
                legacy=SQL.identifier(LEGACY_COLUMN),
            )
        )
    ]
    cr.execute(SQL("ALTER TABLE %s DROP COLUMN %s", SQL.identifier(TABLE), SQL.identifier(LEGACY_COLUMN)))
    env["org.cadre.training.enrollment"].invalidate_model(["study_session_id"])
    if not session_ids:
        return
    sessions = env["org.study.session"].browse(session_ids)
    study_type = env.ref(STUDY_TYPE_XMLID)
    old_types = sessions.type_id - study_type
    sessions.filtered(lambda s: s.type_id != study_type).type_id = study_type
    if old_types:
        used = (
            env["org.study.session"]
            .with_context(active_test=False)
            .search([("type_id", "in", old_types.ids)])
            .type_id
        )
        (old_types - used).active = False
