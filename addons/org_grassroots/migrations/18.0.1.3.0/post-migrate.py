"""Link the introducers typed as text to party members (names matched, the rest kept in the
note), and give the 预备党员 stage (noupdate data) what it now asks before admission: two
introducers, a 公示 of 5 working days and the higher committee's 预审; remind the talks due."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    stage = env.ref("org_grassroots.candidate_stage_probationary", raise_if_not_found=False)
    if stage and not (
        stage.min_publicity_days or stage.pre_examination_required or stage.introducers_required
    ):
        stage.write({"min_publicity_days": 5, "pre_examination_required": True, "introducers_required": True})
    Candidate = env["org.party.candidate"]
    Candidate._org_migrate_introducers()
    # 细则 art. 7: applicants still waiting for their talk are reminded, as a new one is.
    Candidate.search([("stage_code", "=", "applicant"), ("date_talk", "=", False)])._schedule_talk_reminders()
