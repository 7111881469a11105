from . import org_cadre_lrmx_import
from . import org_roster_import
