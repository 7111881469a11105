from . import org_checklist_template
from . import org_checklist_template_item
from . import org_checklist_line
from . import org_checklist_mixin
from . import org_board_type
from . import project_task_type
from . import project_project
from . import project_task
