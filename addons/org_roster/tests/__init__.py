from . import test_roster_import
from . import test_export_preset
from . import test_upload_limits
from . import test_formula_injection
from . import test_access_matrix
from . import test_roster_extension
from . import test_roster_formats
from . import test_roster_rules
