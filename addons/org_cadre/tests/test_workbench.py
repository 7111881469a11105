from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common import CadreCommon


def sections_by_key(user):
    return {section["key"]: section for section in user.env["org.workbench"].with_user(user).get_sections()}


@tagged("post_install", "-at_install")
class TestWorkbenchCadre(CadreCommon):
    """我的工作台, the cadre officer's sections: my appointments in progress (red once the
    publicity or the probation is over), probations ending (试用期), assessments to enter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = cls.env.company._org_office_today()
        Appointment = cls.env["org.cadre.appointment"]
        cls.analysis = Appointment.create({"name": "招商局副局长", "user_id": cls.user_officer.id})
        cls.publicity = Appointment.create({"name": "财政局副局长", "user_id": cls.user_officer.id})
        cls.appointed = Appointment.create({"name": "经发局副局长", "user_id": cls.user_manager.id})
        Appointment.create({"name": "他人岗位", "user_id": cls.user_manager.id})
        # The stages are reached through their checks elsewhere (test_appointment): set here.
        cls.env.cr.execute(
            "UPDATE org_cadre_appointment SET state = 'publicity', date_publicity_end = %s WHERE id = %s",
            [today - relativedelta(days=1), cls.publicity.id],
        )
        cls.env.cr.execute(
            "UPDATE org_cadre_appointment SET state = 'appointed', has_probation = TRUE, "
            "date_probation_end = %s WHERE id = %s",
            [today + relativedelta(days=10), cls.appointed.id],
        )
        Appointment.invalidate_model()
        category = cls.env["org.cadre.category"].create({"name": "工作台类别"})
        Cycle = cls.env["org.cadre.assessment.cycle"]
        scoring = Cycle.create({"name": "工作台考核", "year": today.year, "state": "scoring"})
        draft = Cycle.create({"name": "工作台草稿考核", "year": today.year})
        Assessment = cls.env["org.cadre.assessment"]
        cls.to_enter = Assessment.create(
            {"cycle_id": scoring.id, "employee_id": cls.cadre.id, "category_id": category.id}
        )
        Assessment.create(
            {
                "cycle_id": scoring.id,
                "employee_id": cls.cadre_b.id,
                "category_id": category.id,
                "grade": "competent",
            }
        )
        Assessment.create({"cycle_id": draft.id, "employee_id": cls.cadre.id, "category_id": category.id})

    def test_cadre_officer_counts(self):
        sections = sections_by_key(self.user_officer)
        mine = sections["org_cadre.appointments"]
        self.assertEqual(mine["count"], 2)
        self.assertEqual(mine["state"], "red", "the publicity is over: record it and appoint")
        self.assertEqual({row["res_id"] for row in mine["rows"]}, {self.analysis.id, self.publicity.id})
        probation = sections["org_cadre.probation"]
        self.assertEqual((probation["count"], probation["state"]), (1, "yellow"))
        self.assertEqual(probation["rows"][0]["res_id"], self.appointed.id)
        assessments = sections["org_cadre.assessments"]
        self.assertEqual(assessments["count"], 1)
        self.assertEqual(assessments["rows"][0]["res_id"], self.to_enter.id)

    def test_no_publicity_over_is_not_red(self):
        self.publicity.sudo().date_publicity_start = False
        self.env.cr.execute(
            "UPDATE org_cadre_appointment SET date_publicity_end = NULL WHERE id = %s", [self.publicity.id]
        )
        self.publicity.invalidate_recordset()
        self.assertEqual(sections_by_key(self.user_officer)["org_cadre.appointments"]["state"], "yellow")

    def test_other_roles_have_no_cadre_section(self):
        for user in (self.user_org_officer, self.user_leader, self.user_cadre):
            self.assertFalse(
                [key for key in sections_by_key(user) if key.startswith("org_cadre.")], user.login
            )
