"""学历, 学位 and the political status of family members are dictionary entries now.

Earlier versions kept them as free text (``hr_employee.cadre_fulltime_education`` … and
``org_cadre_family_member.political_status``). Each text that names an entry of the education,
degree or political status dictionary (by name, short name or code) sets the new coded field;
the others are written in a note on the employee's chatter, so that nothing is lost (Odoo
drops the old columns with their fields at the end of the upgrade). The two roster columns of
学历/学位 (data not updated) become dictionary columns.
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import column_exists

from odoo.addons.org_cadre.models.hr_employee import CODED_TEXT_COLUMNS

ROSTER_COLUMNS = {
    "org_cadre.roster_cadre_cadre_fulltime_education": ("cadre_fulltime_education_id", "education"),
    "org_cadre.roster_cadre_cadre_fulltime_degree": ("cadre_fulltime_degree_id", "degree"),
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    employee_texts = {}
    columns = [column for column in CODED_TEXT_COLUMNS if column_exists(cr, "hr_employee", column)]
    for column in columns:
        text = SQL.identifier(column)
        cr.execute(SQL("SELECT id, %s FROM hr_employee WHERE %s IS NOT NULL AND %s != ''", text, text, text))
        for employee_id, text in cr.fetchall():
            employee_texts.setdefault(employee_id, {})[column] = text
    member_texts = {}
    if column_exists(cr, "org_cadre_family_member", "political_status"):
        cr.execute(
            "SELECT id, political_status FROM org_cadre_family_member"
            " WHERE political_status IS NOT NULL AND political_status != ''"
        )
        member_texts = dict(cr.fetchall())
    env["hr.employee"]._cadre_adopt_coded_texts(employee_texts, member_texts)
    for xmlid, (field_name, code) in ROSTER_COLUMNS.items():
        column = env.ref(xmlid, raise_if_not_found=False)
        if column and column.field_name != field_name:
            column.write({"field_name": field_name, "kind": "dictionary", "dictionary_code": code})
