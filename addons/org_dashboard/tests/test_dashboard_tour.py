from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def test_leader_opens_the_dashboards(self):
        new_test_user(self.env, "dash_tour_leader", groups="org_base.group_org_leader")
        self.start_tour("/odoo", "org_dashboard_leader_tour", login="dash_tour_leader")
