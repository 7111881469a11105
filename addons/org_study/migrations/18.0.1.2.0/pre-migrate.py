"""org_roster matches any record column by a field (match_field_name): org_study's own
``employee_match`` of roster columns goes; its values are the names of the employee fields."""

from odoo.tools import sql


def migrate(cr, version):
    if not version or not sql.column_exists(cr, "org_roster_column", "employee_match"):
        return
    if sql.column_exists(cr, "org_roster_column", "match_field_name"):
        cr.execute(
            """
            UPDATE org_roster_column
               SET match_field_name = employee_match
             WHERE employee_match IS NOT NULL AND match_field_name IS NULL
            """
        )
    else:
        sql.rename_column(cr, "org_roster_column", "employee_match", "match_field_name")
    # The view that showed the old field on the roster form.
    cr.execute(
        """
        DELETE FROM ir_ui_view
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'org_study' AND name = 'org_roster_view_form' AND model = 'ir.ui.view')
        """
    )
