import base64

from odoo import Command, fields, models


class OrgCadreLrmxImport(models.TransientModel):
    """Upload one .lrmx file or a .zip of them; cadres are created or updated by ID number.

    Where a file updates a stored dossier and the two disagree, the wizard lists the
    differences field by field and the officer chooses, per field, to keep the stored value
    or take the file's; the choices are posted in the chatter of each dossier.
    """

    _name = "org.cadre.lrmx.import"
    _description = "Import Appointment Forms (LRMX)"

    file = fields.Binary(string="LRMX or Zip File", required=True)
    file_name = fields.Char()
    state = fields.Selection([("upload", "Upload"), ("review", "Review Differences")], default="upload")
    line_ids = fields.One2many("org.cadre.lrmx.import.line", "wizard_id", string="Differences")
    employee_ids = fields.Many2many("hr.employee", string="Imported Cadres", readonly=True)

    def action_import(self):
        """Read the file; with differences from stored dossiers, show them first."""
        self.ensure_one()
        Employee = self.env["hr.employee"]
        items = Employee._lrmx_read(self._data(), self.file_name)
        if self.state == "upload":
            differences = Employee._lrmx_differences(items)
            if differences:
                self.write({"state": "review", "line_ids": [Command.create(line) for line in differences]})
                return {
                    "type": "ir.actions.act_window",
                    "name": self.env._("Differences with the Stored Dossiers"),
                    "res_model": self._name,
                    "res_id": self.id,
                    "view_mode": "form",
                    "views": [(False, "form")],
                    "target": "new",
                }
        keep = {(line.employee_id.id, line.element) for line in self.line_ids if line.choice == "stored"}
        employees = Employee._lrmx_apply(items, keep)
        employees._lrmx_post_choices(self.line_ids)
        self.employee_ids = [Command.set(employees.ids)]
        action = self.env["ir.actions.act_window"]._for_xml_id("org_cadre.hr_employee_cadre_action")
        action.update(
            {
                "name": self.env._("Imported Cadres"),
                "domain": [("id", "in", employees.ids)],
            }
        )
        if len(employees) == 1:
            # The cadre's 干部档案 form, as the cadre menu opens it.
            form = [view for view in action["views"] if view[1] == "form"]
            action.update({"view_mode": "form", "views": form, "res_id": employees.id})
        return action

    def action_take_all_from_file(self):
        return self._choose_all("file")

    def action_keep_all_stored(self):
        return self._choose_all("stored")

    def _choose_all(self, choice):
        self.ensure_one()
        self.line_ids.choice = choice
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def _data(self):
        return base64.b64decode(self.with_context(bin_size=False).file or b"")


class OrgCadreLrmxImportLine(models.TransientModel):
    """One field where a file and the stored dossier it updates disagree."""

    _name = "org.cadre.lrmx.import.line"
    _description = "LRMX Import Difference"
    _order = "id"

    wizard_id = fields.Many2one("org.cadre.lrmx.import", required=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", string="Cadre", required=True, ondelete="cascade")
    file_name = fields.Char(string="File", readonly=True)
    element = fields.Char(required=True, readonly=True)
    label = fields.Char(string="Field", readonly=True)
    stored_value = fields.Text(readonly=True)
    file_value = fields.Text(string="Value in the File", readonly=True)
    choice = fields.Selection(
        [("stored", "Keep the stored value"), ("file", "Take the file's value")],
        required=True,
        default="file",
    )
