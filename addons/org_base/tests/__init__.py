from . import test_resident_id
from . import test_dictionary
from . import test_security
from . import test_upload_limits
from . import test_export_xlsx
from . import test_access_matrix
from . import test_accounts
from . import test_audit_log
