from . import test_access_matrix, test_meeting_signin, test_routes, test_tour
