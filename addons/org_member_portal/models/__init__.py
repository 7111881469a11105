from . import org_audit_log, org_party_member, res_users
