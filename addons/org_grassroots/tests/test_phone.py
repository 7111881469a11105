import base64
from datetime import date

from lxml import etree

from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import GrassrootsCommon

# A 1×1 PNG, as a phone's camera would send a (bigger) picture.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPhoneViews(GrassrootsCommon):
    def test_periods_read_as_the_office_writes_them(self):
        Compliance = self.env["org.party.meeting.compliance"]
        theme_day = self.env.ref("org_grassroots.meeting_type_theme_day")
        rows = Compliance.create(
            [
                {
                    "organization_id": self.branch_a1.id,
                    "type_id": theme_day.id,
                    "period_start": date(2026, month, 1),
                    "period_end": Compliance._period_of(theme_day, date(2026, month, 1))[1],
                }
                for month in (10, 1, 2)
            ]
        )
        self.assertEqual(rows.mapped("period_label"), ["2026年10月", "2026年01月", "2026年02月"])
        quarter = Compliance.new({"period_start": date(2026, 4, 1), "period_end": date(2026, 6, 30)})
        self.assertEqual(quarter.period_label, "2026年04月至06月")
        # The pivot's columns: one per period, in the order of the periods (not 1, 10, 2).
        groups = Compliance._read_group(
            [("id", "in", rows.ids)], ["period_label"], ["__count"], order="period_label"
        )
        self.assertEqual([label for label, _count in groups], ["2026年01月", "2026年02月", "2026年10月"])
        arch = Compliance.get_views([(False, "pivot")])["views"]["pivot"]["arch"]
        self.assertIn('<field name="period_label" type="col"/>', arch)

    def test_phone_opens_cards_and_the_desktop_its_list(self):
        for xmlid, desktop in (
            ("org_grassroots.org_party_meeting_action", "list"),
            ("org_grassroots.org_party_meeting_compliance_action", "list"),
            ("org_grassroots.org_party_member_action", "list"),
            ("org_grassroots.org_party_candidate_action", "kanban"),
            ("org_grassroots.project_task_action_happiness", "kanban"),
        ):
            action = self.env.ref(xmlid)
            with self.subTest(action=xmlid):
                modes = action.view_mode.split(",")
                self.assertEqual(modes[0], desktop)
                self.assertEqual(action.mobile_view_mode, "kanban")
                self.assertIn("kanban", modes)

    def test_the_meeting_form_starts_with_what_is_typed_on_the_spot(self):
        arch = self.env["org.party.meeting"].get_views([(False, "form")])["views"]["form"]["arch"]
        order = [
            name
            for name in (
                "type_id",
                "date",
                "place",
                "attendee_ids",
                "minutes",
                "photo_ids",
                "expected_count",
                "absence_note",
            )
            if f'name="{name}"' in arch
        ]
        self.assertEqual(len(order), 8)
        positions = [arch.index(f'<field name="{name}"') for name in order]
        self.assertEqual(positions, sorted(positions), "the spot's fields come before the counts")
        self.assertIn("'accepted_file_extensions': 'image/*'", arch)

    def test_the_happiness_card_starts_with_what_is_typed_on_the_spot(self):
        arch = etree.fromstring(
            self.env["project.task"].get_views([(False, "form")])["views"]["form"]["arch"]
        )
        title = arch.xpath("//div[contains(concat(' ', @class, ' '), ' oe_title ')]")[0]
        spot = title.getnext()
        self.assertEqual(spot.get("name"), "org_happiness_spot")
        self.assertEqual(
            [field.get("name") for field in spot.iter("field")],
            ["org_happiness_community", "org_happiness_category_id", "org_reporter", "org_reporter_phone"],
        )


