import contextlib

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.sql import create_index, index_exists

from odoo.addons.org_base.tools.resident_id import ResidentIdError, parse_resident_id

# 党章 art. 1, 发展党员工作细则 art. 5: one joins at eighteen or older.
ADULT_AGE = 18
# 党章 art. 7: the probation lasts one year; the formal stage of the development pipeline
# (data, org.party.candidate.stage) states it, this is the fallback when it is missing.
PROBATION_MONTHS = 12
# 延长预备期: once, by at least half a year and at most one year.
EXTENSION_MIN_MONTHS = 6
EXTENSION_MAX_MONTHS = 12


def extension_messages(record):
    """延长预备期 of ``record`` (a member or a candidate): 6 to 12 months (党章 art. 7; 细则 art. 32)."""
    extension = record.probation_extension_months or 0
    if not extension or EXTENSION_MIN_MONTHS <= extension <= EXTENSION_MAX_MONTHS:
        return []
    return [
        (
            ("probation_extension_months",),
            record.env._(
                "the probation is extended by %(months)s months: an extension is of %(min)s "
                "to %(max)s months.",
                months=extension,
                min=EXTENSION_MIN_MONTHS,
                max=EXTENSION_MAX_MONTHS,
            ),
        )
    ]


def birth_date(birthday, number):
    """The birth date, or the one the ID number gives when none is stored yet (a record the
    roster import checks before creating it, whose birthday create() would fill)."""
    if birthday or not number:
        return birthday
    with contextlib.suppress(ResidentIdError):
        return parse_resident_id(number)[1]
    return False


# The member list's index: its order, a secretary's subtree as a range, the count of a page.
PATH_INDEX = "org_party_member_organization_path_index"


def c_collation(cr):
    """Whether the database sorts text by bytes (collation "C"), as Odoo creates it."""
    cr.execute("SELECT datcollate FROM pg_database WHERE datname = current_database()")
    return cr.fetchone()[0] in ("C", "POSIX")


