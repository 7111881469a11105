from . import test_resident_id
from . import test_dictionary
from . import test_security
from . import test_checklist
from . import test_board
from . import test_board_tour
from . import test_roster_import
