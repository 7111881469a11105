from . import test_organization
from . import test_member
from . import test_security
from . import test_roster_import
from . import test_reelection_cron
from . import test_meeting
from . import test_views
