from . import layout, org_party_member, org_party_stats
