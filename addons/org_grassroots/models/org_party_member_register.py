from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class OrgPartyMember(models.Model):
    """The member register for the 党内统计: the coded items (民族, 学历, 工作岗位 from org_base's
    dictionaries), 籍贯, the branch and introducers of the admission, and 党龄 with its band,
    all stored so that ``read_group`` gives the statistics' tables."""

    _inherit = "org.party.member"

    ethnicity_id = fields.Many2one(
        "org.dictionary.item",
        domain=[("dictionary_code", "=", "ethnicity")],
        tracking=True,
    )
    education_id = fields.Many2one(
        "org.dictionary.item",
        domain=[("dictionary_code", "=", "education")],
        tracking=True,
        help="学历 (GB/T 4658).",
    )
    native_place = fields.Char(tracking=True, help="籍贯, e.g. 湖北武汉.")
    job_category_id = fields.Many2one(
        "org.dictionary.item",
        string="Job Category",
        domain=[("dictionary_code", "=", "job_category")],
        index=True,
        tracking=True,
        help="工作岗位 in the classification of the 党内统计 (dictionary 党员工作岗位).",
    )
    join_organization_id = fields.Many2one(
        "org.party.organization",
        string="Branch at Admission",
        ondelete="set null",
        tracking=True,
        help="入党时所在支部, when it is a party organization of the zone.",
    )
    join_organization_name = fields.Char(
        string="Branch at Admission (Outside the Zone)",
        tracking=True,
        help="入党时所在支部, when it is outside the zone.",
    )
    introducer_1_id = fields.Many2one(
        "org.party.member",
        string="First Introducer",
        ondelete="set null",
        tracking=True,
        domain="[('status', '=', 'formal'), ('id', '!=', id)]",
        help="入党介绍人: a formal party member.",
    )
    introducer_2_id = fields.Many2one(
        "org.party.member",
        string="Second Introducer",
        ondelete="set null",
        tracking=True,
        domain="[('status', '=', 'formal'), ('id', '!=', id)]",
        help="入党介绍人: a formal party member.",
    )
    introducers_note = fields.Char(
        string="Introducers (Outside the Zone)", help="入党介绍人 who are not members of the zone, by name."
    )
    party_standing_years = fields.Integer(
        string="Party Standing (Years)",
        compute="_compute_party_standing",
        store=True,
        precompute=True,
        help="党龄: full years since the formal date (党章 art. 7), to the exit or death date when "
        "the member left; refreshed every day.",
    )
    party_standing_band_id = fields.Many2one(
        "org.dictionary.item",
        string="Party Standing Band",
        compute="_compute_party_standing",
        store=True,
        precompute=True,
        index=True,
        help="The band of the dictionary 党龄段 the 党龄 falls in.",
    )

    @api.depends("date_formal", "standing", "standing_date")
    def _compute_party_standing(self):
        today = self.env.company._org_office_today()
        bands = self.env["org.dictionary.item"].search([("dictionary_code", "=", "party_standing_band")])
        # (lower bound in years, entry), highest first: the code of a band is its lower bound.
        bounds = sorted(
            ((int(band.code), band) for band in bands if band.code.isdigit()),
            key=lambda pair: pair[0],
            reverse=True,
        )
        for member in self:
            if not member.date_formal:
                member.party_standing_years = 0
                member.party_standing_band_id = False
                continue
            end = member.standing_date if member.standing in ("exited", "deceased") else today
            years = max(relativedelta(end, member.date_formal).years, 0) if end else 0
            member.party_standing_years = years
            member.party_standing_band_id = next((band for bound, band in bounds if bound <= years), False)

    @api.constrains("introducer_1_id", "introducer_2_id", "date_join")
    def _check_org_introducer_rules(self):
        self.sudo()._org_check_rules()

    def _org_rule_messages(self):
        """入党介绍人 (党章 art. 5; 细则 art. 15): formal members, two different ones, not the
        member himself, formal before the member joined (README › Rules)."""
        messages = super()._org_rule_messages()
        introducers = [(name, self[name]) for name in ("introducer_1_id", "introducer_2_id") if self[name]]
        origin = self._origin or self
        for name, introducer in introducers:
            if introducer == origin or introducer == self:
                messages.append(
                    (
                        (name,),
                        self.env._(
                            "the introducer %(member)s is the member himself.", member=introducer.name
                        ),
                    )
                )
                continue
            if introducer.status != "formal":
                messages.append(
                    (
                        (name,),
                        self.env._(
                            "the introducer %(member)s is not a formal party member.", member=introducer.name
                        ),
                    )
                )
            elif self.date_join and introducer.date_formal and introducer.date_formal > self.date_join:
                messages.append(
                    (
                        (name, "date_join"),
                        self.env._(
                            "the introducer %(member)s became formal on %(formal)s, after the admission "
                            "on %(date)s: an introducer is a formal member.",
                            member=introducer.name,
                            formal=introducer.date_formal,
                            date=self.date_join,
                        ),
                    )
                )
        if len(introducers) == 2 and introducers[0][1] == introducers[1][1]:
            messages.append(
                (
                    ("introducer_1_id", "introducer_2_id"),
                    self.env._(
                        "%(member)s is named twice as introducer: two different members are needed.",
                        member=introducers[0][1].name,
                    ),
                )
            )
        return messages

    def action_link_employees(self):
        """Link the members without an employee to the employee with the same resident ID
        number (``hr.employee.identification_id``), in one search."""
        members = self.sudo().filtered(lambda member: not member.employee_id and member.id_number)
        employees = (
            self.env["hr.employee"].sudo().search([("identification_id", "in", members.mapped("id_number"))])
        )
        by_number = {employee.identification_id: employee for employee in employees}
        linked = self.browse()
        for member in members:
            employee = by_number.get(member.id_number)
            if employee:
                self.browse(member.id).employee_id = employee
                linked |= member
        return linked

    @api.model
    def _cron_refresh_party_standing(self):
        """党龄 depends on today: recompute the members whose stored 党龄 is no longer the
        full years since their formal date (their anniversary passed), in one query."""
        today = self.env.company._org_office_today()
        self.env.cr.execute(
            """
            SELECT id FROM org_party_member
             WHERE date_formal IS NOT NULL
               AND (standing IS NULL OR standing NOT IN ('exited', 'deceased'))
               AND COALESCE(party_standing_years, -1)
                   <> GREATEST(EXTRACT(YEAR FROM age(%s::date, date_formal))::int, 0)
            """,
            [today],
        )
        members = self.with_context(active_test=False).browse([row[0] for row in self.env.cr.fetchall()])
        if members:
            self.env.add_to_compute(self._fields["party_standing_years"], members)
            self.env.add_to_compute(self._fields["party_standing_band_id"], members)
            members.flush_recordset(["party_standing_years", "party_standing_band_id"])
        return members