@tagged("post_install", "-at_install")
class TestMeetingPhotos(GrassrootsCommon, HttpCase):
    def _upload(self, login):
        """Upload a photo as the web client does on a new meeting (no record yet: id 0)."""
        self.authenticate(login, login)
        response = self.opener.post(
            f"{self.base_url()}/web/binary/upload_attachment",
            files={"ufile": ("现场.png", PNG, "image/png")},
            data={"csrf_token": http.Request.csrf_token(self), "model": "org.party.meeting", "id": 0},
        )
        response.raise_for_status()
        return self.env["ir.attachment"].browse(response.json()[0]["id"])

    def test_photos_are_read_as_the_meeting_is(self):
        theme_day = self.env.ref("org_grassroots.meeting_type_theme_day")
        photo = self._upload("gr_secretary_a")
        self.assertEqual(photo.mimetype, "image/png")
        stranger = self._upload("gr_secretary_b")
        meeting = (
            self.env["org.party.meeting"]
            .with_user(self.secretary_a)
            .create(
                {
                    "name": "测试主题党日",
                    "organization_id": self.branch_a1.id,
                    "type_id": theme_day.id,
                    "date": fields.Date.context_today(self.env["org.party.meeting"]),
                    "attendee_ids": [Command.set(self.member_a1.ids)],
                    # Another secretary's upload, its id guessed: it stays theirs.
                    "photo_ids": [Command.set((photo | stranger).ids)],
                }
            )
        )
        self.assertEqual((photo.res_model, photo.res_id), ("org.party.meeting", meeting.id))
        self.assertEqual(stranger.res_id, 0)
        for login, allowed in (
            ("gr_secretary_a", True),
            ("gr_officer", True),
            ("gr_secretary_b", False),
            ("gr_employee", False),
        ):
            with self.subTest(login=login):
                self.authenticate(login, login)
                response = self.url_open(f"/web/content/{photo.id}?download=true")
                if allowed:
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(response.content, PNG)
                else:
                    self.assertIn(response.status_code, (403, 404))
                    self.assertNotEqual(response.content, PNG)
        # A secretary of the meeting's subtree reads the other's upload no more than before.
        self.authenticate("gr_secretary_a", "gr_secretary_a")
        self.assertIn(self.url_open(f"/web/content/{stranger.id}").status_code, (403, 404))


@tagged("post_install", "-at_install")
class TestSecretaryPhoneTour(HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secretary = new_test_user(
            cls.env, "gr_phone_secretary", groups="base.group_user,org_grassroots.group_party_secretary"
        )
        Organization = cls.env["org.party.organization"]
        committee = Organization.create(
            {"name": "测试东风党委", "kind": "committee", "secretary_user_id": cls.secretary.id}
        )
        cls.branch = Organization.create(
            {"name": "测试东风一支部", "kind": "branch", "parent_id": committee.id}
        )
        cls.env["org.party.member"].create(
            {"name": "测试东风党员", "organization_id": cls.branch.id, "status": "formal"}
        )
        cls.theme_day = cls.env.ref("org_grassroots.meeting_type_theme_day")

    def test_secretary_records_a_meeting_on_a_phone(self):
        Compliance = self.env["org.party.meeting.compliance"]
        start, end = Compliance._period_of(self.theme_day, fields.Date.context_today(Compliance))
        row = Compliance.create(
            {
                "organization_id": self.branch.id,
                "type_id": self.theme_day.id,
                "period_start": start,
                "period_end": end,
            }
        )
        self.assertEqual(row.state, "pending")
        self.start_tour("/odoo", "org_grassroots_secretary_phone_tour", login="gr_phone_secretary")
        self.assertEqual(row.state, "compliant")
        meeting = self.env["org.party.meeting"].search([("organization_id", "=", self.branch.id)])
        self.assertEqual(meeting.name, "手机上记录的主题党日")
        self.assertEqual(meeting.type_id, self.theme_day)
        self.assertEqual(meeting.place, "社区党群服务中心")
        self.assertEqual(meeting.attendee_ids.name, "测试东风党员")
        self.assertIn("学习党章", meeting.minutes)
        self.assertEqual(meeting.create_uid, self.secretary)
