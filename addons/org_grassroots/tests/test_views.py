from odoo.tests import Form, tagged

from .common import GrassrootsCommon


@tagged("post_install", "-at_install")
class TestViews(GrassrootsCommon):
    def test_every_role_loads_the_views(self):
        for model in ("org.party.organization", "org.party.member", "org.party.meeting"):
            for user in (self.user_officer, self.user_leader, self.secretary_a):
                views = (
                    self.env[model]
                    .with_user(user)
                    .get_views([(False, "list"), (False, "form"), (False, "search")])
                )
                for view_type in ("list", "form", "search"):
                    view = views["views"][view_type]
                    # Our addon's view, with the record's name in it, not a generated default.
                    xmlid = self.env["ir.ui.view"].browse(view["id"]).get_external_id()[view["id"]]
                    self.assertTrue(xmlid.startswith("org_grassroots."), f"{model} {view_type}: {xmlid}")
                    self.assertRegex(
                        view["arch"], 'name="(complete_)?name"', f"{model} {view_type} {user.login}"
                    )

    def test_raw_id_number_only_for_officers(self):
        for user, visible in (
            (self.user_officer, True),
            (self.user_leader, False),
            (self.secretary_a, False),
        ):
            views = self.env["org.party.member"].with_user(user).get_views([(False, "form")])
            fields = views["models"]["org.party.member"]["fields"]
            self.assertEqual("id_number" in fields, visible, user.login)
            if not visible:
                self.assertIn("resident_id_masked", fields, user.login)

    def test_secretary_registers_a_member_and_a_sub_branch_in_forms(self):
        with Form(self.env["org.party.organization"].with_user(self.secretary_a)) as form:
            form.name = "测试甲三支部"
            form.kind = "branch"
            form.parent_id = self.org_a
            form.date_term_start = "2024-01-01"
        branch = form.save()
        self.assertEqual(str(branch.date_reelection_due), "2027-01-01")
        with Form(self.env["org.party.member"].with_user(self.secretary_a)) as form:
            form.name = "测试党员己"
            form.organization_id = branch
            form.date_join = "2024-07-01"
        member = form.save()
        self.assertEqual(branch.member_probationary_count, 1)
        self.assertEqual(self.org_a.member_count, 2)
        self.assertEqual(member.organization_id, branch)
