from . import base
from . import org_roster
