from . import org_member_portal_password_sheet
