import io
import zipfile
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..tools import lrmx
from . import cadre_form_docx


class ReportCadreForm(models.AbstractModel):
    """The 任免审批表: whoever may not read the dossiers is refused before anything is rendered
    (leaders print it; birth date, gender and place of birth are read for them, once for all
    the cadres printed, by ``hr.employee._cadre_identities``). The texts that need formatting
    are worked out here, the ones the LRMX file shares by its converters."""

    _name = "report.org_cadre.report_cadre_form"
    _description = "Appointment Form Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.employee"].browse(docids)
        identities = docs._cadre_identities()
        lang = self._form_lang()
        report = self.with_context(lang=lang)
        return {
            "doc_ids": docids,
            "doc_model": "hr.employee",
            "docs": docs,
            "data": data,
            "form_lang": lang,
            "form_list": [report._form_values(doc, identities[doc.id]) for doc in docs],
        }

    @api.model
    def _form_docx(self, employees):
        """``(filename, bytes)``: the 任免审批表 of one cadre as .docx, of several a .zip of
        them, from the values the PDF prints (:meth:`_form_values`); nothing is stored."""
        identities = employees._cadre_identities()
        report = self.with_context(lang=self._form_lang())
        labels = report._form_labels()
        files = []
        for employee in employees:
            values = report._form_values(employee, identities[employee.id])
            files.append((f"{employee.name}.docx", cadre_form_docx.build(values, labels)))
        if len(files) == 1:
            return files[0]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            seen = defaultdict(int)
            for name, content in files:
                seen[name] += 1
                if seen[name] > 1:
                    name = name.replace(".docx", f"_{seen[name]}.docx")
                archive.writestr(name, content)
        return report.env._("Appointment Forms") + ".zip", buffer.getvalue()

    @api.model
    def _form_labels(self):
        """The captions of the form, in the language of the context (the PDF's template has
        the same texts and translations)."""
        return {
            "title": self.env._("Cadre Appointment and Removal Form"),
            "name": self.env._("Full Name"),
            "gender": self.env._("Gender"),
            "birth": self.env._("Date of Birth (Age)"),
            "photo": self.env._("Photo"),
            "ethnicity": self.env._("Ethnicity"),
            "native_place": self.env._("Native Place"),
            "place_of_birth": self.env._("Place of Birth"),
            "party_join": self.env._("Joined the Party"),
            "work_start": self.env._("Started Work"),
            "health": self.env._("Health"),
            "professional_title": self.env._("Professional Title"),
            "expertise": self.env._("Familiar Fields and Expertise"),
            "education": self.env._("Education and Degree"),
            "fulltime": self.env._("Full-time"),
            "parttime": self.env._("On the Job"),
            "school": self.env._("School, Department and Major"),
            "current_post": self.env._("Current Post"),
            "proposed_post": self.env._("Proposed Post"),
            "proposed_removal": self.env._("Proposed Removal"),
            "resume": self.env._("Resume"),
            "rewards": self.env._("Rewards and Punishments"),
            "results": self.env._("Annual Assessment Results"),
            "reason": self.env._("Reason for Appointment"),
            "family": self.env._("Family Members and Important Social Relations"),
            "relation": self.env._("Relationship"),
            "member_name": self.env._("Full Name"),
            "member_birth": self.env._("Date of Birth"),
            "political_status": self.env._("Political Status"),
            "work_unit_post": self.env._("Work Unit and Post"),
            "reporting_unit": self.env._("Reporting Unit"),
            "approving": self.env._("Opinion of the Approving Authority"),
            "administrative": self.env._("Opinion of the Administrative Authority"),
            "seal": self.env._("(Seal)"),
            "date_line": self.env._("Year Month Day"),
            "age_date": self.env._("Age Computed On"),
            "form_date": self.env._("Form Filled On"),
            "form_filler": self.env._("Form Filled By"),
        }

    @api.model
    def _form_lang(self):
        """The official form is Chinese: printed in zh_CN when the language is installed."""
        installed = dict(self.env["res.lang"].get_installed())
        return "zh_CN" if "zh_CN" in installed else self.env.lang

    @api.model
    def _form_values(self, employee, identity=None):
        """Texts of the form of ``employee`` that need formatting: dates as YYYY.MM, age,
        education, resume; ``identity``: its entry of ``hr.employee._cadre_identities``."""
        employee.ensure_one()
        month = lrmx.format_month
        at = employee.cadre_age_date or fields.Date.context_today(self)
        identity = identity or employee._cadre_identities()[employee.id]
        birthday = identity["birthday"]
        birth = ""
        if birthday:
            birth = self.env._(
                "%(date)s (%(age)s years)",
                date=month(birthday),
                age=relativedelta(at, birthday).years,
            )
        if employee.cadre_reward_summary:
            rewards = employee._lrmx_text("JiangChengQingKuang")
        else:
            rewards = "\n".join(
                f"{month(reward.date)}  {reward.name}" for reward in employee.cadre_reward_ids.sorted("date")
            )
        photo = employee._cadre_photo()
        return {
            "name": employee.name or "",
            "photo": photo or False,
            "ethnicity": employee.cadre_ethnicity_id.name or "",
            "native_place": employee.cadre_native_place or "",
            "health": employee.cadre_health or "",
            "professional_title": employee.cadre_professional_title or "",
            "expertise": employee.cadre_expertise or "",
            "current_post": employee.cadre_current_post or "",
            "proposed_post": employee.cadre_proposed_post or "",
            "proposed_removal": employee.cadre_proposed_removal or "",
            "reason": employee.cadre_appointment_reason or "",
            "reporting_unit": employee.cadre_reporting_unit or "",
            "form_filler": employee.cadre_form_filler or "",
            "gender": employee._lrmx_format_gender(identity["gender"]),
            "birth": birth,
            "place_of_birth": identity["place_of_birth"],
            "party_join": month(employee.cadre_party_join_date),
            "work_start": month(employee.cadre_work_start_date),
            "fulltime": "\n".join(
                filter(
                    None, [employee.cadre_fulltime_education_id.name, employee.cadre_fulltime_degree_id.name]
                )
            ),
            "fulltime_school": "\n".join(
                filter(
                    None, [employee.cadre_fulltime_education_school, employee.cadre_fulltime_degree_school]
                )
            ),
            "parttime": "\n".join(
                filter(
                    None, [employee.cadre_parttime_education_id.name, employee.cadre_parttime_degree_id.name]
                )
            ),
            "parttime_school": "\n".join(
                filter(
                    None, [employee.cadre_parttime_education_school, employee.cadre_parttime_degree_school]
                )
            ),
            # 简历 and 年度考核结果 as the LRMX file said them while the dossier is unchanged.
            "resume": employee._lrmx_text("JianLi"),
            "rewards": rewards,
            "results": employee._lrmx_text("NianDuKaoHeJieGuo"),
            "family": [
                {
                    "relation": member.relation or "",
                    "name": member.name,
                    "birth": month(member.birth_date),
                    "political_status": member.political_status_id.short_name
                    or member.political_status_id.name
                    or "",
                    "work_unit_post": member.work_unit_post or "",
                }
                for member in employee.cadre_family_member_ids
            ],
            "age_date": month(employee.cadre_age_date),
            "form_date": month(employee.cadre_form_date),
        }


