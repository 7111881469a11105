from odoo import models


class OrgPartyMember(models.Model):
    _inherit = "org.party.member"

    # The study ledger (org_study) is kept per employee (hr.employee): a member who is staff
    # has one (org.party.member.employee_id). The portal role reads no employee nor ledger
    # record through the ORM (they hold other people's data); the member's own rows are read
    # here, with sudo, for the member's own employee only.

    def _org_portal_sections(self):
        sections = super()._org_portal_sections()
        if self.sudo().employee_id:
            sections.append(
                {
                    "title": self.env._("My Study Hours"),
                    "text": self.env._("My study hours of the year and the sessions I attended."),
                    "url": "/my/party/study",
                }
            )
        return sections

    def _org_portal_study(self, year):
        """{year, ledger: [{period, required, counted, missing, behind}], sessions: [...]} of
        the member's own employee for ``year``; None when the member is not staff."""
        self.ensure_one()
        employee = self.sudo().employee_id
        if not employee:
            return None
        ledger = (
            self.env["org.study.ledger"]
            .sudo()
            .search([("employee_id", "=", employee.id), ("year", "=", year)])
        )
        attendances = (
            self.env["org.study.attendance"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", employee.id),
                    ("state", "=", "present"),
                    ("date_start", ">=", f"{year}-01-01"),
                    ("date_start", "<", f"{year + 1}-01-01"),
                ],
                order="date_start desc",
            )
        )
        return {
            "year": year,
            "done": sum(attendances.mapped("hours")),
            "ledger": [
                {
                    "requirement": row.requirement_id.display_name or "",
                    "period": row.period_label or "",
                    "required": row.required_hours,
                    "counted": row.counted_hours,
                    "missing": row.missing_hours,
                    "behind": row.behind,
                }
                for row in ledger
            ],
            "sessions": [
                {
                    "date": attendance.date_start.date(),
                    "name": attendance.session_id.name,
                    "type": attendance.type_id.name or "",
                    "hours": attendance.hours,
                }
                for attendance in attendances
            ],
        }

    def _org_portal_page_texts(self):
        pages = super()._org_portal_page_texts()
        study = self._org_portal_study(self.env.company.sudo()._org_office_today().year)
        if study is None:
            return pages
        html = self.env["ir.qweb"]._render("org_member_portal_study.member_study_content", {"study": study})
        return [*pages, ("/my/party/study", html)]
