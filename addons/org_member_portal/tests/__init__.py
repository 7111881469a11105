from . import test_access_matrix, test_accounts, test_portal_http
