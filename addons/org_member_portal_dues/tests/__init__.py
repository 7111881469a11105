from . import test_portal_dues
