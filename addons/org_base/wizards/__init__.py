from . import org_roster_import
from . import org_task_reject_wizard
