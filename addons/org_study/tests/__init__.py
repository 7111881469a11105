from . import test_session
from . import test_ledger
from . import test_security
from . import test_cron
from . import test_research
from . import test_roster_import
from . import test_performance
from . import test_tour
