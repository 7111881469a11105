from . import test_department
from . import test_access_matrix
from . import test_query_counts
