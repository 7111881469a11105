import base64

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from odoo.addons.org_base.tools import upload_limits
from odoo.addons.org_base.tools.cron import BATCH_SIZE
from odoo.addons.org_base.tools.resident_id import mask_resident_id

# Dossier items counted by the completeness indicator: what the 任免审批表 prints, so a blank
# box of the printed form lowers it (拟免职务 and 奖惩情况 may rightly stay blank).
COMPLETENESS_FIELDS = (
    "birthday",
    "cadre_ethnicity_id",
    "cadre_native_place",
    "place_of_birth",
    "cadre_party_join_date",
    "cadre_work_start_date",
    "cadre_health",
    "cadre_professional_title",
    "cadre_expertise",
    "cadre_fulltime_education_id",
    "cadre_parttime_education_id",
    "cadre_current_post",
    "cadre_proposed_post",
    "cadre_appointment_reason",
    "image_1920",
    "cadre_resume_line_ids",
    "cadre_annual_result_ids",
    "cadre_family_member_ids",
)
CADRE_GROUPS = "org_cadre.group_cadre_officer,org_base.group_org_leader"
# 干部结构分析: the age bands of the roster, (key, label, highest age of the band or None).
AGE_BANDS = (
    ("35", "35 and under", 35),
    ("36_40", "36 to 40", 40),
    ("41_45", "41 to 45", 45),
    ("46_50", "46 to 50", 50),
    ("51_55", "51 to 55", 55),
    ("56", "56 and over", None),
)


def age_band(age):
    """The key of AGE_BANDS that ``age`` (years) falls in."""
    for key, _label, highest in AGE_BANDS:
        if highest is None or age <= highest:
            return key
    return AGE_BANDS[-1][0]


# A text may leave out the ending its dictionary's entries carry: 汉 for 汉族, 工学学士 for
# 工学学士学位, 研究生 for 研究生教育.
DICTIONARY_SUFFIXES = {"ethnicity": ("族",), "degree": ("学位",), "education": ("毕业", "教育")}
# The dossier's dates, checked in their order by HrEmployee._org_rule_messages.
CADRE_DATE_FIELDS = (
    "birthday",
    "cadre_work_start_date",
    "cadre_party_join_date",
    "cadre_current_post_date",
    "cadre_rank_date",
)
# Earlier versions kept these as free text (column: coded field, dictionary); see
# migrations/18.0.1.0.2 and HrEmployee._cadre_adopt_coded_texts.
CODED_TEXT_COLUMNS = {
    "cadre_fulltime_education": ("cadre_fulltime_education_id", "education"),
    "cadre_fulltime_degree": ("cadre_fulltime_degree_id", "degree"),
    "cadre_parttime_education": ("cadre_parttime_education_id", "education"),
    "cadre_parttime_degree": ("cadre_parttime_degree_id", "degree"),
}


def match_entry(entries, code, text):
    """The id of the entry of the dictionary ``code`` that ``text`` names (by name, short
    name or code, or without the ending of DICTIONARY_SUFFIXES), or None; ``entries``: as
    org_base's ``org.dictionary.item._org_entries_by_text`` returns them."""
    text = (text or "").strip()
    if not text:
        return None
    by_text = entries.get(code) or {}
    for candidate in (text, *(text + suffix for suffix in DICTIONARY_SUFFIXES.get(code, ()))):
        if candidate in by_text:
            return by_text[candidate]
    return None


def real_photo(image):
    """``image`` (base64), or False when it is only the generated avatar (SVG)."""
    if not image:
        return False
    head = base64.b64decode(image[:64] + b"=" * (-len(image[:64]) % 4), validate=False)
    if b"<svg" in head or head.lstrip().startswith(b"<?xml"):
        return False
    return image


