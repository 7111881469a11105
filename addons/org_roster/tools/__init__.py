from . import roster_reader
