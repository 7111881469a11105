from . import org_audit_log, org_party_meeting, org_party_meeting_signin, res_config_settings
