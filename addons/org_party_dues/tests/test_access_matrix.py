"""The access matrix of readme/SECURITY.md, cell by cell, as org_grassroots' (same letters):
``A`` every record, ``S`` the user's own subtree only, ``-`` none."""

import datetime

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.org_grassroots.tests.test_access_matrix import OPERATIONS, ROLES

from .common import JAN, DuesCommon

MATRIX = {
    "org.party.dues.category": "A--- A--- A--- AAAA AAAA A--- A---",
    "org.party.dues.bracket": "A--- A--- A--- AAAA AAAA A--- A---",
    "org.party.dues.base": "---- AAAA ---- ---- AAAA SSSS SSSS",
    "org.party.dues.line": "---- AAAA ---- ---- AAAA SSS- SSS-",
    "org.party.dues.payment": "---- AAAA ---- ---- AAAA SSSS SSSS",
    "org.party.dues.remittance": "---- AAAA A--- ---- AAAA SSS- SSS-",
    "org.party.dues.ledger": "---- A--- A--- ---- A--- S--- S---",
}
WRITE = {
    "org.party.dues.category": {"sequence": 7},
    "org.party.dues.bracket": {"rate": 0.5},
    "org.party.dues.base": {"income": 4100},
    "org.party.dues.line": {"amount": 41},
    "org.party.dues.payment": {"reference": "改"},
    "org.party.dues.remittance": {"note": "改"},
    "org.party.dues.ledger": {},
}


def cell(model, role, operation):
    return MATRIX[model].split()[ROLES.index(role)][OPERATIONS.index(operation)]


