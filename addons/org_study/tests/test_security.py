from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OrgStudyCommon


@tagged("post_install", "-at_install")
class TestStudySecurity(OrgStudyCommon):
    def setUp(self):
        super().setUp()
        self.session.action_mark_all_present()
        self.session.action_set_held()

    def test_employee_reads_only_own_attendance(self):
        Attendance = self.env["org.study.attendance"].with_user(self.user_a)
        self.assertEqual(Attendance.search([]), self.attendance_a)
        self.assertEqual(Attendance.browse(self.attendance_a.id).hours, 2.5)
        with self.assertRaises(AccessError):
            Attendance.browse(self.attendance_b.id).read(["hours"])
        self.assertEqual(
            self.session.with_user(self.user_a).attendance_ids, self.attendance_a, "others are hidden"
        )

    def test_employee_cannot_change_attendance(self):
        with self.assertRaises(AccessError):
            self.attendance_a.with_user(self.user_a).write({"state": "absent"})
        with self.assertRaises(AccessError):
            self.env["org.study.attendance"].with_user(self.user_b).create(
                {"session_id": self.session.id, "employee_id": self.employee_b.id}
            )

    def test_employee_reads_only_own_ledger(self):
        Ledger = self.env["org.study.ledger"]
        own = Ledger.with_user(self.user_a).search([])
        self.assertEqual(own.employee_id, self.employee_a)
        other = Ledger.search([("employee_id", "=", self.employee_b.id)])
        self.assertTrue(other)
        with self.assertRaises(AccessError):
            Ledger.with_user(self.user_a).browse(other.ids).read(["done_hours"])

    def test_leader_reads_all_changes_nothing(self):
        Attendance = self.env["org.study.attendance"].with_user(self.leader)
        self.assertEqual(
            Attendance.search([("session_id", "=", self.session.id)]), self.session.attendance_ids
        )
        ledger = self.env["org.study.ledger"].with_user(self.leader).search([("year", "=", 2026)])
        self.assertIn(self.employee_b, ledger.employee_id)
        with self.assertRaises(AccessError):
            self.attendance_a.with_user(self.leader).write({"state": "absent"})
        with self.assertRaises(AccessError):
            self.session.with_user(self.leader).write({"name": "改名"})

    def test_officer_manages_everything(self):
        session = (
            self.env["org.study.session"]
            .with_user(self.officer)
            .create(
                {"name": "读书分享会", "type_id": self.study_type.id, "date_start": "2026-05-01 07:00:00"}
            )
        )
        attendance = (
            self.env["org.study.attendance"]
            .with_user(self.officer)
            .create({"session_id": session.id, "employee_id": self.employee_b.id})
        )
        attendance.action_mark_present()
        self.env["org.study.type"].with_user(self.officer).create({"name": "新类型"})
        self.env["org.study.requirement"].with_user(self.officer).create({"name": "科级", "hours": 80})
        self.env["org.study.plan"].with_user(self.officer).create(
            {
                "name": "2026年学习计划",
                "year": 2026,
                "line_ids": [(0, 0, {"month": "3", "topic": "二十大精神"})],
            }
        )
        session.unlink()
        self.assertFalse(attendance.exists())

    def test_app_menu_first_entry_is_sessions(self):
        root = self.env.ref("org_study.menu_org_study_root")
        officer = self.env["res.users"].browse(self.officer.id)
        visible = self.env["ir.ui.menu"].with_user(officer)._visible_menu_ids()
        first = root.child_id.filtered(lambda menu: menu.id in visible).sorted("sequence")[:1]
        self.assertEqual(first, self.env.ref("org_study.menu_org_study_sessions"))
        self.assertEqual(
            first.child_id.sorted("sequence")[:1].action, self.env.ref("org_study.org_study_session_action")
        )
        # A plain employee opens the application on their own study hours, and sees nothing else.
        visible = self.env["ir.ui.menu"].with_user(self.user_a)._visible_menu_ids()
        self.assertIn(root.id, visible)
        self.assertEqual(
            root.child_id.filtered(lambda menu: menu.id in visible),
            self.env.ref("org_study.menu_org_study_ledger"),
        )

    def test_employee_opens_own_ledger_in_the_web_client(self):
        result = (
            self.env["org.study.ledger"]
            .with_user(self.user_a)
            .web_search_read(
                [("year", "=", 2026)],
                {
                    "employee_id": {"fields": {"display_name": {}}},
                    "department_id": {"fields": {"display_name": {}}},
                    "requirement_id": {"fields": {"display_name": {}}},
                    "done_hours": {},
                    "compliant": {},
                },
            )
        )
        self.assertEqual([record["employee_id"]["display_name"] for record in result["records"]], ["张学习"])
        self.assertEqual(result["records"][0]["done_hours"], 2.5)

    def test_employee_statistics_cover_only_their_own_lines(self):
        Attendance = self.env["org.study.attendance"].with_user(self.user_a)
        self.assertEqual(
            Attendance._read_group([], ["employee_id"], ["hours:sum", "__count"]), [(self.employee_a, 2.5, 1)]
        )
        self.assertFalse(Attendance.search([("employee_id", "=", self.employee_b.id)]))
        self.assertEqual(Attendance.search_count([("session_id", "=", self.session.id)]), 1)
        Ledger = self.env["org.study.ledger"].with_user(self.user_a)
        self.assertEqual(
            Ledger._read_group([("year", "=", 2026)], ["employee_id"], ["done_hours:sum"]),
            [(self.employee_a, 2.5)],
        )
        self.assertEqual(
            Ledger.read_group([], ["done_hours:sum"], ["department_id"], lazy=False)[0]["done_hours"], 2.5
        )
        self.assertFalse(Ledger.search([("employee_id", "=", self.employee_b.id)]))
        # Employee B sees their own line, not A's.
        self.assertEqual(
            self.env["org.study.ledger"].with_user(self.user_b).search([("year", "=", 2026)]).employee_id,
            self.employee_b,
        )

    def test_employee_reads_no_other_study_records(self):
        for model in (
            "org.study.plan",
            "org.research.visit",
            "org.community.service",
            "org.research.problem",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.user_a).search([])
        with self.assertRaises(AccessError):
            self.env["org.study.requirement"].with_user(self.user_a).create({"name": "自设要求", "hours": 1})
        with self.assertRaises(AccessError):
            self.env["org.study.session"].with_user(self.user_a).create(
                {"name": "自建学习", "type_id": self.study_type.id, "date_start": "2026-05-01 07:00:00"}
            )

    def test_employee_menus(self):
        root = self.env.ref("org_study.menu_org_study_root")
        visible = self.env["ir.ui.menu"].with_user(self.user_a)._visible_menu_ids()

        def shown(menu):
            # The web client shows a menu whose parents are all shown.
            children = menu.child_id.filtered(lambda child: child.id in visible)
            return menu + children.browse([child.id for child in children for child in shown(child)])

        self.assertIn(root.id, visible)
        self.assertEqual(shown(root), root + self.env.ref("org_study.menu_org_study_ledger"))
        leader_visible = self.env["ir.ui.menu"].with_user(self.leader)._visible_menu_ids()
        self.assertIn(self.env.ref("org_study.menu_org_study_ledger_unit").id, leader_visible)
        self.assertNotIn(self.env.ref("org_study.menu_org_community_service_import").id, leader_visible)

    def test_employee_opens_own_ledger_line(self):
        line = self.env["org.study.ledger"].with_user(self.user_a).search([("year", "=", 2026)])
        self.assertEqual(line.attendance_ids, self.attendance_a)
        self.assertEqual(line.attendance_ids.session_id.name, "学习贯彻党的二十大精神")
        officer_line = self.env["org.study.ledger"].with_user(self.officer).browse(line.ids)
        self.assertEqual(officer_line.attendance_ids, self.attendance_a)
