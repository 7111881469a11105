import datetime

from odoo.tools import mute_logger

from odoo.addons.org_grassroots.tests.common import GrassrootsCommon

JAN, FEB, MAR, APR = (datetime.date(2025, month, 1) for month in (1, 2, 3, 4))


class DuesCommon(GrassrootsCommon):
    """GrassrootsCommon's two subtrees; 测试党员甲 (甲一支部) is in service with a monthly income of
    4,000 元 in 2025 (40.00 a month), 测试党员乙 (乙一支部, probationary) a student (0.20)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.in_service = cls.env.ref("org_party_dues.dues_category_in_service")
        cls.retired = cls.env.ref("org_party_dues.dues_category_retired")
        cls.farmer = cls.env.ref("org_party_dues.dues_category_farmer")
        cls.student = cls.env.ref("org_party_dues.dues_category_student")
        cls.member_a1.dues_category_id = cls.in_service
        cls.member_b1.dues_category_id = cls.student
        Base = cls.env["org.party.dues.base"]
        cls.base_a1 = Base.create({"member_id": cls.member_a1.id, "year": 2025, "income": 4000})
        cls.Line = cls.env["org.party.dues.line"]

    def assertRefused(self, exception, pattern, call):
        """``call`` raises ``exception`` matching ``pattern``; what it wrote is rolled back (as
        the request's transaction would be) and the cache forgotten."""
        with self.assertRaisesRegex(exception, pattern), mute_logger("odoo.sql_db"), self.cr.savepoint():
            call()
        self.env.invalidate_all()

    @classmethod
    def _lines(cls, *months):
        for month in months:
            cls.Line._cron_create_monthly_lines(month)
        return cls.Line.search([("month", "in", list(months))])
