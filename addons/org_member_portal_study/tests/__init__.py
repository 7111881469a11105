from . import test_portal_study
