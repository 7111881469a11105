"""org_base is split: its checklist engine and boards, roster import, form designer and the
department's own register become the addons org_checklist, org_roster, org_form_designer and
org_department. Runs before org_base loads, so that nothing it owned is deleted as obsolete:

- each moved record keeps its xml id under its new addon (``ir.model.data`` renamed): the
  records named in the new addon's data and demo files, and the models, fields and selection
  values of the models it now defines or extends — tables, rows and ids stay as they are;
- the new addons are installed in the same upgrade (what the database had keeps working).
"""

import ast
import logging
import os
import re

from odoo.modules.module import get_module_path

_logger = logging.getLogger(__name__)

# The models each new addon defines or extends (what org_base defined or extended before).
MOVED_MODELS = {
    "org_checklist": (
        "org.checklist.template",
        "org.checklist.template.item",
        "org.checklist.line",
        "org.checklist.mixin",
        "org.board.type",
        "org.task.reject.wizard",
        "project.task",
        "project.project",
        "project.task.type",
    ),
    "org_department": ("org.integrity.risk",),
    "org_roster": ("org.roster", "org.roster.column", "org.roster.import", "org.roster.import.line"),
    "org_form_designer": (
        "org.form.customization",
        "org.form.customization.line",
        "org.form.customization.delete",
        "org.form.customization.import",
    ),
}
RECORD_ID = re.compile(r'<(?:record|menuitem|template)\s[^>]*?\bid="(\w+)"')


def _record_names(module):
    """The xml ids (without module) of the records of ``module``'s data and demo files."""
    path = get_module_path(module)
    with open(os.path.join(path, "__manifest__.py"), encoding="utf-8") as manifest_file:
        manifest = ast.literal_eval(manifest_file.read())
    names = set()
    for data_file in manifest.get("data", []) + manifest.get("demo", []):
        with open(os.path.join(path, data_file), encoding="utf-8") as handle:
            content = handle.read()
        if data_file.endswith(".csv"):
            names.update(line.split(",", 1)[0] for line in content.splitlines()[1:] if line.strip())
        else:
            names.update(RECORD_ID.findall(content))
    return names


def _rename(cr, module, models):
    cr.execute(
        """
        UPDATE ir_model_data d SET module = %(module)s
         WHERE d.module = 'org_base' AND (
               (d.model = 'ir.model' AND d.res_id IN (SELECT id FROM ir_model WHERE model IN %(models)s))
            OR (d.model = 'ir.model.fields'
                AND d.res_id IN (SELECT id FROM ir_model_fields WHERE model IN %(models)s))
            OR (d.model = 'ir.model.fields.selection' AND d.res_id IN (
                    SELECT s.id FROM ir_model_fields_selection s
                      JOIN ir_model_fields f ON f.id = s.field_id WHERE f.model IN %(models)s))
            OR d.name IN %(names)s)
        """,
        {"module": module, "models": models, "names": tuple(_record_names(module)) or ("",)},
    )
    renamed = cr.rowcount
    # Constraints and many2many tables are dropped with the addon that owns them.
    cr.execute("SELECT id FROM ir_module_module WHERE name = %s", [module])
    module_id = cr.fetchone()[0]
    params = {"module_id": module_id, "models": models}
    cr.execute(
        """
        UPDATE ir_model_constraint SET module = %(module_id)s
         WHERE module = (SELECT id FROM ir_module_module WHERE name = 'org_base')
           AND model IN (SELECT id FROM ir_model WHERE model IN %(models)s)
        """,
        params,
    )
    cr.execute(
        """
        UPDATE ir_model_relation SET module = %(module_id)s
         WHERE module = (SELECT id FROM ir_module_module WHERE name = 'org_base')
           AND model IN (SELECT id FROM ir_model WHERE model IN %(models)s)
        """,
        params,
    )
    cr.execute(
        "UPDATE ir_module_module SET state = 'to install' WHERE name = %s AND state = 'uninstalled'",
        [module],
    )
    _logger.info("org_base split: %s xml ids now belong to %s", renamed, module)


def migrate(cr, version):
    if not version:
        return
    for module, models in MOVED_MODELS.items():
        _rename(cr, module, models)