class OrgPartyMember(models.Model):
    """A party member (党员) of a party organization, probationary or formal."""

    _name = "org.party.member"
    _description = "Party Member"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.resident.id.mixin", "org.party.scope.mixin"]
    # The tree order of the organizations (theirs is parent_path first), read from the member's
    # own copy of the path: the first page of the list is one walk of the index made in init(),
    # and a secretary's subtree (the rule matches the path's prefix) one range of it.
    _order = "organization_path, name, id"

    _resident_id_field = "id_number"
    _resident_id_birthday_field = "birthday"
    _resident_id_gender_field = "gender"

    # Person
    name = fields.Char(string="Member Name", required=True, tracking=True)
    id_number = fields.Char(
        string="ID Number",
        index=True,
        copy=False,
        groups="org_base.group_org_user",
        help="居民身份证号: 18 characters; a 15-digit number is upgraded.",
    )
    gender = fields.Selection([("male", "Male"), ("female", "Female")], tracking=True)
    birthday = fields.Date(string="Date of Birth")
    mobile_phone = fields.Char()
    employee_id = fields.Many2one(
        "hr.employee", ondelete="set null", help="The member's employee record, if any."
    )
    user_id = fields.Many2one(
        "res.users",
        string="Member Account",
        ondelete="set null",
        copy=False,
        index="btree_not_null",
        help="The member's own login (a portal account as a rule): what the member sees and signs "
        "in with is this member's record only.",
    )
    active = fields.Boolean(default=True, tracking=True)

    # Membership
    organization_id = fields.Many2one(
        "org.party.organization",
        string="Party Organization",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    organization_path = fields.Char(
        related="organization_id.parent_path",
        store=True,
        # in the INSERT: a roster import would otherwise UPDATE every row it has just inserted
        precompute=True,
        string="Organization Path",
        help="The organization's place in the tree (its parent_path), kept on the member: the "
        "list's order and the party secretaries' record rule read it.",
    )
    status = fields.Selection(
        [("probationary", "Probationary"), ("formal", "Formal")],
        required=True,
        default="probationary",
        tracking=True,
    )
    date_join = fields.Date(
        string="Joined On", tracking=True, help="入党时间: admitted as a probationary member."
    )
    date_formal = fields.Date(
        string="Formal On",
        tracking=True,
        help="转正时间: the day the probation ends (党龄 counts from it), not the day it is recorded.",
    )
    probation_extension_months = fields.Integer(
        string="Probation Extended by (Months)",
        tracking=True,
        help="延长预备期: once, by 6 to 12 months.",
    )
    date_probation_end = fields.Date(
        string="Probation Ends On",
        compute="_compute_date_probation_end",
        store=True,
        precompute=True,
        help="Joining date plus one year of probation plus any extension: the 转正 date.",
    )
    date_formal_recorded = fields.Date(
        string="转正 Recorded On",
        readonly=True,
        copy=False,
        help="The day the 转正 was recorded (the button), which may be later than the 转正 date.",
    )
    formal_late = fields.Boolean(
        string="转正 Late",
        compute="_compute_formal_late",
        store=True,
        precompute=True,
        help="The 转正 was recorded, or dated, later than the probation ended.",
    )
    party_post = fields.Char(tracking=True, help="e.g. 支部书记, 组织委员.")
    work_unit = fields.Char(tracking=True)
    is_mobile = fields.Boolean(
        string="Mobile Member", tracking=True, help="流动党员: works or lives away from the organization."
    )
    is_lost_contact = fields.Boolean(
        string="Lost Contact", tracking=True, help="失联党员: the organization cannot reach the member."
    )
    # the office's remarks on the member: staff only (a member reading their own record through
    # the member portal does not see them)
    note = fields.Html(groups="base.group_user")

    _sql_constraints = [
        ("id_number_uniq", "unique(id_number)", "Another party member already has this ID number."),
        ("user_uniq", "unique(user_id)", "This account already belongs to another party member."),
    ]

    def init(self):
        res = super().init()
        # Serves the list's order and the prefix match of the secretaries' rule (LIKE 'path%'
        # in the database's "C" collation, which Odoo creates its databases with). With
        # "active" in it, the list's count of a subtree (up to 10,001 members: the web client's
        # count limit) reads the index alone once the table is vacuumed, whatever the order of
        # the rows on disk.
        cr = self.env.cr
        if not index_exists(cr, PATH_INDEX):
            cr.execute(
                SQL(
                    "CREATE INDEX %s ON %s (organization_path, name, id) INCLUDE (active)",
                    SQL.identifier(PATH_INDEX),
                    SQL.identifier(self._table),
                )
            )
        # A database made with another collation (restored into a cluster of its own, say)
        # cannot match a prefix on that index: it gets an index for the prefix alone.
        if not c_collation(cr):
            create_index(
                cr,
                "org_party_member_organization_path_pattern_index",
                self._table,
                ["organization_path varchar_pattern_ops"],
            )
        return res

    def _org_birthday(self):
        return birth_date(self.birthday, self.sudo().id_number)

    @api.model
    def _org_probation_months(self):
        """The probation (预备期) in months: the formal stage's minimum, data (党章 art. 7)."""
        stage = self.env.ref("org_grassroots.candidate_stage_formal", raise_if_not_found=False)
        return stage.min_months if stage and stage.min_months else PROBATION_MONTHS

    @api.depends("date_join", "probation_extension_months")
    def _compute_date_probation_end(self):
        months = self._org_probation_months()
        deltas = {}  # one relativedelta per length of probation, not one per member
        for member in self:
            extension = member.probation_extension_months or 0
            if extension not in deltas:
                deltas[extension] = relativedelta(months=months + extension)
            member.date_probation_end = member.date_join and member.date_join + deltas[extension]

    @api.depends("date_formal", "date_formal_recorded", "date_probation_end")
    def _compute_formal_late(self):
        for member in self:
            due = member.date_probation_end
            member.formal_late = bool(
                due
                and member.date_formal
                and (member.date_formal > due or (member.date_formal_recorded or due) > due)
            )

    @api.constrains("birthday", "date_join", "date_formal", "status", "probation_extension_months")
    def _check_org_rules(self):
        # As superuser: the rules compare values (the ID number among them) that a user who
        # may edit the record does not always read (e.g. a secretary).
        self.sudo()._org_check_rules()

    def _org_rule_messages(self):
        """党章 art. 1, 5, 7; 发展党员工作细则 art. 5, 30-31 (README › Rules)."""
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
        birthday, joined, formal = self._org_birthday(), self.date_join, self.date_formal
        if joined and joined > today:
            messages.append(
                (
                    ("date_join",),
                    self.env._(
                        "the joining date %(date)s is in the future (today is %(today)s).",
                        date=joined,
                        today=today,
                    ),
                )
            )
        if formal and formal > today:
            messages.append(
                (
                    ("date_formal",),
                    self.env._(
                        "the formal date %(date)s is in the future (today is %(today)s).",
                        date=formal,
                        today=today,
                    ),
                )
            )
        if birthday and joined:
            if joined <= birthday:
                messages.append(
                    (
                        ("id_number", "birthday", "date_join"),
                        self.env._(
                            "the joining date %(date)s is not after the birth date %(birthday)s.",
                            date=joined,
                            birthday=birthday,
                        ),
                    )
                )
            elif joined < birthday + relativedelta(years=ADULT_AGE):
                messages.append(
                    (
                        ("id_number", "birthday", "date_join"),
                        self.env._(
                            "joined on %(date)s, before the %(age)sth birthday (%(adult)s): one "
                            "joins the party at "
                            "%(age)s or older.",
                            date=joined,
                            age=ADULT_AGE,
                            adult=birthday + relativedelta(years=ADULT_AGE),
                        ),
                    )
                )
        if formal and birthday and formal <= birthday:
            messages.append(
                (
                    ("id_number", "birthday", "date_formal"),
                    self.env._(
                        "the formal date %(date)s is not after the birth date %(birthday)s.",
                        date=formal,
                        birthday=birthday,
                    ),
                )
            )
        if formal and joined and formal < self.date_probation_end:
            messages.append(
                (
                    ("date_join", "date_formal"),
                    self.env._(
                        "became formal on %(date)s, before the probation ends on %(end)s (joined on "
                        "%(joined)s, "
                        "%(months)s months of probation).",
                        date=formal,
                        end=self.date_probation_end,
                        joined=joined,
                        months=self._org_probation_months() + (self.probation_extension_months or 0),
                    ),
                )
            )
        if self.status == "probationary" and formal:
            messages.append(
                (
                    ("status", "date_formal"),
                    self.env._("a probationary member has no formal date (%(date)s) yet.", date=formal),
                )
            )
        messages.extend(extension_messages(self))
        return messages

    def _org_check_user_id_write(self, vals_list):
        """The member's account (user_id) is who the member portal and meeting sign-in take the
        member to be: linking one is for officers and administrators (a secretary's member
        accounts are created new, as superuser, by the account wizard of the member portal),
        so a secretary cannot link a member to their own or anyone's existing account and act
        as the member."""
        if self.env.su or not any("user_id" in vals for vals in vals_list):
            return
        if not self.env.user.has_group("org_base.group_org_user"):
            raise AccessError(
                self.env._(
                    "Only organization officers link a party member to an account; party secretaries "
                    "create their members' own accounts with “Member Accounts”."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._org_check_user_id_write(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._org_check_user_id_write([vals])
        if vals.get("probation_extension_months"):
            for member in self:
                extension = member.probation_extension_months
                if extension and extension != vals["probation_extension_months"]:
                    raise UserError(
                        self.env._(
                            "%(member)s: the probation was already extended once, by %(months)s months; "
                            "it is extended only once.",
                            member=member.name,
                            months=extension,
                        )
                    )
        return super().write(vals)

    def action_make_formal(self):
        """转正: the member becomes formal on the day the probation ends, not the day of the click.
        Refused before the probation ends; recorded later than that, the 转正 is marked late."""
        today = self.env.company._org_office_today()
        for member in self:
            if member.status == "formal":
                raise UserError(self.env._("%(member)s is already a formal member.", member=member.name))
            if not member.date_join:
                raise UserError(
                    self.env._(
                        "%(member)s: the joining date is needed to compute the 转正 date.", member=member.name
                    )
                )
            if today < member.date_probation_end:
                raise UserError(
                    self.env._(
                        "%(member)s: the probation ends on %(end)s; the 转正 cannot be recorded before.",
                        member=member.name,
                        end=member.date_probation_end,
                    )
                )
            member.write(
                {"status": "formal", "date_formal": member.date_probation_end, "date_formal_recorded": today}
            )
        return True

    def action_start_transfer(self):
        """Open a new membership transfer (组织关系转接) of this member."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Membership Transfer"),
            "res_model": "org.party.transfer",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_member_id": self.id,
                "default_organization_from_id": self.organization_id.id,
            },
        }
