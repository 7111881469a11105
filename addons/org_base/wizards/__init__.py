from . import org_roster_import
from . import org_task_reject_wizard
from . import org_form_customization_delete
from . import org_form_customization_import
