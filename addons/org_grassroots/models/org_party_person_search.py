from odoo import models


class OrgPartyMember(models.Model):
    """Members are found by pinyin, initials and ID number (org_base's person search)."""

    _name = "org.party.member"
    _inherit = ["org.party.member", "org.person.search.mixin"]


class OrgPartyCandidate(models.Model):
    """Candidates (入党积极分子 and the later stages) likewise."""

    _name = "org.party.candidate"
    _inherit = ["org.party.candidate", "org.person.search.mixin"]
