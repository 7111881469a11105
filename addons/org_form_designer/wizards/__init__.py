from . import org_form_customization_delete
from . import org_form_customization_import
