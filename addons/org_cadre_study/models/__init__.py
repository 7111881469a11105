from . import hr_employee
from . import org_cadre_training_enrollment
from . import org_cadre_training_program
from . import org_dictionary_item
