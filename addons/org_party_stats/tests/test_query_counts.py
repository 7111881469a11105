from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.org_base.tests.fixtures import resident_id


@tagged("post_install", "-at_install")
class TestQueryCounts(TransactionCase):
    """The tables cost the same number of queries for 10 and for 100 members: grouped queries
    only, nothing per member."""

    def _queries(self, user, organization):
        Stats = self.env["org.party.stats"].with_user(user)
        for _warm in range(2):  # the same caches warm for every measurement
            self.env.flush_all()
            self.env.invalidate_all()
            Stats.get_report(2025, organization.id)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        report = Stats.get_report(2025, organization.id)
        return self.env.cr.sql_log_count - before, report

    def _grow(self, branch, start, count):
        education = self.env.ref("org_base.education_21")
        job = self.env.ref("org_grassroots.job_category_0301")
        self.env["org.party.member"].create(
            [
                {
                    "name": f"测试计数{number}",
                    "id_number": resident_id("420115", f"19{60 + number % 20}0101", 100 + number),
                    "organization_id": branch.id,
                    "status": "formal",
                    "date_join": f"{2000 + number % 20}-07-01",
                    "date_formal": f"{2001 + number % 20}-07-01",
                    "education_id": education.id,
                    "job_category_id": job.id,
                }
                for number in range(start, start + count)
            ]
        )

    def test_same_queries_for_10_and_100_members(self):
        secretary = new_test_user(
            self.env, "st_count_secretary", groups="org_grassroots.group_party_secretary"
        )
        officer = new_test_user(self.env, "st_count_officer", groups="org_base.group_org_user")
        Organization = self.env["org.party.organization"]
        committee = Organization.create(
            {"name": "测试计数党委", "kind": "committee", "secretary_user_id": secretary.id}
        )
        branch = Organization.create({"name": "测试计数支部", "kind": "branch", "parent_id": committee.id})
        self._grow(branch, 0, 10)
        small = {}
        for user in (officer, secretary):
            small[user], report = self._queries(user, committee)
            self.assertEqual(report["tables"][0]["groups"][0]["columns"][0]["value"], 10)
        self._grow(branch, 10, 90)
        for user in (officer, secretary):
            large, report = self._queries(user, committee)
            self.assertEqual(report["tables"][0]["groups"][0]["columns"][0]["value"], 100)
            self.assertEqual(
                large, small[user], f"{user.login}: {small[user]} queries for 10 members, {large} for 100"
            )
