from odoo import models
from odoo.osv import expression


class OrgPartyMember(models.Model):
    _inherit = "org.party.member"

    # The member's account (user_id): org_grassroots lets only officers link one; a secretary
    # links through the account wizard (org.member.portal.account.wizard), which creates a new
    # portal account for each member of their subtree, never an existing account.

    def write(self, vals):
        result = super().write(vals)
        if vals.get("active") is False:
            self._org_archive_member_accounts()
        return result

    def _org_archive_member_accounts(self):
        """A member who left (出党, 死亡, transferred out of the platform) is archived; their
        portal account goes with them. Internal accounts (staff) stay: they are not the
        member's only."""
        accounts = self.sudo().filtered(lambda member: not member.active).user_id
        accounts = accounts.filtered(lambda user: user.active and user.share)
        if accounts:
            accounts.write({"active": False})

    # The member portal (controllers/portal.py): values of the member's own pages. Each method
    # is called on the member the logged-in user reads through the record rules (their own);
    # what the member may see of other records (meetings, organizations) is read here, with
    # sudo, for this member only and only the fields the pages show.

    def _org_portal_record(self):
        self.ensure_one()
        member = self.sudo()
        statuses = dict(self._fields["status"]._description_selection(self.env))
        return {
            "name": member.name,
            "organization": member.organization_id.display_name,
            "status": statuses.get(member.status, ""),
            "gender": dict(self._fields["gender"]._description_selection(self.env)).get(member.gender, ""),
            "id_number": member.resident_id_masked or "",
            "date_join": member.date_join,
            "date_formal": member.date_formal,
            "party_post": member.party_post or "",
            "work_unit": member.work_unit or "",
            "mobile_phone": member.mobile_phone or "",
        }

    def _org_portal_sections(self):
        """The sections of the member's home page, [{title, text, url}]: other addons add
        theirs (dues, study hours) by extending this method."""
        self.ensure_one()
        return [
            {
                "title": self.env._("My Organization Life"),
                "text": self.env._("Meetings of my organization: attended and missed, by year."),
                "url": "/my/party/meetings",
            },
            {
                "title": self.env._("Membership Transfers"),
                "text": self.env._("Where my membership transfers stand."),
                "url": "/my/party/transfers",
            },
        ]

    def _org_portal_meeting_years(self):
        """[{year, attended, missed, meetings: [{date, name, type, attended}]}], latest first: the
        meetings held by the member's organization since they joined, and those they attended
        elsewhere."""
        self.ensure_one()
        member = self.sudo()
        Meeting = self.env["org.party.meeting"].sudo()
        own = [("organization_id", "=", member.organization_id.id), ("state", "=", "held")]
        if member.date_join:
            own.append(("date", ">=", member.date_join))
        attended_ids = set(Meeting.search([("attendee_ids", "in", member.ids), ("state", "=", "held")]).ids)
        meetings = Meeting.search(
            expression.OR([own, [("id", "in", list(attended_ids))]]), order="date desc, id desc"
        )
        years = {}
        for meeting in meetings:
            attended = meeting.id in attended_ids
            year = years.setdefault(
                meeting.date.year, {"year": meeting.date.year, "attended": 0, "missed": 0, "meetings": []}
            )
            year["attended" if attended else "missed"] += 1
            year["meetings"].append(
                {
                    "date": meeting.date,
                    "name": meeting.name,
                    "type": meeting.type_id.name or "",
                    "attended": attended,
                }
            )
        return sorted(years.values(), key=lambda year: -year["year"])

    def _org_portal_transfers(self):
        """The member's membership transfers (read through the member's own rights)."""
        self.ensure_one()
        transfers = self.env["org.party.transfer"].search([("member_id", "=", self.id)], order="id desc")
        kinds = dict(transfers._fields["kind"]._description_selection(self.env))
        states = dict(transfers._fields["state"]._description_selection(self.env))
        rows = []
        for transfer in transfers:
            sudo = transfer.sudo()
            rows.append(
                {
                    "kind": kinds.get(transfer.kind, ""),
                    "state": states.get(transfer.state, ""),
                    "state_code": transfer.state,
                    "date": transfer.date,
                    "from": sudo.organization_from_id.display_name or "",
                    "to": sudo.organization_to_id.display_name or sudo.external_organization or "",
                }
            )
        return rows

    def _org_portal_page_texts(self):
        """[(page, html)]: the content of the member's portal pages as the member reads them
        (tests/demo_smoke.py scans them for English words); bridges add their pages."""
        self.ensure_one()
        qweb = self.env["ir.qweb"]
        return [
            (
                "/my/party",
                qweb._render(
                    "org_member_portal.member_record_content",
                    {"record": self._org_portal_record(), "sections": self._org_portal_sections()},
                ),
            ),
            (
                "/my/party/meetings",
                qweb._render(
                    "org_member_portal.member_meetings_content", {"years": self._org_portal_meeting_years()}
                ),
            ),
            (
                "/my/party/transfers",
                qweb._render(
                    "org_member_portal.member_transfers_content", {"transfers": self._org_portal_transfers()}
                ),
            ),
        ]
