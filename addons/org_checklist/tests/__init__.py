from . import test_checklist
from . import test_board
from . import test_board_flow
from . import test_satisfaction
from . import test_board_tour
from . import test_query_counts
from . import test_checklist_delete
from . import test_access_matrix
