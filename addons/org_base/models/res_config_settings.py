from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Upload limits (org.upload.limits): 0 or empty keeps the default.
    org_upload_file_mb = fields.Integer(
        string="Largest Upload (MB)", config_parameter="org_base.upload_file_mb", default=20
    )
    org_upload_zip_entries = fields.Integer(
        string="Most Entries in a Zip", config_parameter="org_base.upload_zip_entries", default=2000
    )
    org_upload_zip_mb = fields.Integer(
        string="Largest Unpacked Zip (MB)", config_parameter="org_base.upload_zip_mb", default=200
    )
    org_upload_sheet_rows = fields.Integer(
        string="Most Spreadsheet Rows", config_parameter="org_base.upload_sheet_rows", default=50000
    )
    org_upload_sheet_columns = fields.Integer(
        string="Most Spreadsheet Columns", config_parameter="org_base.upload_sheet_columns", default=200
    )
    org_upload_cell_length = fields.Integer(
        string="Longest Spreadsheet Cell", config_parameter="org_base.upload_cell_length", default=2000
    )
    org_upload_image_mb = fields.Integer(
        string="Largest Photo (MB)", config_parameter="org_base.upload_image_mb", default=5
    )
    org_upload_image_megapixels = fields.Integer(
        string="Largest Photo (Megapixels)", config_parameter="org_base.upload_image_megapixels", default=25
    )

    # Audit log (org.audit.log)
    org_audit_retention_months = fields.Integer(
        string="Audit Log Retention (Months)",
        config_parameter="org_base.audit_retention_months",
        default=36,
    )
