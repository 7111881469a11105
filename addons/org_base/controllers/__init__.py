from . import export
from . import roster
