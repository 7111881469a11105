from . import org_party_member
