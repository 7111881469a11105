from . import test_access_matrix, test_annual_report, test_query_counts, test_security
