from odoo.tests import TransactionCase, new_test_user

from odoo.addons.org_base.tests.fixtures import resident_id

YEAR = 2025


class StatsCommon(TransactionCase):
    """A hand-built register of 17 members over the tree below, with the year 2025's events: two
    admitted (甲四, 乙五), one formal (甲六), a death (甲二六), a 出党 (甲二七), a transfer out of the
    zone (甲二八), one in (乙一), a move from 甲一支部 to 乙一支部 (甲十二), one away (乙二), one back
    (乙三), one joined in 2026 (甲十三), one moved in 2026 (乙六, in 乙一支部 on 31 December 2025)
    and one dead in 2026 (甲二九, still a member on 31 December 2025). The expected figures are
    written in the tests.

    测试工委 (working committee)
    ├── 测试甲党委 (committee, secretary_a) ── 甲一支部 (社区), 甲二支部 (国企), 甲联合支部 (no field)
    └── 测试乙党委 (committee, secretary_b) ── 乙一支部 (社区)
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer = new_test_user(cls.env, "st_officer", groups="org_base.group_org_user")
        cls.user_leader = new_test_user(cls.env, "st_leader", groups="org_base.group_org_leader")
        cls.user_employee = new_test_user(cls.env, "st_employee", groups="base.group_user")
        cls.secretary_a = new_test_user(
            cls.env, "st_secretary_a", groups="org_grassroots.group_party_secretary"
        )
        cls.secretary_b = new_test_user(
            cls.env, "st_secretary_b", groups="org_grassroots.group_party_secretary"
        )
        Organization = cls.env["org.party.organization"]
        community = cls.env.ref("org_grassroots.party_field_community")
        soe = cls.env.ref("org_grassroots.party_field_soe")
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
        cls.branch_a1, cls.branch_a2, cls.branch_a3, cls.branch_b1 = Organization.create(
            [
                {"name": "甲一支部", "kind": "branch", "parent_id": cls.org_a.id, "field_id": community.id},
                {"name": "甲二支部", "kind": "branch", "parent_id": cls.org_a.id, "field_id": soe.id},
                {"name": "甲联合支部", "kind": "joint_branch", "parent_id": cls.org_a.id},
                {"name": "乙一支部", "kind": "branch", "parent_id": cls.org_b.id, "field_id": community.id},
            ]
        )
        cls.members = {}
        han, hui, zhuang = (cls.env.ref(f"org_base.ethnicity_{code}") for code in ("01", "03", "08"))
        rows = [
            # key, branch, birth, order (odd = male), ethnicity, education, job, joined, formal
            ("甲一", cls.branch_a1, "19900310", 11, han, "21", "0301", "2012-06-01", "2013-06-01"),
            ("甲二", cls.branch_a1, "19950420", 12, hui, "14", "0401", "2018-05-01", "2019-05-01"),
            ("甲三", cls.branch_a1, "19600105", 14, han, "31", "08", "1985-07-01", "1986-07-01"),
            ("甲四", cls.branch_a1, "20000808", 13, han, "21", "06", "2025-03-01", False),
            ("甲十三", cls.branch_a1, "19980101", 15, han, "21", "0701", "2026-01-10", False),
            ("甲十五", cls.branch_a1, "19960606", 17, han, "21", "0303", "2024-04-01", "2025-04-01"),
            ("甲十二", cls.branch_a1, "19830202", 19, han, "14", "0502", "2008-03-01", "2009-03-01"),
            ("甲二五", cls.branch_a2, "19700707", 21, han, "61", "01", "1995-07-01", "1996-07-01"),
            ("甲二六", cls.branch_a2, "19500909", 22, han, "71", "08", "1975-07-01", "1976-07-01"),
            ("甲二七", cls.branch_a2, "19801111", 23, han, "41", "02", "2005-07-01", "2006-07-01"),
            ("甲二八", cls.branch_a2, "19851212", 25, han, "21", "0501", "2010-07-01", "2011-07-01"),
            ("甲二九", cls.branch_a2, "19450303", 27, han, "81", "08", "1970-07-01", "1971-07-01"),
            ("乙二", cls.branch_b1, "19750505", 29, zhuang, "31", "0701", "2000-07-01", "2001-07-01"),
            ("乙三", cls.branch_b1, "19920404", 31, han, "21", "0402", "2016-07-01", "2017-07-01"),
            ("乙五", cls.branch_b1, "19990909", 32, han, "31", "0701", "2025-06-01", False),
            ("乙六", cls.branch_b1, "19871010", 34, han, "21", "0401", "2011-07-01", "2012-07-01"),
        ]
        Member = cls.env["org.party.member"]
        for key, branch, birth, order, ethnicity, education, job, joined, formal in rows:
            cls.members[key] = Member.create(
                {
                    "name": f"测试{key}",
                    "id_number": resident_id("420115", birth, order),
                    "organization_id": branch.id,
                    "status": "formal" if formal else "probationary",
                    "date_join": joined,
                    "date_formal": formal,
                    "ethnicity_id": ethnicity.id,
                    "education_id": cls.env.ref(f"org_base.education_{education}").id,
                    "job_category_id": cls.env.ref(f"org_grassroots.job_category_{job}").id,
                }
            )
        m = cls.members
        Event = cls.env["org.party.standing.event"]
        Event.create({"member_id": m["甲二六"].id, "kind": "death", "date": "2025-08-01"})
        Event.create(
            {
                "member_id": m["甲二七"].id,
                "kind": "exit",
                "date": "2025-09-01",
                "exit_kind_id": cls.env.ref("org_grassroots.party_exit_kind_01").id,
                "reason": "严重违纪",
            }
        )
        Event.create({"member_id": m["甲二九"].id, "kind": "death", "date": "2026-02-01"})
        Transfer = cls.env["org.party.transfer"].with_user(cls.user_officer)
        moves = Transfer.create(
            [
                {
                    "kind": "out",
                    "member_id": m["甲二八"].id,
                    "external_organization": "外省某党支部",
                    "date": "2025-10-01",
                },
                {
                    "kind": "in",
                    "member_name": "测试乙一",
                    "member_id_number": resident_id("420115", "19880808", 36),
                    "member_status": "formal",
                    "member_date_join": "2015-07-01",
                    "organization_to_id": cls.branch_b1.id,
                    "external_organization": "外省某党支部",
                    "date": "2025-04-01",
                },
                {
                    "kind": "internal",
                    "member_id": m["甲十二"].id,
                    "organization_to_id": cls.branch_b1.id,
                    "date": "2025-05-01",
                },
                {
                    "kind": "internal",
                    "member_id": m["乙六"].id,
                    "organization_to_id": cls.branch_a2.id,
                    "date": "2026-03-01",
                },
            ]
        )
        moves.action_submit()
        moves.action_approve()
        m["乙一"] = moves[1].member_id
        m["乙一"].write(
            {
                "date_formal": "2016-07-01",
                "ethnicity_id": han.id,
                "education_id": cls.env.ref("org_base.education_21").id,
                "job_category_id": cls.env.ref("org_grassroots.job_category_0301").id,
            }
        )
        Mobility = cls.env["org.party.mobility"]
        Mobility.create(
            {
                "member_id": m["乙二"].id,
                "destination": "深圳",
                "date_start": "2025-02-01",
                "reason_id": cls.env.ref("org_grassroots.mobility_reason_01").id,
            }
        )
        Mobility.create(
            {
                "member_id": m["乙三"].id,
                "destination": "上海",
                "date_start": "2024-03-01",
                "date_end": "2025-06-01",
                "state": "returned",
                "reason_id": cls.env.ref("org_grassroots.mobility_reason_02").id,
            }
        )
        Mobility.create(
            {
                "kind": "in",
                "person_name": "测试流入",
                "organization_id": cls.branch_b1.id,
                "origin_organization_name": "河南某村党支部",
                "date_start": "2025-07-01",
            }
        )
        cls.env["org.party.candidate"].create(
            {
                "name": "测试申请人",
                "id_number": resident_id("420115", "20010510", 317),
                "organization_id": cls.branch_a1.id,
                "date_application": "2025-03-05",
            }
        )
        cls.Stats = cls.env["org.party.stats"]

    @staticmethod
    def figures(report):
        """``{table key: {group label / column label: value}}`` of a report."""
        result = {}
        for table in report["tables"]:
            cells = result.setdefault(table["key"], {})
            for group in table["groups"]:
                for column in group["columns"]:
                    cells[f"{group['label']}/{column['label']}"] = column["value"]
        return result
