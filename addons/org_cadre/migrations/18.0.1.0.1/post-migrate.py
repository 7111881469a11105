"""LRMX exports are no longer stored: remove those earlier versions left on employees.

``action_cadre_lrmx_export`` used to create an ``ir.attachment`` on the employee (one .lrmx, or
任免审批表.zip) that anyone reading the employee could list and download with the raw ID number.
Those files are deleted; a file attached to a chatter message (someone posted it) stays.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        SELECT attachment.id
          FROM ir_attachment attachment
         WHERE attachment.res_model = 'hr.employee'
           AND attachment.res_field IS NULL
           AND (attachment.name ILIKE '%%.lrmx' OR attachment.name = '任免审批表.zip')
           AND NOT EXISTS (
                SELECT 1 FROM message_attachment_rel rel WHERE rel.attachment_id = attachment.id
           )
        """
    )
    ids = [row[0] for row in cr.fetchall()]
    api.Environment(cr, SUPERUSER_ID, {})["ir.attachment"].browse(ids).unlink()
