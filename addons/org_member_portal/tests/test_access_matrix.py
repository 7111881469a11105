"""The portal role's access matrix (readme/SECURITY.md): a member with a portal account reads
their own member record and their own transfers, nothing else, through every ORM path."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MemberPortalCommon


@tagged("post_install", "-at_install")
class TestPortalAccessMatrix(MemberPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Transfer = cls.env["org.party.transfer"]
        cls.transfer_a1, cls.transfer_b1 = Transfer.create(
            [
                {"kind": "internal", "member_id": cls.member_a1.id, "organization_to_id": cls.branch_a2.id},
                {"kind": "internal", "member_id": cls.member_b1.id, "organization_to_id": cls.branch_a2.id},
            ]
        )

    def test_member_reads_own_record_only(self):
        Member = self.env["org.party.member"].with_user(self.portal_a1)
        self.assertEqual(Member.search([]), self.member_a1)
        self.assertEqual(Member.search_count([("organization_id", "=", self.branch_a1.id)]), 1)
        rows = Member.search_read([], ["name", "organization_id", "resident_id_masked"])
        self.assertEqual([row["name"] for row in rows], ["测试党员甲"])
        self.assertEqual(rows[0]["organization_id"][1], self.branch_a1.display_name)
        self.assertNotIn(self.member_a1.id_number, str(rows))
        groups = Member.read_group([], ["organization_id"], ["organization_id"])
        self.assertEqual([group["organization_id_count"] for group in groups], [1])
        self.assertEqual([name for _id, name in Member.name_search("测试党员")], ["测试党员甲"])
        # a portal user exports nothing (base.group_allow_export), not even their own record
        for member in (self.member_a1, self.member_a2, self.member_b1):
            with self.subTest(member=member.name), self.assertRaises(UserError):
                Member.browse(member.id).export_data(["name"])
        for other in (self.member_a2, self.member_b1):
            with self.subTest(other=other.name), self.assertRaises(AccessError):
                other.with_user(self.portal_a1).read(["name"])

    def test_member_cannot_read_the_id_number(self):
        with self.assertRaises(AccessError):
            self.member_a1.with_user(self.portal_a1).read(["id_number"])

    def test_member_reads_no_office_remark_on_own_record(self):
        self.member_a1.note = "<p>谈心谈话：近期家庭困难</p>"
        with self.assertRaises(AccessError):
            self.member_a1.with_user(self.portal_a1).read(["note"])
        self.assertIn("家庭困难", self.member_a1.with_user(self.user_officer).note)

    def test_member_changes_nothing(self):
        member = self.member_a1.with_user(self.portal_a1)
        with self.assertRaises(AccessError):
            member.write({"party_post": "书记"})
        with self.assertRaises(AccessError):
            member.create({"name": "冒名", "organization_id": self.branch_a1.id})
        with self.assertRaises(AccessError):
            member.unlink()
        self.assertFalse(self.member_a1.party_post)

    def test_other_organization_sees_nothing_of_this_one(self):
        Member = self.env["org.party.member"].with_user(self.portal_b1)
        self.assertEqual(Member.search([]), self.member_b1)
        self.assertFalse(Member.search([("organization_id", "child_of", self.org_a.id)]))
        self.assertFalse(Member.name_search("测试党员甲"))
        Transfer = self.env["org.party.transfer"].with_user(self.portal_b1)
        self.assertEqual(Transfer.search([]), self.transfer_b1)

    def test_transfers_own_only(self):
        Transfer = self.env["org.party.transfer"].with_user(self.portal_a1)
        self.assertEqual(Transfer.search([]), self.transfer_a1)
        with self.assertRaises(AccessError):
            self.transfer_b1.with_user(self.portal_a1).read(["state"])
        with self.assertRaises(AccessError):
            self.transfer_a1.with_user(self.portal_a1).write({"state": "approved"})

    def test_no_meeting_organization_or_other_model_through_the_orm(self):
        """Meetings carry minutes and absence notes about others: the member reads theirs
        through their own pages only (sudo on their own member), never through the ORM."""
        for model in (
            "org.party.meeting",
            "org.party.organization",
            "org.party.candidate",
            "org.party.standing.event",
            "org.member.portal.account.wizard",
            "org.audit.log",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.portal_a1).search_read([], ["id"])

    def test_messages_followers_activities_of_other_members(self):
        self.member_b1.message_post(body="乙的备注", message_type="comment", subtype_xmlid="mail.mt_comment")
        self.member_b1.message_subscribe(partner_ids=self.secretary_b.partner_id.ids)
        self.member_b1.activity_schedule("mail.mail_activity_data_todo", user_id=self.secretary_b.id)
        Message = self.env["mail.message"].with_user(self.portal_a1)
        self.assertFalse(
            Message.search([("model", "=", "org.party.member"), ("res_id", "=", self.member_b1.id)])
        )
        with self.assertRaises(AccessError):
            self.member_b1.message_ids[:1].with_user(self.portal_a1).read(["body"])
        with self.assertRaises(AccessError):
            self.env["mail.followers"].with_user(self.portal_a1).search(
                [("res_model", "=", "org.party.member"), ("res_id", "=", self.member_b1.id)]
            )
        with self.assertRaises(AccessError):
            self.env["mail.activity"].with_user(self.portal_a1).search_read(
                [("res_model", "=", "org.party.member")], ["summary"]
            )
        with self.assertRaises(AccessError):
            self.member_b1.with_user(self.portal_a1).message_post(body="冒名留言")

    def test_internal_notes_on_own_record_stay_internal(self):
        note = self.member_a1.message_post(
            body="内部备注：谈心谈话情况", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self.member_a1.party_post = "宣传委员"  # a tracked change: an internal tracking message
        Message = self.env["mail.message"].with_user(self.portal_a1)
        seen = Message.search([("model", "=", "org.party.member"), ("res_id", "=", self.member_a1.id)])
        self.assertNotIn(note, seen)
        self.assertFalse(seen.filtered(lambda message: message.tracking_value_ids))
        with self.assertRaises(AccessError):
            note.with_user(self.portal_a1).read(["body"])

    def test_internal_views_unchanged(self):
        officer = self.env["org.party.member"].with_user(self.user_officer)
        self.assertEqual(
            officer.search([("id", "in", (self.member_a1 | self.member_a2 | self.member_b1).ids)]),
            self.member_a1 | self.member_a2 | self.member_b1,
        )
        secretary = self.env["org.party.member"].with_user(self.secretary_a)
        self.assertEqual(
            secretary.search([("id", "in", (self.member_a1 | self.member_b1).ids)]), self.member_a1
        )
        # the officer still reads the full ID number, the secretary never did
        self.assertEqual(self.member_a1.with_user(self.user_officer).id_number, self.member_a1.id_number)


@tagged("post_install", "-at_install")
class TestMemberAccountLink(MemberPortalCommon):
    """Who may link a member to an account (user_id): officers, administrators; a secretary
    only through the wizard (new portal accounts), never to an existing account."""

    def test_secretary_cannot_link_an_existing_account(self):
        member = self.member_a2.with_user(self.secretary_a)
        for account in (self.secretary_a, self.user_officer, self.portal_b1):
            with self.subTest(account=account.login), self.assertRaises(AccessError):
                member.write({"user_id": account.id})
        self.assertEqual(self.member_a2.user_id, self.portal_a2)
        with self.assertRaises(AccessError):
            member.create(
                {"name": "新党员", "organization_id": self.branch_a1.id, "user_id": self.secretary_a.id}
            )
        # the secretary still maintains the member otherwise
        member.write({"party_post": "组织委员"})
        self.assertEqual(self.member_a2.party_post, "组织委员")

    def test_leader_cannot_link(self):
        with self.assertRaises(AccessError):
            self.member_a2.with_user(self.user_leader).write({"user_id": False})

    def test_officer_links_and_unlinks(self):
        self.member_a2.with_user(self.user_officer).write({"user_id": False})
        self.assertFalse(self.member_a2.user_id)
        self.member_a2.with_user(self.user_officer).write({"user_id": self.portal_a2.id})
        self.assertEqual(self.member_a2.user_id, self.portal_a2)
