from . import org_roster
