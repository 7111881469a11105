from contextlib import closing
from datetime import date, timedelta
from functools import partial
from unittest.mock import patch

from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from .common import TalentCommon


@tagged("post_install", "-at_install")
class TestConcurrentSteps(BaseCase):
    """Two officers act on claims of one talent at the same moment, in two real transactions
    (REPEATABLE READ, as Odoo runs requests): one succeeds, the other gets a clear refusal once
    Odoo runs its request again, never a raw database error and never two granted claims. The
    data is committed for the two transactions to see it and removed afterwards."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            policy = env["org.talent.policy"].create({"name": "并发测试政策", "date_start": date(2020, 1, 1)})
            item = env["org.talent.policy.item"].create(
                {"policy_id": policy.id, "name": "并发测试补贴", "kind": "housing", "period": "once"}
            )
            talent = env["org.talent"].create({"name": "并发测试人才"})
            claims = env["org.talent.application"].create(
                [
                    {
                        "talent_id": talent.id,
                        "policy_item_id": item.id,
                        "amount": 100,
                        "date_claim": date.today(),
                    }
                    for _i in range(2)
                ]
            )
            self.ids = {
                "policy": policy.id,
                "item": item.id,
                "talent": talent.id,
                "partner": talent.partner_id.id,
            }
            self.claim_ids = claims.ids
        self.addCleanup(self._remove)

    def _remove(self):
        with self.registry.cursor() as cr:
            for model, ids in (
                ("org.talent.application", tuple(self.claim_ids)),
                ("org.talent", (self.ids["talent"],)),
            ):
                cr.execute("DELETE FROM mail_message WHERE model = %s AND res_id IN %s", [model, ids])
                cr.execute("DELETE FROM mail_followers WHERE res_model = %s AND res_id IN %s", [model, ids])
            cr.execute("DELETE FROM org_talent_application WHERE id IN %s", [tuple(self.claim_ids)])
            cr.execute("DELETE FROM org_talent WHERE id = %s", [self.ids["talent"]])
            cr.execute("DELETE FROM res_partner WHERE id = %s", [self.ids["partner"]])
            cr.execute("DELETE FROM org_talent_policy_item WHERE id = %s", [self.ids["item"]])
            cr.execute("DELETE FROM org_talent_policy WHERE id = %s", [self.ids["policy"]])

    def _race(self, first, second):
        """Both transactions take their snapshot, then ``first`` runs and commits, then
        ``second`` runs as Odoo runs a request (again on a serialization failure)."""
        with closing(self.registry.cursor()) as cr1, closing(self.registry.cursor()) as cr2:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            cr1.execute("SELECT 1")
            cr2.execute("SELECT 1")
            first(env1["org.talent.application"])
            cr1.commit()
            with patch("odoo.service.model.time.sleep"), mute_logger("odoo.service.model", "odoo.sql_db"):
                retrying(partial(second, env2["org.talent.application"]), env2)

    def _states(self):
        with closing(self.registry.cursor()) as cr:
            cr.execute(
                "SELECT state FROM org_talent_application WHERE id IN %s ORDER BY id", [tuple(self.claim_ids)]
            )
            return [state for (state,) in cr.fetchall()]

    def test_two_identical_claims_submitted_at_once(self):
        first, second = self.claim_ids
        with self.assertRaisesRegex(
            UserError, "Double claim: 并发测试人才 already claimed item 并发测试补贴"
        ):
            self._race(
                lambda claims: claims.browse(first).action_submit(),
                lambda claims: claims.browse(second).action_submit(),
            )
        self.assertEqual(self._states(), ["submitted", "draft"])

    def test_two_officers_approve_one_claim_at_once(self):
        first, _second = self.claim_ids
        with self.registry.cursor() as cr:
            claim = api.Environment(cr, SUPERUSER_ID, {})["org.talent.application"].browse(first)
            for method in ("action_submit", "action_start_review", "action_pass_first_review"):
                getattr(claim, method)()
            claim.action_pass_second_review()
            claim.date_notice_start -= timedelta(days=30)  # the notice is over
        with self.assertRaisesRegex(UserError, "is Approved; this step needs it to be Public Notice"):
            self._race(
                lambda claims: claims.browse(first).action_approve(),
                lambda claims: claims.browse(first).action_approve(),
            )
        self.assertEqual(self._states(), ["approved", "draft"])


@tagged("post_install", "-at_install")
class TestDoubleClaimGuard(TalentCommon):
    def test_a_stale_approval_is_refused_clearly(self):
        """What an officer whose view predates another approval runs into: the database's
        guard, turned into a clear refusal naming the claim; nothing is stored."""
        first = self._run_to(self._claim(self.talent_a, self.item_rent, 10_000), "approved")
        second = self._claim(self.talent_a, self.item_rent, 10_000)
        second.write({"state": "notice"})
        Application = type(self.env["org.talent.application"])
        with (
            patch.object(Application, "_claim_problems", lambda self, counted_states=None: []),
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(
                UserError,
                rf"Claim {second.name}: its approval was refused: 张测试 was granted item 测试租房补贴 "
                "for year 2025 at the same moment",
            ),
        ):
            second.action_approve()
        self.assertEqual(
            (first.state, second.state, second.approve_user_id.id), ("approved", "notice", False)
        )

    def test_other_database_errors_are_not_hidden(self):
        claim = self._claim(self.talent_a, self.item_rent, 10_000)
        with mute_logger("odoo.sql_db"), self.assertRaises(errors.NotNullViolation), self.env.cr.savepoint():
            claim._write_step("submit", {"state": None})
