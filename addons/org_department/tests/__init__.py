from . import test_department
from . import test_access_matrix
