from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SigninCommon

# Who reads which sign-ins: A all, S the own subtree, O the own, - none. Nobody writes, creates
# or deletes one by hand (the ACL grants none): the sign-in route writes them.
READ = {
    "employee": "-",
    "officer": "A",
    "leader": "A",
    "configurator": "-",
    "manager": "A",
    "secretary": "S",
    "other_secretary": "S",
    "portal_a1": "O",
    "portal_b1": "O",
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(SigninCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        from odoo.tests import new_test_user

        cls.users = {
            "employee": cls.user_employee,
            "officer": cls.user_officer,
            "leader": cls.user_leader,
            "configurator": new_test_user(
                cls.env, "sg_configurator", groups="org_base.group_org_configurator"
            ),
            "manager": cls.user_manager,
            "secretary": cls.secretary_a,
            "other_secretary": cls.secretary_b,
            "portal_a1": cls.portal_a1,
            "portal_b1": cls.portal_b1,
        }
        meeting_b = cls._meeting(cls.org_b, name="乙会议")
        Signin = cls.env["org.party.meeting.signin"]
        now = cls.meeting.time_start
        cls.signin_a = Signin.create(
            {
                "meeting_id": cls.meeting.id,
                "member_id": cls.member_a1.id,
                "user_id": cls.portal_a1.id,
                "signed_at": now,
            }
        )
        cls.signin_b = Signin.create(
            {
                "meeting_id": meeting_b.id,
                "member_id": cls.member_b1.id,
                "user_id": cls.portal_b1.id,
                "signed_at": now,
            }
        )

    def _expected(self, role):
        letter = READ[role]
        both = self.signin_a | self.signin_b
        if letter == "A":
            return both
        if letter == "S":
            return self.signin_b if role == "other_secretary" else self.signin_a
        if letter == "O":
            return both.filtered(lambda signin: signin.user_id == self.users[role])
        return both.browse()

    def test_read(self):
        both = self.signin_a | self.signin_b
        for role, user in self.users.items():
            with self.subTest(role=role):
                Signin = self.env["org.party.meeting.signin"].with_user(user)
                expected = self._expected(role)
                if READ[role] == "-":
                    self.assertFalse(Signin.browse().has_access("read"))
                    with self.assertRaises(AccessError):
                        Signin.search([("id", "in", both.ids)])
                    continue
                self.assertEqual(Signin.search([("id", "in", both.ids)]), expected)
                for signin in both:
                    if signin in expected:
                        self.assertEqual(signin.with_user(user).read(["signed_at"])[0]["id"], signin.id)
                    else:
                        with self.assertRaises(AccessError):
                            signin.with_user(user).read(["signed_at"])

    def test_nobody_writes_creates_or_deletes(self):
        for role, user in self.users.items():
            with self.subTest(role=role):
                Signin = self.env["org.party.meeting.signin"].with_user(user)
                for operation in ("write", "create", "unlink"):
                    self.assertFalse(Signin.browse().has_access(operation), operation)
                with self.assertRaises(AccessError):
                    self.signin_a.with_user(user).write({"is_late": True})
                with self.assertRaises(AccessError):
                    self.signin_a.with_user(user).unlink()
        self.assertFalse(self.signin_a.is_late)
        self.assertTrue(self.signin_a.exists())

    def test_portal_reads_no_meeting_nor_member(self):
        for login in ("portal_a1", "portal_b1"):
            user = self.users[login]
            with self.subTest(user=login):
                for model in ("org.party.meeting", "org.party.organization"):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])
                # No member but, where the member portal is installed, the member's own record.
                Member = self.env["org.party.member"].with_user(user)
                try:
                    seen = Member.search([])
                except AccessError:
                    seen = Member
                own = Member.sudo().search([("user_id", "=", user.id)])
                self.assertLessEqual(set(seen.ids), set(own.ids))
                with self.assertRaises(AccessError):
                    self.meeting.with_user(user).read(["signin_token"])

    def test_device_and_address_for_administrators_only(self):
        for role in ("officer", "leader", "secretary", "portal_a1"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.signin_a.with_user(self.users[role]).read(["device_hash"])
        self.assertEqual(self.signin_a.with_user(self.user_manager).read(["ip"])[0]["ip"], False)

    def test_token_for_the_meeting_readers_only(self):
        self.assertEqual(self.meeting.with_user(self.secretary_a).signin_token, self.meeting.signin_token)
        for role in ("employee", "configurator"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.meeting.with_user(self.users[role]).read(["signin_token"])
