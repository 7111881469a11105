from . import roster