@tagged("post_install", "-at_install")
class TestAccessMatrix(DuesCommon):
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
        for user in cls.users.values():
            user.groups_id += cls.env.ref("base.group_allow_export")
        cls.member_b1.dues_category_id = cls.in_service
        cls.env["org.party.dues.base"].create({"member_id": cls.member_b1.id, "year": 2025, "income": 5000})
        cls._lines(JAN)
        cls.counters = {}
        # money collected in both branches, so that remittances may be made
        for member in (cls.member_a1, cls.member_b1):
            cls.env["org.party.dues.payment"].create(
                {"member_id": member.id, "date": "2024-01-20", "amount": 500}
            )
        cls.records = {model: (cls._make(model, "a"), cls._make(model, "b")) for model in MATRIX}

    @classmethod
    def _next(cls, model):
        cls.counters[model] = cls.counters.get(model, 0) + 1
        return cls.counters[model]

    @classmethod
    def _vals(cls, model, side):
        member = cls.member_a1 if side == "a" else cls.member_b1
        branch = cls.branch_a1 if side == "a" else cls.branch_b1
        number = cls._next(model)
        if model == "org.party.dues.category":
            return {
                "name": f"矩阵{number}",
                "code": f"matrix{number}",
                "basis": "fixed",
                "fixed_min": 1,
                "fixed_max": 2,
            }
        if model == "org.party.dues.bracket":
            return {"category_id": cls.in_service.id, "income_up_to": 20000 + number, "rate": 2}
        if model == "org.party.dues.base":
            fresh = cls.env["org.party.member"].create(
                {
                    "name": f"矩阵党员{number}",
                    "organization_id": branch.id,
                    "dues_category_id": cls.in_service.id,
                }
            )
            return {"member_id": fresh.id, "year": 2025, "income": 4000}
        if model == "org.party.dues.line":
            return {
                "member_id": member.id,
                "organization_id": branch.id,
                "month": f"{1900 + number}-01-01",
                "amount": 40,
            }
        if model == "org.party.dues.payment":
            return {"member_id": member.id, "date": "2025-01-21", "amount": 1}
        if model == "org.party.dues.remittance":
            month = datetime.date(2024, 1, 1) + relativedelta(months=number)
            return {"organization_id": branch.id, "month": month, "date": month, "amount": 0.5}
        return None

    @classmethod
    def _make(cls, model, side):
        if model == "org.party.dues.ledger":
            branch = cls.branch_a1 if side == "a" else cls.branch_b1
            return cls.env[model].search([("organization_id", "=", branch.id)], limit=1)
        return cls.env[model].create(cls._vals(model, side))

    def _expected(self, model, role, operation):
        record_a, record_b = self.records[model]
        letter = cell(model, role, operation)
        if letter == "A":
            return record_a | record_b
        if letter == "S":
            return record_b if role == "other_secretary" else record_a
        return record_a.browse()

    def test_read(self):
        for model in MATRIX:
            records = self.records[model][0] | self.records[model][1]
            self.assertEqual(len(records), 2, model)
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
                    groups = Model.read_group(domain, [], [])
                    self.assertEqual(groups[0]["__count"] if groups else 0, len(expected))
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

    def test_write(self):
        for model in MATRIX:
            if not WRITE[model]:
                continue
            for role, user in self.users.items():
                expected = self._expected(model, role, "write")
                for record in self.records[model]:
                    with self.subTest(model=model, role=role, record=record.display_name):
                        if record in expected:
                            record.with_user(user).write(WRITE[model])
                        else:
                            with self.assertRaises(AccessError):
                                record.with_user(user).write(WRITE[model])

    def test_create_and_unlink(self):
        for model in MATRIX:
            if model == "org.party.dues.ledger":
                for user in self.users.values():
                    self.assertFalse(self.env[model].with_user(user).browse().has_access("create"))
                continue
            for role, user in self.users.items():
                for operation in ("create", "unlink"):
                    letter = cell(model, role, operation)
                    with self.subTest(model=model, role=role, operation=operation):
                        Model = self.env[model].with_user(user)
                        if letter == "-" and not Model.browse().has_access(operation):
                            continue  # refused by the ACL
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
                                record = self.env[model].create(self._vals(model, side)).with_user(user)
                                if allowed:
                                    record.unlink()
                                    self.assertFalse(record.exists())
                                else:
                                    with self.assertRaises(AccessError):
                                        record.unlink()

    def test_secretary_cannot_move_dues_out_of_the_subtree(self):
        line = self.records["org.party.dues.line"][0].with_user(self.secretary_a)
        with self.assertRaises(AccessError):
            line.organization_id = self.branch_b1
        self.assertEqual(self.records["org.party.dues.line"][0].organization_id, self.branch_a1)

    def test_income_and_amounts_are_personal(self):
        """The base (income) and the monthly amount: officers and the member's secretary; not
        leaders, not another secretary; the months unpaid are not personal (the arrears list)."""
        for role in ("leader", "employee", "configurator"):
            user = self.users[role]
            with self.subTest(role=role):
                member = self.member_a1.with_user(user)
                if member.has_access("read"):
                    for fname in ("dues_monthly_amount", "dues_base_ids", "dues_line_ids"):
                        with self.assertRaises(AccessError):
                            member.read([fname])
                    self.assertEqual(
                        member.read(["dues_months_unpaid"])[0]["dues_months_unpaid"],
                        self.member_a1.dues_months_unpaid,
                    )
        self.assertEqual(
            self.member_a1.with_user(self.secretary_a).dues_monthly_amount,
            0.0 if self.env.company._org_office_today().year != 2025 else 40.0,
        )
        self.assertEqual(
            self.member_a1.with_user(self.secretary_a).dues_base_ids.mapped("income")[-1:], [4000.0]
        )
        with self.assertRaises(AccessError):
            self.member_a1.with_user(self.secretary_b).read(["dues_base_ids"])

    def test_export_is_audited(self):
        lines = self.records["org.party.dues.line"][0]
        lines.with_user(self.user_officer).export_data(["member_id", "amount"])
        log = self.env["org.audit.log"].search(
            [("res_model", "=", "org.party.dues.line"), ("action", "=", "export")]
        )
        self.assertEqual(log.user_id, self.user_officer)
