from odoo import api, models


def _month(date):
    return date.strftime("%Y.%m") if date else ""


class ReportPartyMemberRegister(models.AbstractModel):
    """党员名册 of selected members: one table, landscape A4, with the totals. Whoever may not
    read a member is refused before anything is rendered (record rules: a secretary prints
    the members of their own subtree only)."""

    _name = "report.org_grassroots.report_member_register"
    _description = "Party Member Register Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        members = self.env["org.party.member"].browse(docids)
        members.check_access("read")
        return self._register_values(members, docids, "org.party.member", members)

    @api.model
    def _register_values(self, members, docids, doc_model, docs, title=""):
        genders = dict(members._fields["gender"]._description_selection(self.env))
        members = members.sorted(lambda member: (member.organization_id.complete_name or "", member.name))
        rows = [
            {
                "name": member.name,
                "gender": genders.get(member.gender, ""),
                "ethnicity": member.ethnicity_id.name or "",
                "birth": _month(member.birthday),
                "education": member.education_id.name or "",
                "join": _month(member.date_join),
                "formal": _month(member.date_formal),
                "work": " ".join(filter(None, [member.work_unit, member.party_post])),
                "organization": member.organization_id.complete_name or "",
            }
            for member in members
        ]
        totals = {
            "count": len(members),
            "male": len(members.filtered(lambda member: member.gender == "male")),
            "female": len(members.filtered(lambda member: member.gender == "female")),
            "formal": len(members.filtered(lambda member: member.status == "formal")),
            "probationary": len(members.filtered(lambda member: member.status == "probationary")),
        }
        return {
            "doc_ids": docids,
            "doc_model": doc_model,
            "docs": docs,
            "title": title,
            "rows": rows,
            "totals": totals,
        }


class ReportPartyOrganizationRegister(models.AbstractModel):
    """党员名册 of organizations: their members and those of every organization below."""

    _name = "report.org_grassroots.report_organization_member_register"
    _description = "Party Member Register of Organizations"

    @api.model
    def _get_report_values(self, docids, data=None):
        organizations = self.env["org.party.organization"].browse(docids)
        organizations.check_access("read")
        members = self.env["org.party.member"].search([("organization_id", "child_of", organizations.ids)])
        title = "、".join(organizations.mapped("complete_name"))
        return self.env["report.org_grassroots.report_member_register"]._register_values(
            members, docids, "org.party.organization", organizations, title
        )
