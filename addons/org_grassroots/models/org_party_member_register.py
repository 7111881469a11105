import calendar

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.org_base.tools.cron import BATCH_SIZE

from .org_party_standing_event import STANDING_AFTER

#: 党章 art. 9: six months without organizational life (or dues, or work) → 自行脱党; data:
#: org_grassroots.inactive_months
DEFAULT_INACTIVE_MONTHS = 6
#: 党员教育管理工作条例 art. 24: 停止党籍 2 years and still no contact → 除名 (自行脱党); data:
#: org_grassroots.suspension_expel_years
DEFAULT_SUSPENSION_EXPEL_YEARS = 2


def full_years(start, end):
    """Full years from ``start`` to ``end``, 0 when ``end`` is before ``start``: what
    ``relativedelta(end, start).years`` counts (an anniversary on 29 February falls on
    28 February of a common year), without building a relativedelta."""
    if end < start:
        return 0
    day = min(start.day, calendar.monthrange(end.year, start.month)[1])
    return end.year - start.year - ((end.month, end.day) < (start.month, day))


class OrgPartyMember(models.Model):
    """The member register for the 党内统计: the coded items (民族, 学历, 工作岗位 from org_base's
    dictionaries), 籍贯, the branch and introducers of the admission, 党龄 with its band, 党籍状态
    (from the 党籍变动 events), 流动党员 (流出 registrations) and 失联 (lost-contact
    registrations), all stored so that ``read_group`` gives the statistics' tables; and the
    six-month reminder to the branch secretary."""

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
        compute="_compute_party_standing",
        store=True,
        precompute=True,
        index=True,
        help="The band of the dictionary 党龄段 the 党龄 falls in.",
    )

    # Computed before the INSERT: a roster import of 20,000 members would otherwise UPDATE every
    # row it has just inserted (and its trigram index) for its pinyin.
    name_pinyin = fields.Char(compute="_compute_name_pinyin", store=True, precompute=True)

    @api.depends("date_formal", "standing", "standing_date")
    def _compute_party_standing(self):
        # Set-based: the bands are read once for the batch (a roster import precomputes 20,000
        # new members at once), and the years are counted without a relativedelta per member.
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
            years = full_years(member.date_formal, end) if end else 0
            member.party_standing_years = years
            member.party_standing_band_id = next((band for bound, band in bounds if bound <= years), False)

    # The member's one constraint, over the fields of its rules and of the introducers' (one
    # constraint: a second one would run every rule again on each save and imported row).
    @api.constrains(
        "birthday",
        "date_join",
        "date_formal",
        "status",
        "probation_extension_months",
        "introducer_1_id",
        "introducer_2_id",
    )
    def _check_org_rules(self):
        return super()._check_org_rules()

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
    def _cron_refresh_party_standing(self, batch_size=BATCH_SIZE):
        """党龄 depends on today: recompute the members whose stored 党龄 is no longer the
        full years since their formal date (their anniversary passed), found in one query;
        batched with ``_notify_progress`` (``batch_size=None``: all at once)."""
        today = self.env.company._org_office_today()
        self.env.cr.execute(
            """
            SELECT id FROM org_party_member
             WHERE date_formal IS NOT NULL
               AND (standing IS NULL OR standing NOT IN ('exited', 'deceased'))
               AND COALESCE(party_standing_years, -1)
                   <> GREATEST(EXTRACT(YEAR FROM age(%s::date, date_formal))::int, 0)
             ORDER BY id
             LIMIT %s
            """,
            [today, batch_size + 1 if batch_size else None],
        )
        found = self.with_context(active_test=False).browse([row[0] for row in self.env.cr.fetchall()])
        members = found[:batch_size] if batch_size else found
        if members:
            self.env.add_to_compute(self._fields["party_standing_years"], members)
            self.env.add_to_compute(self._fields["party_standing_band_id"], members)
            members.flush_recordset(["party_standing_years", "party_standing_band_id"])
        self.env["ir.cron"]._notify_progress(done=len(members), remaining=len(found) - len(members))
        return members

    # 党籍, 流动 and 失联

    standing_event_ids = fields.One2many("org.party.standing.event", "member_id", string="Standing Changes")
    standing = fields.Selection(
        [
            ("normal", "Normal"),
            ("suspended", "Suspended"),
            ("exited", "Left the Party"),
            ("deceased", "Deceased"),
        ],
        string="Party Standing",
        compute="_compute_standing",
        store=True,
        precompute=True,
        index=True,
        tracking=True,
        help="党籍状态: 正常, 停止党籍, 出党 or 死亡, from the standing changes recorded with the "
        "buttons of the member (恢复党籍 brings a suspended member back to 正常).",
    )
    standing_date = fields.Date(
        string="Standing Since",
        compute="_compute_standing",
        store=True,
        precompute=True,
        help="The date of the last standing change.",
    )
    exit_kind_id = fields.Many2one(
        "org.dictionary.item",
        string="Way of Leaving",
        compute="_compute_standing",
        store=True,
        precompute=True,
        index=True,
        help="出党方式 of a member who left the party.",
    )
    date_restored = fields.Date(
        string="Membership Restored On",
        compute="_compute_standing",
        store=True,
        precompute=True,
        help="恢复党籍: the last restoration.",
    )
    meeting_ids = fields.Many2many(
        "org.party.meeting",
        "org_party_meeting_attendee_rel",
        "member_id",
        "meeting_id",
        string="Meetings Attended",
        readonly=True,
    )
    mobility_ids = fields.One2many("org.party.mobility", "member_id", string="Mobility Registrations")
    is_mobile = fields.Boolean(
        string="Mobile Member",
        compute="_compute_is_mobile",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
        help="流动党员: works or lives away from the organization; set by an open 流出 registration.",
    )
    lost_contact_ids = fields.One2many(
        "org.party.lost.contact", "member_id", string="Lost Contact Registrations"
    )
    is_lost_contact = fields.Boolean(
        string="Lost Contact",
        compute="_compute_is_lost_contact",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
        help="失联党员: the organization cannot reach the member; set by an open lost-contact registration.",
    )
    date_lost_contact = fields.Date(
        string="Contact Lost On",
        compute="_compute_is_lost_contact",
        store=True,
        precompute=True,
        help="The date contact was lost, of the open lost-contact registration.",
    )

    @api.depends("standing_event_ids.kind", "standing_event_ids.date", "standing_event_ids.exit_kind_id")
    def _compute_standing(self):
        for member in self:
            if not member.standing_event_ids:  # a new member, an imported one: nothing to sort
                member.standing = "normal"
                member.standing_date = False
                member.exit_kind_id = False
                member.date_restored = False
                continue
            events = member.standing_event_ids.sorted(lambda event: (event.date, event.id or 0))
            last = events[-1:] if events else events
            member.standing = STANDING_AFTER[last.kind] if last else "normal"
            member.standing_date = last.date if last else False
            member.exit_kind_id = last.exit_kind_id if last.kind == "exit" else False
            restored = events.filtered(lambda event: event.kind == "restore")
            member.date_restored = restored[-1].date if restored else False

    @api.depends("mobility_ids.state", "mobility_ids.kind")
    def _compute_is_mobile(self):
        for member in self:
            if member.mobility_ids:
                member.is_mobile = any(
                    mobility.kind == "out" and mobility.state == "away" for mobility in member.mobility_ids
                )
            else:  # set by hand or by an import, before the registrations existed
                member.is_mobile = member.is_mobile

    @api.depends("lost_contact_ids.date_lost", "lost_contact_ids.date_found")
    def _compute_is_lost_contact(self):
        for member in self:
            if not member.lost_contact_ids:  # set by hand or by an import, before any registration
                member.is_lost_contact = member.is_lost_contact
                member.date_lost_contact = False
                continue
            open_lost = member.lost_contact_ids.filtered(lambda lost: not lost.date_found)
            member.is_lost_contact = bool(open_lost)
            member.date_lost_contact = min(open_lost.mapped("date_lost")) if open_lost else False

    def write(self, vals):
        computed = {"standing", "standing_date", "exit_kind_id", "date_restored"} & set(vals)
        if computed:
            raise UserError(
                self.env._(
                    "%(members)s: the party standing changes only through a standing change (停止党籍, "
                    "出党, 死亡, 恢复党籍) recorded with its date and reason.",
                    members="、".join(self.mapped("name")),
                )
            )
        return super().write(vals)

    # Buttons of the member form: each opens the registration it records, in a dialog.

    def _org_open_dialog(self, model, name, context):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_member_id": self.id, **context},
        }

    def action_suspend_standing(self):
        return self._org_open_dialog(
            "org.party.standing.event", self.env._("Suspend Membership"), {"default_kind": "suspend"}
        )

    def action_restore_standing(self):
        return self._org_open_dialog(
            "org.party.standing.event", self.env._("Restore Membership"), {"default_kind": "restore"}
        )

    def action_exit_party(self):
        return self._org_open_dialog(
            "org.party.standing.event", self.env._("Leaving the Party"), {"default_kind": "exit"}
        )

    def action_record_death(self):
        return self._org_open_dialog(
            "org.party.standing.event", self.env._("Record a Death"), {"default_kind": "death"}
        )

    def action_register_out(self):
        return self._org_open_dialog(
            "org.party.mobility",
            self.env._("Register Going Away"),
            {"default_kind": "out", "default_organization_id": self.organization_id.id},
        )

    def action_register_lost_contact(self):
        return self._org_open_dialog("org.party.lost.contact", self.env._("Register Lost Contact"), {})

    def action_register_return(self):
        """回流: the member's open 流出 registrations end today."""
        self.mobility_ids.filtered(
            lambda mobility: mobility.kind == "out" and mobility.state == "away"
        ).action_end()
        return True

    def action_open_lost_contact(self):
        """The open lost-contact registration, to log the search or record the contact found."""
        self.ensure_one()
        lost = self.lost_contact_ids.filtered(lambda record: not record.date_found)[:1]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Lost Contact"),
            "res_model": "org.party.lost.contact",
            "view_mode": "form",
            "views": [(False, "form")],
            "res_id": lost.id,
            "target": "current",
        }

    def action_open_mobility(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("org_grassroots.org_party_mobility_action")
        action.update(
            domain=[("member_id", "=", self.id)],
            context={"default_member_id": self.id, "default_kind": "out"},
        )
        return action

    # The six-month reminder (党章 art. 9)

    @api.model
    def _org_inactive_months(self):
        value = self.env["ir.config_parameter"].sudo().get_param("org_grassroots.inactive_months")
        return int(value) if value and value.isdigit() else DEFAULT_INACTIVE_MONTHS

    @api.model
    def _org_inactivity_domains(self, cutoff):
        """Hook: ``[(domain, reason)]``, each a domain of the members who lack one sign of
        membership since ``cutoff`` and the sentence that says it. A member matching any of them
        is reminded (党章 art. 9: six months without organizational life, or without paying
        dues, or without the work the party gives). This addon gives organizational life: no
        held meeting attended since ``cutoff``. The dues addon extends it with
        ``super()._org_inactivity_domains(cutoff) + [(domain of members without dues since
        cutoff, its reason)]``."""
        return [
            (
                ["!", ("meeting_ids", "any", [("state", "=", "held"), ("date", ">=", cutoff)])],
                self.env._("no organizational life (meeting attended) since %(date)s", date=cutoff),
            )
        ]

    @api.model
    def _cron_inactivity_reminders(self, batch_size=BATCH_SIZE):
        """Remind the branch secretary of each member in normal standing, member for six months
        or more, who lacks organizational life (or, with the dues addon, dues) for six months:
        check whether contact is lost (失联) and act (党章 art. 9). One activity per member while
        it is open; batched with ``_notify_progress``."""
        today = self.env.company._org_office_today()
        cutoff = today - relativedelta(months=self._org_inactive_months())
        activity_type = self.env.ref("org_grassroots.mail_activity_type_inactive_member")
        inactivity = self._org_inactivity_domains(cutoff)
        domain = expression.AND(
            [
                [
                    ("standing", "=", "normal"),
                    ("is_lost_contact", "=", False),
                    "|",
                    ("date_join", "<", cutoff),
                    "&",
                    ("date_join", "=", False),
                    ("create_date", "<", cutoff),
                    "!",
                    ("activity_ids", "any", [("activity_type_id", "=", activity_type.id)]),
                ],
                expression.OR([domain for domain, _reason in inactivity]),
            ]
        )
        found = self.search(domain, limit=batch_size + 1, order="id")
        batch = found[:batch_size]
        reasons = {member.id: [] for member in batch}
        for reason_domain, reason in inactivity:
            for member in self.search(expression.AND([[("id", "in", batch.ids)], reason_domain])):
                reasons[member.id].append(reason)
        plans = [
            (
                member,
                {
                    "user_id": member.organization_id._reminder_user().id,
                    "date_deadline": today,
                    "summary": self.env._("Check whether contact with the member is lost"),
                    "note": self.env._(
                        "%(member)s: %(reasons)s.", member=member.name, reasons="；".join(reasons[member.id])
                    ),
                },
            )
            for member in batch
        ]
        # 停止党籍 for two years: the branch decides the 除名 (自行脱党) of those still out of contact.
        years = self._org_suspension_expel_years()
        suspended = self.search(
            [
                ("standing", "=", "suspended"),
                ("standing_date", "<=", today - relativedelta(years=years)),
                "!",
                ("activity_ids", "any", [("activity_type_id", "=", activity_type.id)]),
            ],
            limit=batch_size,
            order="id",
        )
        plans += [
            (
                member,
                {
                    "user_id": member.organization_id._reminder_user().id,
                    "date_deadline": today,
                    "summary": self.env._("Suspended for %(years)s years: decide the removal", years=years),
                    "note": self.env._(
                        "%(member)s: membership suspended since %(date)s; still out of contact, the member "
                        "is removed as having left the party of their own accord (自行脱党除名).",
                        member=member.name,
                        date=member.standing_date,
                    ),
                },
            )
            for member in suspended
        ]
        self.env["mail.activity"]._org_schedule_batch(activity_type, plans, automated=True)
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=len(found) - len(batch))
        return batch | suspended

    @api.model
    def _org_suspension_expel_years(self):
        value = self.env["ir.config_parameter"].sudo().get_param("org_grassroots.suspension_expel_years")
        return int(value) if value and value.isdigit() else DEFAULT_SUSPENSION_EXPEL_YEARS
