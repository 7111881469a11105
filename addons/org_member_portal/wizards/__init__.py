from . import org_member_portal_account_wizard
