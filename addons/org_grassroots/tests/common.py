from odoo.tests import TransactionCase, new_test_user

from odoo.addons.org_base.tests.fixtures import resident_id


class GrassrootsCommon(TransactionCase):
    """A small tree of two subtrees, each with a secretary, and least-privileged users of each
    role; no demo data is used.

    测试工委 (working committee)
    ├── 测试甲党委 (committee, secretary_a) ── 测试甲一支部, 测试甲二支部
    └── 测试乙党委 (committee, secretary_b) ── 测试乙一支部
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer = new_test_user(cls.env, "gr_officer", groups="org_base.group_org_user")
        cls.user_leader = new_test_user(cls.env, "gr_leader", groups="org_base.group_org_leader")
        cls.user_manager = new_test_user(cls.env, "gr_manager", groups="org_base.group_org_manager")
        cls.user_employee = new_test_user(cls.env, "gr_employee", groups="base.group_user")
        cls.secretary_a = new_test_user(
            cls.env, "gr_secretary_a", groups="org_grassroots.group_party_secretary"
        )
        cls.secretary_b = new_test_user(
            cls.env, "gr_secretary_b", groups="org_grassroots.group_party_secretary"
        )
        Organization = cls.env["org.party.organization"]
        cls.zone = Organization.create({"name": "测试工委", "kind": "working_committee"})
        cls.org_a = Organization.create(
            {
                "name": "测试甲党委",
                "kind": "committee",
                "parent_id": cls.zone.id,
                "secretary_user_id": cls.secretary_a.id,
            }
        )
        cls.org_b = Organization.create(
            {
                "name": "测试乙党委",
                "kind": "committee",
                "parent_id": cls.zone.id,
                "secretary_user_id": cls.secretary_b.id,
            }
        )
        cls.branch_a1, cls.branch_a2, cls.branch_b1 = Organization.create(
            [
                {"name": "测试甲一支部", "kind": "branch", "parent_id": cls.org_a.id},
                {"name": "测试甲二支部", "kind": "branch", "parent_id": cls.org_a.id},
                {"name": "测试乙一支部", "kind": "branch", "parent_id": cls.org_b.id},
            ]
        )
        Member = cls.env["org.party.member"]
        cls.member_a1 = Member.create(
            {
                "name": "测试党员甲",
                "id_number": resident_id("420115", "19850315", 421),
                "organization_id": cls.branch_a1.id,
                "status": "formal",
                "date_join": "2010-07-01",
                "date_formal": "2011-07-01",
            }
        )
        cls.member_b1 = Member.create(
            {
                "name": "测试党员乙",
                "id_number": resident_id("420115", "19900101", 532),
                "organization_id": cls.branch_b1.id,
                "status": "probationary",
                "date_join": "2023-07-01",
            }
        )
