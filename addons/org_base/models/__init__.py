from . import org_dictionary
from . import org_dictionary_item
from . import org_resident_id_mixin
from . import hr_employee
from . import org_roster
