"""The shipped rules (noupdate data) learn what this version added, on a database that has them
from an older version: the 党工委 and temporary organizations are not elected, the committee
meeting is required only where a committee exists, the group meeting only where party groups
exist, and the general meeting needs more than half of the voting members. Records a
configurator changed since (no longer the shipped defaults) are left alone. The organizations
of the rules no longer elected become appointed: their re-election date goes."""

from odoo import SUPERUSER_ID, api


def _shipped(name, model):
    return f"""id IN (SELECT res_id FROM ir_model_data WHERE module = 'org_grassroots'
                       AND name = '{name}' AND model = '{model}')"""


def migrate(cr, version):
    for name in ("term_rule_working_committee", "term_rule_temporary_branch"):
        cr.execute(
            f"UPDATE org_party_term_rule SET is_elected = FALSE WHERE {_shipped(name, 'org.party.term.rule')}"
        )
    for name, applies_when in (
        ("meeting_type_committee_meeting", "committee"),
        ("meeting_type_group_meeting", "party_groups"),
    ):
        cr.execute(
            f"UPDATE org_party_meeting_type SET applies_when = %s "
            f"WHERE applies_when = 'always' AND {_shipped(name, 'org.party.meeting.type')}",
            [applies_when],
        )
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.invalidate_all()
    rules = env["org.party.term.rule"].search([("is_elected", "=", False)])
    organizations = (
        env["org.party.organization"]
        .with_context(active_test=False)
        .search([("term_rule_id", "in", rules.ids), ("is_appointed", "=", False)])
    )
    organizations.write({"is_appointed": True})
    cr.execute(
        "UPDATE org_party_meeting_type SET quorum_percent = 50 WHERE COALESCE(quorum_percent, 0) = 0 "
        f"AND {_shipped('meeting_type_general_meeting', 'org.party.meeting.type')}"
    )
