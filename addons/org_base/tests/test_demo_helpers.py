from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoHelpers(TransactionCase):
    """The demo data's helpers (org.demo): Odoo's sample records leave the demo, Odoo's own
    data records stay, and a module without samples changes nothing."""

    def _as_sample(self, record, module, name):
        self.env["ir.model.data"].create(
            {"module": module, "name": name, "model": record._name, "res_id": record.id}
        )
        return record

    def test_samples_of_odoo_apps_are_archived(self):
        Department = self.env["hr.department"]
        sample = self._as_sample(Department.create({"name": "R&D USA"}), "hr", "test_dep_sample")
        employee = self._as_sample(
            self.env["hr.employee"].create({"name": "Marc Demo", "department_id": sample.id}),
            "hr",
            "test_emp_sample",
        )
        tag = self._as_sample(
            self.env["hr.employee.category"].create({"name": "Trainer"}), "hr", "test_tag_sample"
        )
        partner = self._as_sample(
            self.env["res.partner"].create({"name": "Deco Addict"}), "base", "test_partner"
        )
        # The partner of one of Odoo's archived demo users (Marc Demo) goes too.
        # (The test database has no demo data: a user stands for base.user_demo.)
        demo_user = self.env["res.users"].create({"name": "Marc Demo", "login": "test_marc_demo"})
        self.env["ir.model.data"].create(
            {"module": "base", "name": "user_demo", "model": "res.users", "res_id": demo_user.id}
        )
        demo_user.active = False
        self.assertTrue(demo_user.partner_id.active)
        self._as_sample(demo_user.partner_id, "base", "test_partner_demo_user")
        kept_user = self.env["res.users"].create({"name": "王组工", "login": "test_kept_user"})
        self._as_sample(kept_user.partner_id, "base", "test_partner_kept_user")
        ours = self.env["hr.department"].create({"name": "组织科"})
        administration = self.env.ref("hr.dep_administration")
        self.env["org.demo"]._org_demo_hide_odoo_samples(["base", "hr", "not_installed_module"])
        self.assertFalse(sample.active)
        self.assertFalse(employee.active)
        self.assertFalse(tag.exists())
        self.assertFalse(partner.active)
        self.assertFalse(demo_user.partner_id.active)
        # Ours and Odoo's own data stay; the administrator's partner too.
        self.assertTrue(ours.active)
        self.assertTrue(administration.active)
        self.assertTrue(self.env.ref("base.partner_admin").active)
        self.assertTrue(self.env.ref("base.main_partner").active)
        # The partner of a user who is no sample stays.
        self.assertTrue(kept_user.partner_id.active)
