"""Who may run the yearly statistics (the abstract model org.party.stats has no records: its
matrix is who may compute, open, export and print): officers, leaders and secretaries (their
subtree); an employee or a configurator is refused."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import YEAR, StatsCommon

#: role → (may run for the zone, may run for 测试甲党委)
MATRIX = {
    "employee": (False, False),
    "configurator": (False, False),
    "officer": (True, True),
    "leader": (True, True),
    "secretary": (False, True),
    "other_secretary": (False, False),
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(StatsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "employee": cls.user_employee,
            "configurator": new_test_user(
                cls.env, "st_configurator", groups="org_base.group_org_configurator"
            ),
            "officer": cls.user_officer,
            "leader": cls.user_leader,
            "secretary": cls.secretary_a,
            "other_secretary": cls.secretary_b,
        }

    def test_matrix(self):
        for role, allowed in MATRIX.items():
            Stats = self.Stats.with_user(self.users[role])
            for organization, may in zip((self.zone, self.org_a), allowed, strict=True):
                for name, run in (
                    ("get_report", lambda S=Stats, o=organization: S.get_report(YEAR, o.id)),
                    (
                        "action_open_cell",
                        lambda S=Stats, o=organization: S.action_open_cell(YEAR, o.id, "members", 0, 0),
                    ),
                    ("action_print_pdf", lambda S=Stats, o=organization: S.action_print_pdf(YEAR, o.id)),
                ):
                    with self.subTest(role=role, organization=organization.name, operation=name):
                        if may:
                            self.assertTrue(run())
                        else:
                            with self.assertRaises(AccessError):
                                run()
