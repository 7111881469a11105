from . import org_form_customization
from . import org_form_customization_line
