from . import cadre_form_report
