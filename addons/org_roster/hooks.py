from odoo.tools import sql


def fill_key_fields(env):
    """Rosters made before key fields became a list name their one key field in the old
    column ``key_field_name``: make it their key field (data files are noupdate)."""
    cr = env.cr
    if not sql.column_exists(cr, "org_roster", "key_field_name"):
        return
    cr.execute(
        """
        INSERT INTO org_roster_key_field_rel (roster_id, field_id)
             SELECT roster.id, field.id
               FROM org_roster roster
               JOIN ir_model model ON model.id = roster.model_id
               JOIN ir_model_fields field ON field.model_id = model.id AND field.name = roster.key_field_name
              WHERE NOT EXISTS (SELECT 1 FROM org_roster_key_field_rel rel WHERE rel.roster_id = roster.id)
        """
    )
    env["org.roster"].invalidate_model(["key_field_ids"])


def post_init_hook(env):
    # org_roster is installed on databases whose rosters org_base made before the split.
    fill_key_fields(env)
    env["org.roster"].with_context(active_test=False).search([])._sync_export_preset()