class HrEmployee(models.Model):
    """The cadre dossier (干部档案) of an employee; its 任免审批表 is the report
    ``report.org_cadre.report_cadre_form``, its LRMX exchange ``hr_employee_lrmx.py``."""

    _inherit = "hr.employee"

    # Dossier
    is_cadre = fields.Boolean(string="Cadre", tracking=True, groups=CADRE_GROUPS)
    cadre_ethnicity_id = fields.Many2one(
        "org.dictionary.item",
        string="Ethnicity",
        domain=[("dictionary_code", "=", "ethnicity")],
        tracking=True,
        groups=CADRE_GROUPS,
    )
    cadre_native_place = fields.Char(string="Native Place", tracking=True, groups=CADRE_GROUPS)
    cadre_party_join_date = fields.Date(string="Joined the Party", tracking=True, groups=CADRE_GROUPS)
    cadre_work_start_date = fields.Date(string="Started Work", tracking=True, groups=CADRE_GROUPS)
    cadre_health = fields.Char(string="Health", groups=CADRE_GROUPS)
    cadre_professional_title = fields.Char(string="Professional Title", groups=CADRE_GROUPS)
    cadre_expertise = fields.Char(string="Familiar Fields and Expertise", groups=CADRE_GROUPS)
    cadre_fulltime_education_id = fields.Many2one(
        "org.dictionary.item",
        string="Full-time Education",
        domain=[("dictionary_code", "=", "education")],
        groups=CADRE_GROUPS,
    )
    cadre_fulltime_degree_id = fields.Many2one(
        "org.dictionary.item",
        string="Full-time Degree",
        domain=[("dictionary_code", "=", "degree")],
        groups=CADRE_GROUPS,
    )
    cadre_fulltime_education_school = fields.Char(
        string="Full-time Education: School and Major", groups=CADRE_GROUPS
    )
    cadre_fulltime_degree_school = fields.Char(
        string="Full-time Degree: School and Major", groups=CADRE_GROUPS
    )
    cadre_parttime_education_id = fields.Many2one(
        "org.dictionary.item",
        string="On-the-job Education",
        domain=[("dictionary_code", "=", "education")],
        groups=CADRE_GROUPS,
    )
    cadre_parttime_degree_id = fields.Many2one(
        "org.dictionary.item",
        string="On-the-job Degree",
        domain=[("dictionary_code", "=", "degree")],
        groups=CADRE_GROUPS,
    )
    cadre_parttime_education_school = fields.Char(
        string="On-the-job Education: School and Major", groups=CADRE_GROUPS
    )
    cadre_parttime_degree_school = fields.Char(
        string="On-the-job Degree: School and Major", groups=CADRE_GROUPS
    )
    cadre_current_post = fields.Char(string="Current Post", tracking=True, groups=CADRE_GROUPS)
    cadre_current_post_date = fields.Date(string="In Current Post Since", tracking=True, groups=CADRE_GROUPS)
    cadre_rank_id = fields.Many2one(
        "org.dictionary.item",
        string="Rank",
        domain=[("dictionary_code", "=", "rank")],
        tracking=True,
        groups=CADRE_GROUPS,
    )
    cadre_rank_date = fields.Date(string="In Rank Since", tracking=True, groups=CADRE_GROUPS)
    cadre_field_ids = fields.Many2many(
        "org.dictionary.item",
        "hr_employee_cadre_field_rel",
        "employee_id",
        "item_id",
        string="Professional Fields",
        domain=[("dictionary_code", "=", "cadre_field")],
        groups=CADRE_GROUPS,
    )
    cadre_category_id = fields.Many2one("org.cadre.category", tracking=True, groups=CADRE_GROUPS)
    is_young_cadre = fields.Boolean(
        string="Young Cadre",
        compute="_compute_is_young_cadre",
        store=True,
        groups=CADRE_GROUPS,
        help="Computed from the age limits of the young-cadre rules for the cadre's rank.",
    )
    cadre_reward_summary = fields.Text(
        string="Rewards and Punishments (form text)",
        groups=CADRE_GROUPS,
        help="The 奖惩情况 text of the appointment form; left empty, the form lists the records below.",
    )
    # 任免审批表: the fields of the pending appointment printed on the form.
    cadre_proposed_post = fields.Char(string="Proposed Post", groups=CADRE_GROUPS)
    cadre_proposed_removal = fields.Char(string="Proposed Removal", groups=CADRE_GROUPS)
    cadre_appointment_reason = fields.Text(string="Reason for Appointment", groups=CADRE_GROUPS)
    cadre_reporting_unit = fields.Char(string="Reporting Unit", groups=CADRE_GROUPS)
    cadre_age_date = fields.Date(
        string="Age Computed On", groups=CADRE_GROUPS, help="The form prints the age at this date."
    )
    cadre_form_date = fields.Date(string="Form Filled On", groups=CADRE_GROUPS)
    cadre_form_filler = fields.Char(string="Form Filled By", groups=CADRE_GROUPS)
    # Sub-records
    cadre_resume_line_ids = fields.One2many(
        "org.cadre.resume.line", "employee_id", string="Resume", groups=CADRE_GROUPS
    )
    cadre_family_member_ids = fields.One2many(
        "org.cadre.family.member", "employee_id", string="Family Members", groups=CADRE_GROUPS
    )
    cadre_reward_ids = fields.One2many(
        "org.cadre.reward", "employee_id", string="Rewards and Punishments", groups=CADRE_GROUPS
    )
    cadre_annual_result_ids = fields.One2many(
        "org.cadre.annual.result", "employee_id", string="Annual Assessment Results", groups=CADRE_GROUPS
    )
    cadre_appointment_ids = fields.Many2many(
        "org.cadre.appointment",
        "hr_employee_org_cadre_appointment_rel",
        "hr_employee_id",
        "org_cadre_appointment_id",
        string="Appointment Records",
        readonly=True,
        groups=CADRE_GROUPS,
    )
    cadre_training_enrollment_ids = fields.One2many(
        "org.cadre.training.enrollment", "employee_id", string="Trainings", readonly=True, groups=CADRE_GROUPS
    )
    # 干部名册 and 结构分析: age on the office's date, kept current by the daily cron.
    cadre_birth_month = fields.Char(
        string="Born",
        compute="_compute_cadre_age",
        store=True,
        groups=CADRE_GROUPS,
        help="Year and month of birth.",
    )
    cadre_gender = fields.Selection(
        [("male", "Male"), ("female", "Female"), ("other", "Other")],
        string="Sex",
        compute="_compute_cadre_gender",
        store=True,
        groups=CADRE_GROUPS,
        help="The gender of the dossier (from the resident ID number), as the appointment form prints it.",
    )
    cadre_age = fields.Integer(
        string="Age", compute="_compute_cadre_age", store=True, aggregator="avg", groups=CADRE_GROUPS
    )
    cadre_age_band = fields.Selection(
        [(key, label) for key, label, _highest in AGE_BANDS],
        string="Age Band",
        compute="_compute_cadre_age",
        store=True,
        groups=CADRE_GROUPS,
    )
    cadre_completeness = fields.Integer(
        string="Dossier Completeness",
        compute="_compute_cadre_completeness",
        store=True,
        aggregator="avg",
        groups=CADRE_GROUPS,
        help="Share of the dossier's key items that are filled in (%).",
    )
    # The missing items are stored by field name and named in the reader's language when shown
    # (stored labels would stay in the language of whoever saved the dossier last).
    cadre_missing_fields = fields.Char(
        string="Missing Fields", compute="_compute_cadre_completeness", store=True, groups=CADRE_GROUPS
    )
    cadre_missing_items = fields.Char(
        string="Missing Items", compute="_compute_cadre_missing_items", groups=CADRE_GROUPS
    )

    # Incentives (点赞, 亮黄灯) and the 能上能下 suggestion
    cadre_incentive_ids = fields.One2many(
        "org.cadre.incentive",
        "employee_id",
        string="Commendations and Yellow Lights",
        groups="org_cadre.group_cadre_officer,org_base.group_org_leader",
    )
    cadre_adjustment_suggested = fields.Boolean(
        string="Adjustment Suggested",
        readonly=True,
        groups="org_cadre.group_cadre_officer,org_base.group_org_leader",
        help="Repeated yellow lights within the window of the settings: consider an adjustment (能上能下).",
    )

    @api.depends("birthday", "cadre_rank_id", "is_cadre")
    def _compute_is_young_cadre(self):
        limits = self.env["org.cadre.young.rule"].sudo()._age_limits_by_rank()
        today = fields.Date.context_today(self)
        for employee in self:
            limit = limits.get(employee.cadre_rank_id.id)
            employee.is_young_cadre = bool(
                employee.is_cadre
                and limit is not None
                and employee.birthday
                and relativedelta(today, employee.birthday).years <= limit
            )

    @api.depends("gender")
    def _compute_cadre_gender(self):
        for employee in self:
            employee.cadre_gender = employee.gender

    @api.depends("birthday")
    def _compute_cadre_age(self):
        todays = {}
        for employee in self:
            company = employee.company_id or self.env.company
            if company not in todays:
                todays[company] = company._org_office_today()
            birthday = employee.birthday
            if not birthday:
                employee.cadre_birth_month = False
                employee.cadre_age = 0
                employee.cadre_age_band = False
                continue
            age = relativedelta(todays[company], birthday).years
            employee.cadre_birth_month = f"{birthday.year}.{birthday.month:02d}"
            employee.cadre_age = age
            employee.cadre_age_band = age_band(age)

    @api.depends(*COMPLETENESS_FIELDS)
    def _compute_cadre_completeness(self):
        for employee in self:
            missing = [
                name
                for name in COMPLETENESS_FIELDS
                if not (employee._cadre_photo() if name == "image_1920" else employee[name])
            ]
            employee.cadre_completeness = round(
                100 * (len(COMPLETENESS_FIELDS) - len(missing)) / len(COMPLETENESS_FIELDS)
            )
            employee.cadre_missing_fields = ",".join(missing) or False

    @api.depends("cadre_missing_fields")
    @api.depends_context("lang")
    def _compute_cadre_missing_items(self):
        labels = {name: self._fields[name]._description_string(self.env) for name in COMPLETENESS_FIELDS}
        for employee in self:
            names = (employee.cadre_missing_fields or "").split(",")
            employee.cadre_missing_items = (
                "、".join(labels[name] for name in names if name in labels) or False
            )

    def _cadre_photo(self):
        """The photo (base64), or False when the image is only the generated avatar (SVG)."""
        self.ensure_one()
        return real_photo(self.sudo().with_context(bin_size=False).image_1920)

    # Domain rules

    @api.constrains(*CADRE_DATE_FIELDS)
    def _check_cadre_dates(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        """The dossier's dates in their order (README › Rules): born, started work at the
        minimum working age (劳动法 art. 15: 16), joined the Party at 18 (党章 art. 1), took
        the current post and rank after starting work; none after the office's today."""
        messages = super()._org_rule_messages()
        company = self.company_id or self.env.company
        today = company._org_office_today()

        def label(name):
            return self._fields[name]._description_string(self.env)

        for name in CADRE_DATE_FIELDS:
            if self[name] and self[name] > today:
                messages.append(
                    (
                        (name,),
                        self.env._(
                            "%(field)s %(date)s is in the future (today is %(today)s).",
                            field=label(name),
                            date=self[name],
                            today=today,
                        ),
                    )
                )
        birthday = self.birthday
        for name, years in (
            ("cadre_work_start_date", company.cadre_min_work_age),
            ("cadre_party_join_date", company.cadre_min_party_age),
        ):
            if birthday and self[name] and self[name] < birthday + relativedelta(years=years):
                messages.append(
                    (
                        ("birthday", name),
                        self.env._(
                            "%(field)s %(date)s is before the age of %(years)s (born %(birthday)s).",
                            field=label(name),
                            date=self[name],
                            years=years,
                            birthday=birthday,
                        ),
                    )
                )
        work_start = self.cadre_work_start_date
        for name in ("cadre_current_post_date", "cadre_rank_date"):
            if work_start and self[name] and self[name] < work_start:
                messages.append(
                    (
                        ("cadre_work_start_date", name),
                        self.env._(
                            "%(field)s %(date)s is before %(work_label)s %(work)s.",
                            field=label(name),
                            date=self[name],
                            work_label=label("cadre_work_start_date"),
                            work=work_start,
                        ),
                    )
                )
        return messages

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        cadres = employees.filtered("is_cadre")
        cadres._cadre_sync_tag()
        cadres._cadre_drop_onboarding_noise()
        return employees

    def write(self, vals):
        result = super().write(vals)
        if "is_cadre" in vals:
            self._cadre_sync_tag()
        return result

    def _cadre_sync_tag(self):
        """Hook run on employees made cadres (created with ``is_cadre``) or whose ``is_cadre``
        was written: what follows the cadre flag elsewhere is kept in step here. org_cadre
        owns no employee tag; ``org_cadre_study`` links org_study's tag 干部 (its study
        requirements select cadres by it)."""
        return True

    @api.model
    def _cadre_adopt_coded_texts(self, employee_texts, member_texts):
        """Move the free texts of earlier versions to their dictionary entries (migration).

        ``employee_texts``: ``{employee id: {column of CODED_TEXT_COLUMNS: text}}``;
        ``member_texts``: ``{family member id: political status text}``. A text that names
        an entry (see :func:`match_entry`) sets the coded field; the others are written in a
        note on the employee's chatter, so that nothing is lost. Returns the texts left.
        """
        Employee = self.sudo().with_context(tracking_disable=True)
        entries = self.env["org.dictionary.item"]._org_entries_by_text(
            {"education", "degree", "political_status"}
        )
        labels = {
            name: description["string"]
            for name, description in Employee.fields_get(
                [field for field, _code in CODED_TEXT_COLUMNS.values()], ["string"]
            ).items()
        }
        left = {}  # employee: ["label: text"]
        for employee_id, texts in employee_texts.items():
            employee = Employee.browse(employee_id)
            vals = {}
            for column, text in texts.items():
                if not (text or "").strip():
                    continue
                field_name, code = CODED_TEXT_COLUMNS[column]
                item_id = match_entry(entries, code, text)
                if item_id:
                    vals[field_name] = item_id
                else:
                    left.setdefault(employee, []).append(f"{labels[field_name]}: {text}")
            if vals:
                employee.write(vals)
        members = self.env["org.cadre.family.member"].sudo().browse(list(member_texts))
        for member in members:
            text = member_texts[member.id]
            if not (text or "").strip():
                continue
            item_id = match_entry(entries, "political_status", text)
            if item_id:
                member.political_status_id = item_id
            else:
                left.setdefault(member.employee_id.with_context(tracking_disable=True), []).append(
                    f"{member.name}: {text}"
                )
        for employee, texts in left.items():
            employee.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._(
                        "These dossier texts name no entry of their dictionary; choose the entry by hand:"
                    ),
                    Markup().join(Markup("<li>%s</li>") % text for text in texts),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return {employee.id: texts for employee, texts in left.items()}

    # Actions

    def action_cadre_print_form(self):
        return self.env.ref("org_cadre.action_report_cadre_form").report_action(self)

    def _cadre_check_dossier_access(self):
        """Refuse, with a clear message, whoever may not read these cadres' dossiers."""
        if self.env.su:
            return
        if not self.env.user.has_groups(CADRE_GROUPS):
            raise AccessError(
                self.env._(
                    "%(names)s: only cadre officers and leaders read the cadre dossier.",
                    names="、".join(self.sudo().mapped("name")),
                )
            )
        self.check_access("read")

    def _cadre_identities(self):
        """``{employee id: values}`` of birth date, gender, place of birth and ID number, for
        the form and the LRMX file.

        hr keeps these fields to HR officers; leaders read and print the dossiers they exist
        for (任免审批表, LRMX) with the ID number masked. The dossiers are checked readable
        first (once for all), so only these four values are read as superuser; the form and
        the file print the birth date as year and month.
        """
        self._cadre_check_dossier_access()
        raw = self._fields["identification_id"].is_accessible(self.env)
        identities = {}
        for employee in self.sudo():
            number = employee.identification_id or ""
            identities[employee.id] = {
                "birthday": employee.birthday,
                "gender": employee.gender,
                "place_of_birth": employee.place_of_birth or "",
                "identification_id": number if raw or not number else mask_resident_id(number),
            }
        return identities

    def _org_photo_formats(self, vals):
        # A cadre's photo is the ID photo of the 任免审批表 and of LRMX: JPEG or PNG only, when
        # a person brings it (hr writes its generated SVG avatar as superuser).
        if not self.env.su and vals.get("is_cadre", any(self.mapped("is_cadre"))):
            return upload_limits.ID_PHOTO_FORMATS
        return super()._org_photo_formats(vals)

    def _cadre_update_adjustment_suggestion(self, all_cadres=False):
        """Flag the cadres with at least the threshold of yellow lights in the window."""
        company = self.env.company
        since = fields.Date.context_today(self) - relativedelta(
            months=company.cadre_yellow_light_window_months
        )
        domain = [("kind", "=", "yellow_light"), ("date", ">=", since)]
        if not all_cadres:
            domain.append(("employee_id", "in", self.ids))
        counts = dict(
            self.env["org.cadre.incentive"].sudo()._read_group(domain, ["employee_id"], ["__count"])
        )
        flagged = {
            employee.id for employee, count in counts.items() if count >= company.cadre_yellow_light_threshold
        }
        Employee = self.sudo().with_context(active_test=False)
        scope = Employee.search([("cadre_adjustment_suggested", "=", True)]) if all_cadres else self.sudo()
        to_flag = Employee.browse(flagged) - scope.filtered("cadre_adjustment_suggested")
        to_clear = scope.filtered(
            lambda employee: employee.cadre_adjustment_suggested and employee.id not in flagged
        )
        to_flag.write({"cadre_adjustment_suggested": True})
        to_clear.write({"cadre_adjustment_suggested": False})
        return True

    # Crons

    @api.model
    def _cron_recompute_young_cadres(self, batch_size=BATCH_SIZE):
        """Daily, and when a young-cadre rule changes: the flags that no longer match the
        cadre's age and the age limits are computed again (one search for the stale flags,
        whatever the number of cadres). The cron handles one batch a run (org_base/tools/cron.py)
        and runs again while some wait; a rule change passes ``batch_size=None`` (all at once).
        Returns the cadres whose flag was recomputed."""
        today = fields.Date.context_today(self)
        limits = self.env["org.cadre.young.rule"].sudo()._age_limits_by_rank()
        # Young while born after this day; a flag is stale on either side of it.
        still_young = [
            [("cadre_rank_id", "=", rank_id), ("birthday", ">", today - relativedelta(years=limit + 1))]
            for rank_id, limit in limits.items()
        ]
        should_be_young = expression.OR(still_young)
        stale = self.sudo().search(
            [
                ("is_cadre", "=", True),
                "|",
                "&",
                ("is_young_cadre", "=", True),
                "!",
                *expression.normalize_domain(should_be_young),
                "&",
                ("is_young_cadre", "=", False),
                *expression.normalize_domain(should_be_young),
            ],
            limit=batch_size and batch_size + 1,
            order="id",
        )
        found, stale = stale, stale[:batch_size]
        self.env.add_to_compute(self._fields["is_young_cadre"], stale)
        stale.flush_recordset(["is_young_cadre"])
        self._cron_recompute_cadre_ages()
        self.env["ir.cron"]._notify_progress(done=len(stale), remaining=len(found) - len(stale))
        return stale

    @api.model
    def _cron_recompute_cadre_ages(self):
        """Daily (with the young-cadre flags): the ages that changed since they were stored, on
        the office's date, are computed again; one grouped read of the stored ages, then one
        search for the cadres whose birthday no longer matches their stored age. Returns them."""
        today = self.env.company._org_office_today()
        Employee = self.sudo().with_context(active_test=False)
        ages = [
            age
            for (age,) in Employee._read_group(
                [("is_cadre", "=", True), ("birthday", "!=", False)], ["cadre_age"]
            )
        ]
        if not ages:
            return Employee
        # Age ``age`` is right while born in (today - age - 1 years, today - age years].
        still_right = expression.OR(
            [
                [
                    ("cadre_age", "=", age),
                    ("birthday", ">", today - relativedelta(years=age + 1)),
                    ("birthday", "<=", today - relativedelta(years=age)),
                ]
                for age in ages
            ]
        )
        stale = Employee.search(
            [
                ("is_cadre", "=", True),
                ("birthday", "!=", False),
                "!",
                *expression.normalize_domain(still_right),
            ]
        )
        self.env.add_to_compute(self._fields["cadre_age"], stale)
        self.env.add_to_compute(self._fields["cadre_age_band"], stale)
        self.env.add_to_compute(self._fields["cadre_birth_month"], stale)
        stale.flush_recordset(["cadre_age", "cadre_age_band", "cadre_birth_month"])
        return stale

    def _cadre_drop_onboarding_noise(self):
        """What hr adds to every new employee and a cadre's dossier does not need: the note
        suggesting an onboarding plan, and the resume line of hr_skills (when installed: the
        company's name from the day of creation; a cadre's 简历 is its own resume lines)."""
        if not self:
            return True
        self.env["mail.message"].sudo().search(
            [
                ("model", "=", "hr.employee"),
                ("res_id", "in", self.ids),
                ("body", "ilike", "hr.plan_wizard_action"),
            ]
        ).unlink()
        if "hr.resume.line" in self.env:
            self.env["hr.resume.line"].sudo().search([("employee_id", "in", self.ids)]).unlink()
        return True

    def action_cadre_open_supervisions(self):
        """The cadre's supervision records (监督), through their own list (read access audited)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("org_cadre.org_cadre_supervision_action")
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
