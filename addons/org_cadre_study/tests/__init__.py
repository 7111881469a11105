from . import test_study_credit
from . import test_install_hook
from . import test_study_level
