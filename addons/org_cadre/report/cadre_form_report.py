from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..tools import lrmx


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
            "forms": {doc.id: report._form_values(doc, identities[doc.id]) for doc in docs},
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
            rewards = employee.cadre_reward_summary
        else:
            rewards = "\n".join(
                f"{month(reward.date)}  {reward.name}" for reward in employee.cadre_reward_ids.sorted("date")
            )
        return {
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
            "resume": employee._lrmx_format_resume(employee.cadre_resume_line_ids),
            "rewards": rewards,
            "results": employee._lrmx_format_assessments(employee.cadre_annual_result_ids),
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
