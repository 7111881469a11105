"""The access matrix of readme/SECURITY.md, cell by cell.

Each cell of ``MATRIX`` is proved through search, read, read_group, export_data and
name_search (read), write, create and unlink, with users made here (``new_test_user``), no
demo data. Letters per operation (read, write, create, unlink):

``A``  every record; ``S``  the records of the user's own subtree only (the secretary of
测试甲党委 reaches the 甲 record, not the 乙 one; the secretary of 测试乙党委 the reverse);
``-``  none (refused by the ACL, or no record found through the rules).
"""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import GrassrootsCommon

ROLES = ("employee", "officer", "leader", "configurator", "manager", "secretary", "other_secretary")

#: model: {role: "read write create unlink"} -- the table of readme/SECURITY.md
MATRIX = {
    "org.party.organization": "---- AAA- A--- ---- AAAA SSS- SSS-",
    "org.party.member": "---- AAA- A--- ---- AAAA SSS- SSS-",
    "org.party.meeting": "---- AAAA A--- ---- AAAA SSSS SSSS",
    "org.party.meeting.compliance": "---- A--- A--- ---- AAAA S--- S---",
    "org.party.transfer": "---- AAA- A--- ---- AAAA SSS- SSS-",
    "org.party.candidate": "---- AAA- A--- ---- AAAA SSS- SSS-",
    "org.party.report": "---- AAA- A--- ---- AAAA SSS- SSS-",
    "org.party.brand": "---- AAAA A--- ---- AAAA SSS- SSS-",
    "org.party.evaluation": "---- AAA- A--- ---- AAAA S--- S---",
    "project.task": "---- AAAA A--- ---- AAAA SSS- SSS-",
    "project.project": "---- A--- A--- ---- AAAA A--- A---",
    "org.party.meeting.type": "A--- A--- A--- AAAA AAAA A--- A---",
    "org.party.evaluation.grade": "A--- A--- A--- AAAA AAAA A--- A---",
    "org.party.candidate.stage": "A--- A--- A--- AAAA AAAA A--- A---",
    "org.party.term.rule": "A--- A--- A--- AAAA AAAA A--- A---",
    "org.party.standing.event": "---- A-A- A--- ---- AAAA S-S- S-S-",
    "org.party.mobility": "---- AAA- A--- ---- AAAA SSS- SSS-",
    "org.party.lost.contact": "---- AAA- A--- ---- AAAA SSS- SSS-",
    "org.party.lost.contact.step": "---- AAA- A--- ---- AAAA SSS- SSS-",
}
OPERATIONS = ("read", "write", "create", "unlink")
#: a harmless change per model, for the write column
WRITE = {
    "org.party.organization": {"sequence": 7},
    "org.party.member": {"party_post": "委员"},
    "org.party.meeting": {"place": "会议室"},
    "org.party.meeting.compliance": {"meeting_count": 3},
    "org.party.transfer": {"date": "2026-01-02"},
    "org.party.candidate": {"work_unit": "矩阵单位"},
    "org.party.report": {"name": "改"},
    "org.party.brand": {"name": "改"},
    "org.party.evaluation": {"note": "矩阵"},
    "project.task": {"name": "改"},
    "project.project": {"name": "改"},
    "org.party.meeting.type": {"description": "矩阵"},
    "org.party.evaluation.grade": {"color": 3},
    "org.party.candidate.stage": {"fold": True},
    "org.party.term.rule": {"sequence": 3},
    "org.party.standing.event": {"document": "矩阵"},
    "org.party.mobility": {"contact": "矩阵电话"},
    "org.party.lost.contact": {"note": "矩阵"},
    "org.party.lost.contact.step": {"result": "矩阵"},
}


def cell(model, role, operation):
    return MATRIX[model].split()[ROLES.index(role)][OPERATIONS.index(operation)]


