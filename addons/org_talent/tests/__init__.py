from . import test_talent
from . import test_security
from . import test_application
from . import test_card
from . import test_service
from . import test_cron
from . import test_performance
from . import test_roster_import
# from . import test_tour
