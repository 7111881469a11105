from . import test_resident_id
from . import test_dictionary
from . import test_security
