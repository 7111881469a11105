from odoo.tests import tagged

from odoo.addons.org_cadre.tests.common import CadreCommon
from odoo.addons.org_cadre_study.hooks import set_study_levels


@tagged("post_install", "-at_install")
class TestStudyLevelFromRank(CadreCommon):
    """干部教育培训工作条例 (2023): 县处级 leaders and 四级调研员 and above train 550 学时 in five
    years, 乡科级 leaders and 一级主任科员 and below 90 a year: the cadre's rank gives the level."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.county = cls.env.ref("org_study.study_level_county")
        cls.township = cls.env.ref("org_study.study_level_township")

    def _rank(self, code):
        return self.env.ref(f"org_base.rank_{code}")

    def test_shipped_ranks_have_their_level(self):
        for code in ("l01", "l07", "l08", "r01", "r05", "r06"):
            self.assertEqual(self._rank(code).study_level_id, self.county, code)
        for code in ("l09", "l10", "r07", "r10", "r12"):
            self.assertEqual(self._rank(code).study_level_id, self.township, code)

    def test_level_follows_the_rank(self):
        cadre = self.cadre.with_user(self.user_officer)
        cadre.cadre_rank_id = self._rank("l08")
        self.assertEqual(self.cadre.study_level_id, self.county)
        cadre.cadre_rank_id = self._rank("r07")
        self.assertEqual(self.cadre.study_level_id, self.township)
        # A rank without level (the group entry 领导职务) keeps the level the cadre had.
        cadre.cadre_rank_id = self.env.ref("org_base.rank_leader")
        self.assertEqual(self.cadre.study_level_id, self.township)
        # Set by hand on someone without rank: kept.
        other = self.env["hr.employee"].create({"name": "测试职员", "study_level_id": self.county.id})
        self.assertEqual(other.study_level_id, self.county)
        # A configurator moves a rank to another level: its cadres follow.
        cadre.cadre_rank_id = self._rank("r06")
        self.assertEqual(self.cadre.study_level_id, self.county)
        self._rank("r06").study_level_id = self.township
        self.assertEqual(self.cadre.study_level_id, self.township)

    def test_install_sets_the_levels_of_existing_ranks(self):
        self.cadre.cadre_rank_id = self._rank("l07")
        self.cadre_b.cadre_rank_id = self._rank("l09")
        (self.cadre | self.cadre_b).study_level_id = False
        set_study_levels(self.env)
        self.assertEqual(
            (self.cadre.study_level_id, self.cadre_b.study_level_id), (self.county, self.township)
        )

    def test_cadre_training_counts_in_the_window(self):
        self.cadre.cadre_rank_id = self._rank("l08")
        self.assertTrue(self.env.ref("org_cadre_study.study_type_cadre_training").concentrated)
        program = self._spring_bamboo_program()
        program.enrollment_ids.filtered(lambda e: e.employee_id == self.cadre).with_user(
            self.user_officer
        ).action_complete()
        self.env.flush_all()
        self.env["org.study.ledger"].invalidate_model()
        line = self.env["org.study.ledger"].search([("employee_id", "=", self.cadre.id), ("year", "=", 2023)])
        self.assertEqual(line.requirement_id, self.env.ref("org_study.requirement_county"))
        self.assertEqual(
            (line.period_label, line.required_hours, line.counted_hours, line.missing_hours),
            ("2023–2027", 550, 24, 526),
        )
