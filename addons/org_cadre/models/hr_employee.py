import base64
import contextlib
import io
import zipfile
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from odoo.addons.org_base.tools import upload_limits
from odoo.addons.org_base.tools.resident_id import ResidentIdError, mask_resident_id, parse_resident_id

from ..tools import lrmx

# Annual assessment grades as the national form writes them.
GRADE_TEXT = {
    "excellent": "优秀",
    "competent": "称职",
    "basic": "基本称职",
    "incompetent": "不称职",
    "undetermined": "不定等次",
}
GENDER_TEXT = {"male": "男", "female": "女"}
# Dossier items counted by the completeness indicator.
COMPLETENESS_FIELDS = (
    "identification_id",
    "birthday",
    "cadre_ethnicity_id",
    "cadre_native_place",
    "place_of_birth",
    "cadre_work_start_date",
    "cadre_health",
    "cadre_fulltime_education",
    "cadre_current_post",
    "cadre_current_post_date",
    "cadre_rank_id",
    "image_1920",
    "cadre_resume_line_ids",
    "cadre_family_member_ids",
    "cadre_annual_result_ids",
)
CADRE_GROUPS = "org_cadre.group_cadre_officer,org_base.group_org_leader"


class HrEmployee(models.Model):
    """The cadre dossier (干部档案) of an employee, its 任免审批表 and LRMX exchange."""

    _name = "hr.employee"
    _inherit = ["hr.employee", "org.cadre.image.batch.mixin"]

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
    cadre_fulltime_education = fields.Char(string="Full-time Education", groups=CADRE_GROUPS)
    cadre_fulltime_degree = fields.Char(string="Full-time Degree", groups=CADRE_GROUPS)
    cadre_fulltime_education_school = fields.Char(
        string="Full-time Education: School and Major", groups=CADRE_GROUPS
    )
    cadre_fulltime_degree_school = fields.Char(
        string="Full-time Degree: School and Major", groups=CADRE_GROUPS
    )
    cadre_parttime_education = fields.Char(string="On-the-job Education", groups=CADRE_GROUPS)
    cadre_parttime_degree = fields.Char(string="On-the-job Degree", groups=CADRE_GROUPS)
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
    cadre_completeness = fields.Integer(
        string="Dossier Completeness",
        compute="_compute_cadre_completeness",
        store=True,
        aggregator="avg",
        groups=CADRE_GROUPS,
        help="Share of the dossier's key items that are filled in (%).",
    )
    cadre_missing_items = fields.Char(
        string="Missing Items", compute="_compute_cadre_completeness", store=True, groups=CADRE_GROUPS
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

    @api.depends(*COMPLETENESS_FIELDS)
    def _compute_cadre_completeness(self):
        labels = {name: self._fields[name]._description_string(self.env) for name in COMPLETENESS_FIELDS}
        for employee in self:
            missing = [
                name
                for name in COMPLETENESS_FIELDS
                if not (employee._cadre_photo() if name == "image_1920" else employee[name])
            ]
            employee.cadre_completeness = round(
                100 * (len(COMPLETENESS_FIELDS) - len(missing)) / len(COMPLETENESS_FIELDS)
            )
            employee.cadre_missing_items = "、".join(labels[name] for name in missing) or False

    def _cadre_photo(self):
        """The photo (base64), or False when the image is only the generated avatar (SVG)."""
        self.ensure_one()
        image = self.sudo().with_context(bin_size=False).image_1920
        if not image:
            return False
        head = base64.b64decode(image[:64] + b"=" * (-len(image[:64]) % 4), validate=False)
        if b"<svg" in head or head.lstrip().startswith(b"<?xml"):
            return False
        return image

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        employees.filtered("is_cadre")._cadre_sync_tag()
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

    # Actions

    def action_cadre_print_form(self):
        return self.env.ref("org_cadre.action_report_cadre_form").report_action(self)

    def action_cadre_lrmx_export(self):
        """Download the LRMX file (a zip for several cadres), streamed by
        ``controllers/lrmx.py`` to the requester alone: nothing is stored."""
        if not self:
            raise UserError(self.env._("Select at least one cadre to export."))
        self._cadre_check_dossier_access()
        return {
            "type": "ir.actions.act_url",
            "url": "/org_cadre/lrmx/" + ",".join(str(employee_id) for employee_id in self.ids),
            "target": "download",
        }

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

    # 任免审批表 (report/cadre_form_report.xml)

    def _cadre_form_lang(self):
        """The official form is Chinese: printed in zh_CN when the language is installed."""
        installed = dict(self.env["res.lang"].get_installed())
        return "zh_CN" if "zh_CN" in installed else self.env.lang

    def _cadre_form_values(self, identity=None):
        """Texts of the form that need formatting: dates as YYYY.MM, age, education, resume;
        ``identity``: this employee's entry of :meth:`_cadre_identities`."""
        self.ensure_one()
        month = lrmx.format_month
        at = self.cadre_age_date or fields.Date.context_today(self)
        identity = identity or self._cadre_identities()[self.id]
        birthday = identity["birthday"]
        birth = ""
        if birthday:
            birth = self.env._(
                "%(date)s (%(age)s years)",
                date=month(birthday),
                age=relativedelta(at, birthday).years,
            )
        values = self._lrmx_values(identity)
        if self.cadre_reward_summary:
            rewards = self.cadre_reward_summary
        else:
            rewards = "\n".join(
                f"{month(reward.date)}  {reward.name}" for reward in self.cadre_reward_ids.sorted("date")
            )
        return {
            "gender": GENDER_TEXT.get(identity["gender"], ""),
            "birth": birth,
            "place_of_birth": identity["place_of_birth"],
            "party_join": month(self.cadre_party_join_date),
            "work_start": month(self.cadre_work_start_date),
            "fulltime": "\n".join(filter(None, [self.cadre_fulltime_education, self.cadre_fulltime_degree])),
            "fulltime_school": "\n".join(
                filter(None, [self.cadre_fulltime_education_school, self.cadre_fulltime_degree_school])
            ),
            "parttime": "\n".join(filter(None, [self.cadre_parttime_education, self.cadre_parttime_degree])),
            "parttime_school": "\n".join(
                filter(None, [self.cadre_parttime_education_school, self.cadre_parttime_degree_school])
            ),
            "resume": values["JianLi"],
            "rewards": rewards,
            "results": values["NianDuKaoHeJieGuo"],
            "family": [
                {
                    "relation": member.relation or "",
                    "name": member.name,
                    "birth": month(member.birth_date),
                    "political_status": member.political_status or "",
                    "work_unit_post": member.work_unit_post or "",
                }
                for member in self.cadre_family_member_ids
            ],
            "age_date": month(self.cadre_age_date),
            "form_date": month(self.cadre_form_date),
        }

    # LRMX

    def _lrmx_values(self, identity=None):
        """The dict of element texts (see tools/lrmx.py) of one employee; the ID number is
        masked for those who may not read it (see :meth:`_cadre_identities`)."""
        self.ensure_one()
        identity = identity or self._cadre_identities()[self.id]
        lines = [
            {"date_start": line.date_start, "date_end": line.date_end, "name": line.name}
            for line in self.cadre_resume_line_ids
        ]
        results = [
            (result.year, GRADE_TEXT[result.grade]) for result in self.cadre_annual_result_ids.sorted("year")
        ]
        return {
            "XingMing": self.name,
            "XingBie": GENDER_TEXT.get(identity["gender"], ""),
            "ChuShengNianYue": identity["birthday"],
            "MinZu": self.cadre_ethnicity_id.name,
            "JiGuan": self.cadre_native_place,
            "ChuShengDi": identity["place_of_birth"],
            "RuDangShiJian": self.cadre_party_join_date,
            "CanJiaGongZuoShiJian": self.cadre_work_start_date,
            "JianKangZhuangKuang": self.cadre_health,
            "ZhuanYeJiShuZhiWu": self.cadre_professional_title,
            "ShuXiZhuanYeYouHeZhuanChang": self.cadre_expertise,
            "QuanRiZhiJiaoYu_XueLi": self.cadre_fulltime_education,
            "QuanRiZhiJiaoYu_XueWei": self.cadre_fulltime_degree,
            "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi": self.cadre_fulltime_education_school,
            "QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi": self.cadre_fulltime_degree_school,
            "ZaiZhiJiaoYu_XueLi": self.cadre_parttime_education,
            "ZaiZhiJiaoYu_XueWei": self.cadre_parttime_degree,
            "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi": self.cadre_parttime_education_school,
            "ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi": self.cadre_parttime_degree_school,
            "ZhaoPian": self._cadre_photo().decode() if self._cadre_photo() else "",
            "XianRenZhiWu": self.cadre_current_post,
            "NiRenZhiWu": self.cadre_proposed_post,
            "NiMianZhiWu": self.cadre_proposed_removal,
            "JianLi": lrmx.format_resume(lines),
            "JiangChengQingKuang": self.cadre_reward_summary,
            "NianDuKaoHeJieGuo": lrmx.format_assessments(results),
            "RenMianLiYou": self.cadre_appointment_reason,
            "ChengBaoDanWei": self.cadre_reporting_unit,
            "JiSuanNianLingShiJian": self.cadre_age_date,
            "TianBiaoShiJian": self.cadre_form_date,
            "TianBiaoRen": self.cadre_form_filler,
            "ShenFenZheng": identity["identification_id"],
            lrmx.FAMILY: [
                {
                    "ChengWei": member.relation,
                    "XingMing": member.name,
                    "ChuShengRiQi": member.birth_date,
                    "ZhengZhiMianMao": member.political_status,
                    "GongZuoDanWeiJiZhiWu": member.work_unit_post,
                }
                for member in self.cadre_family_member_ids
            ],
        }

    def _lrmx_export(self):
        """``(filename, bytes)``: one employee gives an .lrmx file, several a .zip of them."""
        if not self:
            raise UserError(self.env._("Select at least one cadre to export."))
        identities = self._cadre_identities()
        if len(self) == 1:
            return f"{self.name}.lrmx", lrmx.build_lrmx(self._lrmx_values(identities[self.id]))
        buffer = io.BytesIO()
        used = defaultdict(int)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for employee in self:
                used[employee.name] += 1
                suffix = f"_{used[employee.name]}" if used[employee.name] > 1 else ""
                values = employee._lrmx_values(identities[employee.id])
                archive.writestr(f"{employee.name}{suffix}.lrmx", lrmx.build_lrmx(values))
        return "任免审批表.zip", buffer.getvalue()

    @api.model
    def _lrmx_import(self, data, filename=None):
        """Create or update cadres from the bytes of one .lrmx file or of a .zip of them.

        Existing employees are matched on their ID number. A zip is read in one pass: every
        file is parsed first (a bad file stops the import before anything is written, with
        its name and element), then one lookup of the ID numbers, then one create.
        """
        files = self._lrmx_files(data, filename)
        parsed = []
        for name, content in files:
            try:
                parsed.append((name, lrmx.parse_lrmx(content)))
            except lrmx.LrmxError as error:
                raise UserError(self._lrmx_error_message(name, error)) from error
        context = self._lrmx_import_context([values for _name, values in parsed])
        to_create, to_update = [], []
        for name, values in parsed:
            try:
                vals = self._lrmx_prepare_vals(values, context)
            except lrmx.LrmxError as error:
                raise UserError(self._lrmx_error_message(name, error)) from error
            existing = context["employees"].get(vals.get("identification_id"))
            if existing:
                to_update.append((existing, vals))
            else:
                to_create.append(vals)
        employees = self.browse()
        for employee, vals in to_update:
            vals["cadre_resume_line_ids"] = [Command.clear()] + vals["cadre_resume_line_ids"]
            vals["cadre_family_member_ids"] = [Command.clear()] + vals["cadre_family_member_ids"]
            vals["cadre_annual_result_ids"] = [Command.clear()] + vals["cadre_annual_result_ids"]
            employee.write(vals)
            employees |= employee
        if to_create:
            # New dossiers: one creation, without a chatter line per employee.
            employees |= self.with_context(
                mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
            )._lrmx_create(to_create)
        return employees

    @api.model
    def _lrmx_create(self, vals_list):
        """Create employees with their work contacts made in one batch.

        hr creates the work contact of each new employee, then assigns it record by record
        (``employee.work_contact_id = contact``: one write and one follower subscription
        each). Here the contacts are created first, with the values hr gives them, the
        employees are created with them, and each employee follows its own contact with the
        default subtypes, as the write would do: one creation of followers for the batch.
        A single employee is created the standard way.
        """
        if len(vals_list) < 2:
            return self.create(vals_list)
        image_field = self._fields["image_1920"]
        contacts = (
            self.env["res.partner"]
            .sudo()
            .create(
                [
                    {
                        "email": vals.get("work_email", False),
                        "mobile": vals.get("mobile_phone", False),
                        "name": vals["name"],
                        "image_1920": image_field._image_process(vals.get("image_1920"), self.env),
                        "company_id": vals.get("company_id", self.env.company.id),
                    }
                    for vals in vals_list
                ]
            )
        )
        for vals, contact in zip(vals_list, contacts, strict=True):
            vals["work_contact_id"] = contact.id
        employees = self.create(vals_list)
        customers = set(contacts.filtered("partner_share").ids)
        Followers = self.env["mail.followers"].sudo()
        new_followers = []
        for employee in employees:
            contact = employee.work_contact_id.id
            new, _update = Followers._add_default_followers(
                employee._name,
                employee.ids,
                [contact],
                customer_ids=customers & {contact},
                check_existing=False,
            )
            new_followers += [
                dict(values, res_id=res_id) for res_id, values_list in new.items() for values in values_list
            ]
        Followers.with_context(default_partner_id=False).create(new_followers)
        return employees

    def _org_photo_formats(self, vals):
        # A cadre's photo is the ID photo of the 任免审批表 and of LRMX: JPEG or PNG only, when
        # a person brings it (hr writes its generated SVG avatar as superuser).
        if not self.env.su and vals.get("is_cadre", any(self.mapped("is_cadre"))):
            return upload_limits.ID_PHOTO_FORMATS
        return super()._org_photo_formats(vals)

    @api.model
    def _lrmx_files(self, data, filename):
        """``[(name, bytes)]`` of the LRMX files in ``data`` (one file, or a zip).

        The upload limits apply before anything is unpacked: file size, entry count, and the
        total unpacked size, counted while reading (a zip bomb stops at the limit).
        """
        if not data:
            raise UserError(self.env._("The file %(file)s is empty.", file=filename or "LRMX"))
        Limits = self.env["org.upload.limits"]
        try:
            if data[:4] != b"PK\x03\x04":
                upload_limits.check_file_size(data, Limits._get_limits())
                return [(filename or "LRMX", data)]
            members = upload_limits.read_zip_members(
                data, Limits._get_limits(), accept=lambda info: info.filename.lower().endswith(".lrmx")
            )
        except upload_limits.LimitError as error:
            Limits._raise_limit_error(error, filename or "zip")
        files = []
        for info, content in members:
            name = info.filename
            if not info.flag_bits & 0x800:
                # Zip tools of Chinese Windows write names in GBK without the UTF-8 flag.
                with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                    name = name.encode("cp437").decode("gb18030")
            files.append((name, content))
        if not files:
            raise UserError(self.env._("The archive %(file)s holds no .lrmx file.", file=filename or "zip"))
        return files

    @api.model
    def _lrmx_error_message(self, name, error):
        messages = {
            "empty": self.env._("the file is empty."),
            "encoding": self.env._("its text cannot be read in the declared encoding %(value)s."),
            "xml": self.env._("it is not well-formed XML (%(value)s)."),
            "root": self.env._("the root element is <%(element)s>, an LRMX file has <Person>."),
            "missing": self.env._("the element <%(element)s> is missing or empty."),
            "date": self.env._(
                "the element <%(element)s> holds “%(value)s”, which is not a date (YYYYMM or YYYY.MM)."
            ),
            "resume": self.env._(
                "the element <%(element)s> starts with “%(value)s”, not with a period like 2008.03--2016.09."
            ),
            "ethnicity": self.env._(
                "the element <%(element)s> holds “%(value)s”, which is not an ethnicity of the dictionary."
            ),
            "gender": self.env._("the element <%(element)s> holds “%(value)s”; write 男 or 女."),
            "id_number": self.env._("the element <%(element)s> holds “%(value)s”, not a valid ID number."),
            "photo": self.env._("the element <%(element)s> does not hold a base64 image."),
        }
        if error.code == "photo_limit":
            # The photo of <ZhaoPian> is beyond the upload limits (error.value: the LimitError).
            reason = self.env["org.upload.limits"]._limit_message(error.value)
        else:
            reason = messages.get(error.code, error.code) % {
                "element": error.element or "",
                "value": error.value or "",
            }
        return self.env._("LRMX file %(file)s cannot be imported: %(reason)s", file=name, reason=reason)

    @api.model
    def _lrmx_import_context(self, values_list):
        """Everything the files refer to, read once: ethnicities and existing employees."""
        ethnicities = self.env["org.dictionary.item"].search([("dictionary_code", "=", "ethnicity")])
        numbers = set()
        for values in values_list:
            try:
                numbers.add(parse_resident_id(values["ShenFenZheng"])[0])
            except ResidentIdError:
                continue
        employees = self.with_context(active_test=False).search([("identification_id", "in", list(numbers))])
        return {
            "ethnicities": {item.name: item.id for item in ethnicities}
            | {item.short_name: item.id for item in ethnicities if item.short_name},
            "employees": {employee.identification_id: employee for employee in employees},
        }

    @api.model
    def _lrmx_prepare_vals(self, values, context):
        """hr.employee values from the parsed element texts of one file."""
        vals = {
            "name": values["XingMing"],
            "is_cadre": True,
            "cadre_native_place": values["JiGuan"] or False,
            "place_of_birth": values["ChuShengDi"] or False,
            "cadre_party_join_date": values["RuDangShiJian"] or False,
            "cadre_work_start_date": values["CanJiaGongZuoShiJian"] or False,
            "cadre_health": values["JianKangZhuangKuang"] or False,
            "cadre_professional_title": values["ZhuanYeJiShuZhiWu"] or False,
            "cadre_expertise": values["ShuXiZhuanYeYouHeZhuanChang"] or False,
            "cadre_fulltime_education": values["QuanRiZhiJiaoYu_XueLi"] or False,
            "cadre_fulltime_degree": values["QuanRiZhiJiaoYu_XueWei"] or False,
            "cadre_fulltime_education_school": values["QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi"] or False,
            "cadre_fulltime_degree_school": values["QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi"] or False,
            "cadre_parttime_education": values["ZaiZhiJiaoYu_XueLi"] or False,
            "cadre_parttime_degree": values["ZaiZhiJiaoYu_XueWei"] or False,
            "cadre_parttime_education_school": values["ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi"] or False,
            "cadre_parttime_degree_school": values["ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi"] or False,
            "cadre_current_post": values["XianRenZhiWu"] or False,
            "cadre_proposed_post": values["NiRenZhiWu"] or False,
            "cadre_proposed_removal": values["NiMianZhiWu"] or False,
            "cadre_reward_summary": values["JiangChengQingKuang"] or False,
            "cadre_appointment_reason": values["RenMianLiYou"] or False,
            "cadre_reporting_unit": values["ChengBaoDanWei"] or False,
            "cadre_age_date": values["JiSuanNianLingShiJian"] or False,
            "cadre_form_date": values["TianBiaoShiJian"] or False,
            "cadre_form_filler": values["TianBiaoRen"] or False,
        }
        gender = values["XingBie"]
        genders = {text: key for key, text in GENDER_TEXT.items()}
        if gender and gender not in genders:
            raise lrmx.LrmxError("gender", "XingBie", gender)
        vals["gender"] = genders.get(gender, False)
        ethnicity = values["MinZu"]
        if ethnicity:
            ethnicity_id = context["ethnicities"].get(ethnicity) or context["ethnicities"].get(
                f"{ethnicity}族"
            )
            if not ethnicity_id:
                raise lrmx.LrmxError("ethnicity", "MinZu", ethnicity)
            vals["cadre_ethnicity_id"] = ethnicity_id
        else:
            vals["cadre_ethnicity_id"] = False
        birthday = values["ChuShengNianYue"]
        if values["ShenFenZheng"]:
            try:
                number, id_birthday, id_gender = parse_resident_id(values["ShenFenZheng"])
            except ResidentIdError as error:
                raise lrmx.LrmxError("id_number", "ShenFenZheng", values["ShenFenZheng"]) from error
            vals["identification_id"] = number
            # The form has the month only: keep the day the ID number gives.
            if not birthday or (birthday.year, birthday.month) == (id_birthday.year, id_birthday.month):
                birthday = id_birthday
            vals["gender"] = vals["gender"] or id_gender
        vals["birthday"] = birthday or False
        photo = values["ZhaoPian"]
        if photo:
            try:
                image = base64.b64decode("".join(photo.split()), validate=True)
            except ValueError as error:
                raise lrmx.LrmxError("photo", "ZhaoPian") from error
            try:
                upload_limits.check_image(image, self.env["org.upload.limits"]._get_limits())
            except upload_limits.LimitError as error:
                raise lrmx.LrmxError("photo_limit", "ZhaoPian", error) from error
            vals["image_1920"] = base64.b64encode(image)
        else:
            vals["image_1920"] = False
        vals["cadre_resume_line_ids"] = [Command.create(line) for line in lrmx.parse_resume(values["JianLi"])]
        grades = {text: key for key, text in GRADE_TEXT.items()}
        vals["cadre_annual_result_ids"] = [
            Command.create({"year": year, "grade": grades[grade]})
            for year, grade in lrmx.parse_assessments(values["NianDuKaoHeJieGuo"])
        ]
        vals["cadre_family_member_ids"] = [
            Command.create(
                {
                    "sequence": index,
                    "relation": member["ChengWei"] or False,
                    "name": member["XingMing"],
                    "birth_date": member["ChuShengRiQi"] or False,
                    "political_status": member["ZhengZhiMianMao"] or False,
                    "work_unit_post": member["GongZuoDanWeiJiZhiWu"] or False,
                }
            )
            for index, member in enumerate(values[lrmx.FAMILY], start=1)
        ]
        return vals

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
    def _cron_recompute_young_cadres(self):
        """Daily, and when a young-cadre rule changes: the flags that no longer match the
        cadre's age and the age limits are computed again (one search for the stale flags,
        whatever the number of cadres). Returns the cadres whose flag was recomputed."""
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
            ]
        )
        self.env.add_to_compute(self._fields["is_young_cadre"], stale)
        stale.flush_recordset(["is_young_cadre"])
        return stale
