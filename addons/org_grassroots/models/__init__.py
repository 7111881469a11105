from . import org_party_term_rule
from . import org_party_organization
from . import org_party_member
from . import res_users
from . import org_party_meeting_type
from . import org_party_meeting
from . import org_party_meeting_compliance
