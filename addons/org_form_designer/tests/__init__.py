from . import test_form_customization
from . import test_form_designer_tour
from . import test_access_matrix