class ReportAppointmentForm(models.AbstractModel):
    """The 任免审批表 printed from a selection and appointment (选拔任用纪实): one form per
    candidate, in one document, with the appointment's 拟任职务, 拟免职务 and 任免理由
    (``org.cadre.appointment._cadre_form_overrides``) instead of the dossier's."""

    _name = "report.org_cadre.report_appointment_form"
    _description = "Appointment Form Report (Selection and Appointment)"

    @api.model
    def _get_report_values(self, docids, data=None):
        appointments = self.env["org.cadre.appointment"].browse(docids)
        appointments.check_access("read")
        employees = appointments.employee_ids
        identities = employees._cadre_identities()
        form_report = self.env["report.org_cadre.report_cadre_form"]
        lang = form_report._form_lang()
        form_report = form_report.with_context(lang=lang)
        form_list = []
        for appointment in appointments:
            for employee in appointment.employee_ids:
                values = form_report._form_values(employee, identities[employee.id])
                values.update(appointment._cadre_form_overrides(employee))
                form_list.append(values)
        return {
            "doc_ids": docids,
            "doc_model": "org.cadre.appointment",
            "docs": appointments,
            "data": data,
            "form_lang": lang,
            "form_list": form_list,
        }


class OrgCadreAppointment(models.Model):
    _inherit = "org.cadre.appointment"

    def _cadre_form_overrides(self, employee):
        """The texts of the 任免审批表 of ``employee`` that this appointment decides: the post
        to fill as 拟任职务 (with its unit when the post does not name it); 拟免职务 and 任免理由
        are the dossier's (the appointment keeps none of its own)."""
        self.ensure_one()
        post = self.name or ""
        unit = self.department_id.name
        if unit and unit not in post:
            post = f"{unit}{post}"
        return {"proposed_post": post}
