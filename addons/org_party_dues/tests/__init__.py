from . import test_arithmetic
from . import test_rules
from . import test_cron
from . import test_payment
from . import test_arrears
from . import test_ledger
from . import test_access_matrix
from . import test_report
