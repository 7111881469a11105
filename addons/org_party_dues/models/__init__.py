from . import org_party_dues_category
from . import org_party_dues_base
from . import org_party_dues_line
from . import org_party_dues_payment
from . import org_party_dues_remittance
from . import org_party_dues_ledger
from . import org_party_member