class AccessMatrixCommon(GrassrootsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_configurator = new_test_user(
            cls.env, "gr_configurator", groups="org_base.group_org_configurator"
        )
        cls.users = {
            "employee": cls.user_employee,
            "officer": cls.user_officer,
            "leader": cls.user_leader,
            "configurator": cls.user_configurator,
            "manager": cls.user_manager,
            "secretary": cls.secretary_a,
            "other_secretary": cls.secretary_b,
        }
        # Exporting is a right of its own: given to all, so that the rules are what is tested.
        for user in cls.users.values():
            user.groups_id += cls.env.ref("base.group_allow_export")
        cls.meeting_type = cls.env["org.party.meeting.type"].create({"name": "矩阵会议类型"})
        cls.board = cls.env["project.project"].create(
            {
                "name": "矩阵幸福清单",
                "org_board_type_id": cls.env.ref("org_grassroots.board_type_happiness").id,
                "privacy_visibility": "followers",
            }
        )
        cls.period = 0
        # model: (record of subtree 甲, record of subtree 乙); unscoped models: (record, record)
        cls.records = {
            "org.party.organization": (cls.branch_a1, cls.branch_b1),
            "org.party.member": (cls.member_a1, cls.member_b1),
        }
        for model in MATRIX:
            if model not in cls.records:
                cls.records[model] = (cls._make(model, "a"), cls._make(model, "b"))

    @classmethod
    def _vals(cls, model, side):
        """Values of a new record of ``model`` in the subtree ``side`` ("a" or "b")."""
        branch = cls.branch_a1 if side == "a" else cls.branch_b1
        name = f"矩阵{side}"
        if model == "org.party.organization":
            return {"name": name, "parent_id": branch.id}
        if model == "org.party.member":
            return {"name": name, "organization_id": branch.id}
        if model == "org.party.meeting":
            return {
                "name": name,
                "organization_id": branch.id,
                "type_id": cls.meeting_type.id,
                "state": "planned",
            }
        if model == "org.party.meeting.compliance":
            cls.period += 1
            return {
                "organization_id": branch.id,
                "type_id": cls.meeting_type.id,
                "period_start": f"{2000 + cls.period}-01-01",
                "period_end": f"{2000 + cls.period}-01-31",
            }
        if model == "org.party.transfer":
            # one open transfer per member: a fresh member each time
            member = cls.env["org.party.member"].create({"name": f"转出{side}", "organization_id": branch.id})
            target = cls.branch_a2 if side == "a" else cls.org_b
            return {"member_id": member.id, "organization_to_id": target.id}
        if model in ("org.party.standing.event", "org.party.mobility", "org.party.lost.contact"):
            # one open registration (or one death) per member: a fresh member each time
            member = cls.env["org.party.member"].create(
                {"name": f"矩阵党员{side}", "organization_id": branch.id}
            )
            if model == "org.party.standing.event":
                return {"member_id": member.id, "kind": "death", "date": "2025-01-02"}
            if model == "org.party.mobility":
                return {
                    "member_id": member.id,
                    "kind": "out",
                    "destination": "深圳",
                    "date_start": "2025-01-02",
                }
            return {"member_id": member.id, "date_lost": "2025-01-02"}
        if model == "org.party.lost.contact.step":
            lost = cls._make("org.party.lost.contact", side)
            return {
                "lost_contact_id": lost.id,
                "date": "2025-02-01",
                "method_id": cls.env.ref("org_grassroots.lost_contact_method_01").id,
            }
        if model in ("org.party.candidate", "org.party.brand"):
            return {"name": name, "organization_id": branch.id}
        if model == "org.party.report":
            return {"name": name, "organization_id": branch.id, "content": "<p>内容</p>"}
        if model == "org.party.evaluation":
            scores = dict.fromkeys(
                (
                    "score_quality",
                    "score_assessment",
                    "score_responsibility",
                    "score_organization",
                    "score_system",
                ),
                20,
            )
            return {"organization_id": branch.id, **scores}
        if model == "project.task":
            return {"name": name, "project_id": cls.board.id, "org_party_organization_id": branch.id}
        if model == "project.project":
            return {
                "name": name,
                "org_board_type_id": cls.board.org_board_type_id.id,
                "privacy_visibility": "followers",
            }
        if model in ("org.party.meeting.type", "org.party.evaluation.grade"):
            return (
                {"name": name, "min_score": 200 + len(name) + (side == "b")}
                if "grade" in model
                else {"name": name}
            )
        return None  # stages and term rules: one per code / kind, checked through the ACL alone

    @classmethod
    def _make(cls, model, side):
        vals = cls._vals(model, side)
        if vals is None:
            return cls.env[model].search([], limit=1)
        return cls.env[model].create(vals)

    def _expected(self, model, role, operation):
        """The records among (甲, 乙) that ``role`` may reach with ``operation``."""
        record_a, record_b = self.records[model]
        letter = cell(model, role, operation)
        if letter == "A":
            return record_a | record_b
        if letter == "S":
            return record_b if role == "other_secretary" else record_a
        return record_a.browse()


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCommon):
    def test_read(self):
        for model in MATRIX:
            records = self.records[model][0] | self.records[model][1]
            for role, user in self.users.items():
                with self.subTest(model=model, role=role):
                    expected = self._expected(model, role, "read")
                    Model = self.env[model].with_user(user)
                    domain = [("id", "in", records.ids)]
                    if not Model.browse().has_access("read"):
                        self.assertFalse(expected)
                        with self.assertRaises(AccessError):
                            Model.search(domain)
                        continue
                    self.assertEqual(Model.search(domain), expected)
                    self.assertEqual(Model.search_count(domain), len(expected))
                    groups = Model.read_group(domain, [], [])
                    self.assertEqual(groups[0]["__count"] if groups else 0, len(expected))
                    self.assertEqual({row[0] for row in Model.name_search("", domain)}, set(expected.ids))
                    for record in records:
                        if record in expected:
                            self.assertEqual(
                                record.with_user(user).read(["display_name"])[0]["id"], record.id
                            )
                            self.assertEqual(
                                len(record.with_user(user).export_data(["display_name"])["datas"]), 1
                            )
                        else:
                            with self.assertRaises(AccessError):
                                record.with_user(user).read(["display_name"])
                            with self.assertRaises(AccessError):
                                record.with_user(user).export_data(["display_name"])

    def test_write(self):
        for model in MATRIX:
            for role, user in self.users.items():
                expected = self._expected(model, role, "write")
                for record in self.records[model]:
                    with self.subTest(model=model, role=role, record=record.display_name):
                        vals = WRITE[model]
                        if record in expected:
                            record.with_user(user).write(vals)
                        else:
                            with self.assertRaises(AccessError):
                                record.with_user(user).write(vals)

    def test_create_and_unlink(self):
        for model in MATRIX:
            for role, user in self.users.items():
                for operation in ("create", "unlink"):
                    letter = cell(model, role, operation)
                    with self.subTest(model=model, role=role, operation=operation):
                        Model = self.env[model].with_user(user)
                        if letter != "-":
                            self.assertTrue(Model.browse().has_access(operation))
                        elif not Model.browse().has_access(operation):
                            continue  # refused by the ACL
                        if self._vals(model, "a") is None:
                            continue
                        for side in ("a", "b"):
                            allowed = letter == "A" or (
                                letter == "S" and (side == "a") == (role == "secretary")
                            )
                            if operation == "create":
                                vals = self._vals(model, side)
                                if allowed:
                                    Model.create(vals)
                                else:
                                    with self.assertRaises(AccessError):
                                        Model.create(vals)
                            else:
                                record = self._make(model, side).with_user(user)
                                if allowed:
                                    record.unlink()
                                    self.assertFalse(record.exists())
                                else:
                                    with self.assertRaises(AccessError):
                                        record.unlink()

    def test_field_limits(self):
        """ID numbers: officers (and the administrator) only; the others read the masked number."""
        for role, user in self.users.items():
            with self.subTest(role=role):
                member = self.member_a1.with_user(user)
                if role in ("officer", "manager"):
                    self.assertEqual(member.id_number, self.member_a1.sudo().id_number)
                    continue
                if not member.has_access("read"):
                    continue
                with self.assertRaises(AccessError):
                    member.read(["id_number"])
                with self.assertRaises(AccessError):
                    member.export_data(["id_number"])
                with self.assertRaises(AccessError):
                    self.env["org.party.member"].with_user(user).search(
                        [("id_number", "=", self.member_a1.sudo().id_number)]
                    )
                masked = member.read(["resident_id_masked"])[0]["resident_id_masked"]
                self.assertNotEqual(masked, self.member_a1.sudo().id_number)

    def test_chatter_follows_the_record(self):
        """Messages, followers and activities of a record reach who reads the record."""
        models = [model for model in MATRIX if "message_ids" in self.env[model]._fields]
        for model in models:
            for record in self.records[model]:
                record.message_post(body="矩阵留言", message_type="comment", subtype_xmlid="mail.mt_comment")
                record.message_subscribe(partner_ids=self.user_manager.partner_id.ids)
                if "activity_ids" in record._fields:
                    record.activity_schedule(
                        "mail.mail_activity_data_todo", summary="矩阵催办", user_id=self.user_manager.id
                    )
        for model in models:
            records = self.records[model][0] | self.records[model][1]
            for role, user in self.users.items():
                with self.subTest(model=model, role=role):
                    expected = set(self._expected(model, role, "read").ids)
                    domain = [
                        ("model", "=", model),
                        ("res_id", "in", records.ids),
                        ("body", "ilike", "矩阵留言"),
                    ]
                    messages = self.env["mail.message"].with_user(user).search(domain)
                    self.assertEqual(set(messages.mapped("res_id")), expected)
                    follower_domain = [("res_model", "=", model), ("res_id", "in", records.ids)]
                    followers = self.env["mail.followers"].with_user(user).search(follower_domain)
                    self.assertEqual(set(followers.mapped("res_id")), expected)
                    if "activity_ids" not in self.env[model]._fields:
                        continue
                    activity_domain = [("res_model", "=", model), ("res_id", "in", records.ids)]
                    activities = self.env["mail.activity"].with_user(user).search(activity_domain)
                    # mail lists the activities of the records the user may post on (write, or
                    # read where the model says so) and lets them change those only
                    post = self._expected(model, role, getattr(self.env[model], "_mail_post_access", "write"))
                    self.assertEqual(set(activities.mapped("res_id")), set(post.ids))
                    if model == "project.task" and role == "leader":
                        continue  # project.task: _mail_post_access = "read" (org_base, see SECURITY.md)
                    for activity in self.env["mail.activity"].search(activity_domain):
                        if activity.res_id in post.ids:
                            continue
                        with self.assertRaises(AccessError):
                            activity.with_user(user).write({"summary": "改"})
                        with self.assertRaises(AccessError):
                            activity.with_user(user).unlink()

    def test_attachments_follow_the_record(self):
        Attachment = self.env["ir.attachment"]
        for model in ("org.party.member", "org.party.meeting", "org.party.report", "project.task"):
            records = self.records[model][0] | self.records[model][1]
            for record in records:
                Attachment.create(
                    {"name": "矩阵附件.txt", "raw": b"secret", "res_model": model, "res_id": record.id}
                )
            for role, user in self.users.items():
                with self.subTest(model=model, role=role):
                    expected = set(self._expected(model, role, "read").ids)
                    found = Attachment.with_user(user).search(
                        [("res_model", "=", model), ("res_id", "in", records.ids)]
                    )
                    self.assertEqual(set(found.mapped("res_id")), expected)
                    for attachment in Attachment.search(
                        [("res_model", "=", model), ("res_id", "in", records.ids)]
                    ):
                        if attachment.res_id in expected:
                            self.assertEqual(attachment.with_user(user).raw, b"secret")
                        else:
                            with self.assertRaises(AccessError):
                                attachment.with_user(user).read(["raw"])

    def test_fields_pointing_outside_the_subtree(self):
        """A secretary sees the names of the organizations above their own (the full name says
        them: 测试工委 / 测试甲党委) but no record of them, and counts only their own subtree."""
        organization = self.org_a.with_user(self.secretary_a)
        self.assertEqual(organization.complete_name, "测试工委 / 测试甲党委")
        self.assertEqual(organization.read(["parent_id"])[0]["parent_id"], (self.zone.id, "测试工委"))
        with self.assertRaises(AccessError):
            self.zone.with_user(self.secretary_a).read(["name"])
        with self.assertRaises(AccessError):
            self.zone.with_user(self.secretary_a).read(["child_count"])
        self.assertEqual(organization.child_count, 2)
        report = self.records["org.party.report"][0].with_user(self.secretary_a)
        self.assertEqual(
            report.read(["higher_organization_id"])[0]["higher_organization_id"][0], self.org_a.id
        )
        # the users led by the other subtree: the secretary reads no organization of it
        other = self.secretary_b.with_user(self.secretary_a)
        self.assertFalse(
            set(
                other.read(["org_party_secretary_organization_ids"])[0][
                    "org_party_secretary_organization_ids"
                ]
            )
            & set(self.org_b.ids)
        )


@tagged("post_install", "-at_install")
class TestAccessMatrixDownload(AccessMatrixCommon, HttpCase):
    def test_web_content_follows_the_record(self):
        Attachment = self.env["ir.attachment"]
        own, other = (
            Attachment.create(
                {
                    "name": "甲.txt",
                    "raw": b"jia",
                    "res_model": "org.party.member",
                    "res_id": self.member_a1.id,
                }
            ),
            Attachment.create(
                {"name": "乙.txt", "raw": b"yi", "res_model": "org.party.member", "res_id": self.member_b1.id}
            ),
        )
        for role, allowed in (
            ("secretary", own),
            ("other_secretary", other),
            ("leader", own | other),
            ("employee", own.browse()),
        ):
            user = self.users[role]
            self.authenticate(user.login, user.login)
            for attachment in own | other:
                with self.subTest(role=role, attachment=attachment.name):
                    response = self.url_open(f"/web/content/{attachment.id}?download=true")
                    if attachment in allowed:
                        self.assertEqual(response.status_code, 200)
                        self.assertEqual(response.content, attachment.raw)
                    else:
                        self.assertIn(response.status_code, (403, 404))
                        self.assertNotIn(attachment.raw, response.content)
