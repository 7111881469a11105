import base64

from odoo import Command, fields, models


class OrgCadreLrmxImport(models.TransientModel):
    """Upload one .lrmx file or a .zip of them; cadres are created or updated by ID number."""

    _name = "org.cadre.lrmx.import"
    _description = "Import Appointment Forms (LRMX)"

    file = fields.Binary(string="LRMX or Zip File", required=True)
    file_name = fields.Char()
    employee_ids = fields.Many2many("hr.employee", string="Imported Cadres", readonly=True)

    def action_import(self):
        self.ensure_one()
        data = base64.b64decode(self.with_context(bin_size=False).file or b"")
        employees = self.env["hr.employee"]._lrmx_import(data, self.file_name)
        self.employee_ids = [Command.set(employees.ids)]
        action = self.env["ir.actions.act_window"]._for_xml_id("org_cadre.hr_employee_cadre_action")
        action.update(
            {
                "name": self.env._("Imported Cadres"),
                "domain": [("id", "in", employees.ids)],
                "view_mode": "list,form",
                "views": [(False, "list"), (False, "form")],
            }
        )
        if len(employees) == 1:
            action.update({"view_mode": "form", "views": [(False, "form")], "res_id": employees.id})
        return action
