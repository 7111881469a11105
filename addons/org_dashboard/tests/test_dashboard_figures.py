from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DASHBOARD_FILES, DashboardCommon, data_sources

OVERVIEW = "org_dashboard.spreadsheet_dashboard_org_overview"
GRASSROOTS = "org_dashboard.spreadsheet_dashboard_org_grassroots"


@tagged("post_install", "-at_install")
class TestDashboardFigures(DashboardCommon):
    """The spreadsheet reads its data as the user: each figure is a read_group through the
    user's access rights and record rules. Run them as each role that sees the dashboard."""

    def sources(self, xmlid):
        return {
            name: (model, domain, groupby, measures, matching)
            for name, model, domain, groupby, measures, matching in data_sources(DASHBOARD_FILES[xmlid])[1]
        }

    def pivot(self, xmlid, title):
        """The data source of the pivot named ``title`` (the pivots' names are Chinese)."""
        for name, source in self.sources(xmlid).items():
            if name.startswith("pivot ") and name.endswith(f"({title})"):
                return source
        raise AssertionError(f"{xmlid} has no pivot {title}")

    def chart(self, xmlid, model, groupby):
        for name, source in self.sources(xmlid).items():
            if name.startswith("chart ") and source[0] == model and source[2] == groupby:
                return source
        raise AssertionError(f"{xmlid} has no chart of {model} by {groupby}")

    def test_every_source_reads_as_every_role_that_sees_it(self):
        roles = {
            OVERVIEW: (self.leader, self.manager),
            GRASSROOTS: (self.leader, self.manager, self.officer, self.secretary),
        }
        for xmlid, users in roles.items():
            for user in users:
                dashboard = self.env.ref(xmlid).with_user(user)
                self.assertTrue(dashboard.get_readonly_dashboard()["snapshot"]["pivots"])
                for name, source in self.sources(xmlid).items():
                    with self.subTest(dashboard=xmlid, user=user.login, source=name):
                        groups = self.read_source(user, *source)
                        self.assertIsInstance(groups, list)

    def test_wall_chart_lights_by_unit(self):
        """2 red cards in 组织科, 1 green in 干部科: the cells of the table by unit."""
        source = self.pivot(OVERVIEW, "挂图作战")
        for user in (self.leader, self.manager):
            counts = self.counts(self.read_source(user, *source), "org_unit_id", "org_deadline_status")
            ours = {key: value for key, value in counts.items() if key[0] in (self.unit_a.id, self.unit_b.id)}
            self.assertEqual(ours, {(self.unit_a.id, "red"): 2, (self.unit_b.id, "green"): 1})

    def test_party_lights_meetings_candidates_happiness(self):
        """The figures of 基层党建: all for the leader and the officer, branch 甲's for its secretary."""
        expected = {
            self.leader: {
                "lights": {(self.branch_a.id, "red"): 1},
                "meetings": {
                    (self.general.id, "compliant"): 1,
                    (self.general.id, "behind"): 1,
                    (self.lecture.id, "compliant"): 1,
                },
                "candidates": 3,
                "happiness": (3, 2, 4.0),
            },
            self.secretary: {
                "lights": {(self.branch_a.id, "red"): 1},
                "meetings": {(self.general.id, "compliant"): 1, (self.lecture.id, "compliant"): 1},
                "candidates": 2,
                "happiness": (2, 1, 5.0),
            },
        }
        expected[self.officer] = expected[self.manager] = expected[self.leader]
        for user, figures in expected.items():
            with self.subTest(user=user.login):
                lights = self.read_source(user, *self.pivot(GRASSROOTS, "党组织清单卡片"))
                counts = self.counts(lights, "org_party_organization_id", "org_deadline_status")
                self.assertEqual(
                    {
                        key: value
                        for key, value in counts.items()
                        if key[0] in (self.branch_a.id, self.branch_b.id)
                    },
                    figures["lights"],
                )
                meetings = self.read_source(user, *self.pivot(GRASSROOTS, "三会一课"))
                self.assertEqual(self.counts(meetings, "type_id", "state"), figures["meetings"])
                candidates = self.read_source(user, *self.pivot(GRASSROOTS, "发展党员"))
                self.assertEqual(candidates[0]["__count"], figures["candidates"])
                total = self.read_source(user, *self.pivot(GRASSROOTS, "幸福清单"))[0]["__count"]
                closed = self.read_source(user, *self.pivot(GRASSROOTS, "幸福清单 · 办结"))[0]["__count"]
                rated = self.read_source(user, *self.pivot(GRASSROOTS, "幸福清单 · 满意度"))[0]
                self.assertEqual((total, closed, rated["org_satisfaction_score"]), figures["happiness"])
                by_stage = self.read_source(
                    user, *self.chart(GRASSROOTS, "org.party.candidate", ["stage_id"])
                )
                self.assertEqual(sum(group["__count"] for group in by_stage), figures["candidates"])

    def test_secretary_sees_nothing_of_the_other_branch(self):
        for name, source in self.sources(GRASSROOTS).items():
            model, domain, groupby, measures, matching = source
            if model == "project.task":
                groups = self.read_source(
                    self.secretary, model, domain, ["org_party_organization_id"], [], matching
                )
            elif "organization_id" in self.env[model]._fields:
                groups = self.read_source(self.secretary, model, domain, ["organization_id"], [], matching)
            else:
                continue
            key = "org_party_organization_id" if model == "project.task" else "organization_id"
            with self.subTest(source=name):
                self.assertTrue(groups)
                self.assertEqual({group[key][0] for group in groups}, {self.branch_a.id})

    def test_overview_cadres_study_talent_funds(self):
        for user in (self.leader, self.manager):
            with self.subTest(user=user.login):
                sex = self.read_source(user, *self.chart(OVERVIEW, "hr.employee", ["cadre_gender"]))
                self.assertEqual(self.counts(sex, "cadre_gender"), {("male",): 1, ("female",): 1})
                ages = self.read_source(user, *self.chart(OVERVIEW, "hr.employee", ["cadre_age_band"]))
                self.assertEqual(sum(group["__count"] for group in ages), 2)
                study = self.read_source(user, *self.pivot(OVERVIEW, "学时达标率"))
                unit = [g for g in study if g["department_id"] and g["department_id"][0] == self.unit_a.id]
                self.assertEqual(
                    [(g["year"], g["__count"], g["compliance_rate"]) for g in unit], [(self.year, 2, 50.0)]
                )
                money = self.read_source(user, *self.pivot(OVERVIEW, "人才资金"))
                self.assertEqual(
                    {g["period_year"]: g["amount_approved"] for g in money},
                    {self.year - 1: 100_000, self.year: 50_000},
                )
                by_policy = self.read_source(
                    user, *self.chart(OVERVIEW, "org.talent.application", ["period_year", "policy_id"])
                )
                self.assertEqual(
                    {(g["period_year"], g["policy_id"][0]): g["amount_approved"] for g in by_policy},
                    {(self.year - 1, self.policy.id): 100_000, (self.year, self.policy.id): 50_000},
                )

    def test_who_sees_which_dashboard(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        ours = Dashboard.browse([self.env.ref(OVERVIEW).id, self.env.ref(GRASSROOTS).id])
        expected = {
            self.leader: {OVERVIEW, GRASSROOTS},
            self.manager: {OVERVIEW, GRASSROOTS},
            self.officer: {GRASSROOTS},
            self.secretary: {GRASSROOTS},
            self.configurator: set(),
            self.employee: set(),
        }
        for user, xmlids in expected.items():
            with self.subTest(user=user.login):
                seen = Dashboard.with_user(user).search([("id", "in", ours.ids)])
                self.assertEqual(
                    seen, Dashboard.browse([self.env.ref(x).id for x in sorted(xmlids)]).sorted()
                )
                # The dashboard app lists the groups with the dashboards the user may open (its
                # request, on a fresh cache as in a new request).
                self.env.invalidate_all()
                groups = (
                    self.env["spreadsheet.dashboard.group"]
                    .with_user(user)
                    .web_search_read(
                        [("published_dashboard_ids", "!=", False)],
                        {"name": {}, "published_dashboard_ids": {"fields": {"name": {}}}},
                    )["records"]
                )
                listed = {d["id"] for group in groups for d in group["published_dashboard_ids"]}
                self.assertEqual(listed & set(ours.ids), set(seen.ids))

    def test_overview_is_closed_to_those_who_cannot_read_its_figures(self):
        """The secretary and a plain officer cannot read cadres and talent claims: the overview,
        which draws on them, is not theirs (its record is refused, not only hidden)."""
        overview = self.env.ref(OVERVIEW)
        for user in (self.secretary, self.officer):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                with self.assertRaises(AccessError):
                    overview.with_user(user).get_readonly_dashboard()
                with self.assertRaises(AccessError):
                    self.read_source(user, *self.chart(OVERVIEW, "hr.employee", ["cadre_gender"]))
                with self.assertRaises(AccessError):
                    self.read_source(user, *self.pivot(OVERVIEW, "人才资金"))

    def test_only_the_administrator_publishes_a_share_link(self):
        """Odoo's 分享 makes a link that opens without login: everyone but the administrator is
        refused, and nothing is stored."""
        Share = self.env["spreadsheet.dashboard.share"]
        grassroots = self.env.ref(GRASSROOTS)
        before = Share.sudo().search_count([])
        for user in (self.leader, self.officer, self.secretary):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Share.with_user(user).action_get_share_url(
                    {"dashboard_id": grassroots.id, "spreadsheet_data": "{}"}
                )
        self.assertEqual(Share.sudo().search_count([]), before)
        url = Share.with_user(self.manager).action_get_share_url(
            {"dashboard_id": grassroots.id, "spreadsheet_data": "{}"}
        )
        self.assertIn("/dashboard/share/", url)
        self.assertEqual(Share.sudo().search_count([]), before + 1)
