from . import org_task_reject_wizard
