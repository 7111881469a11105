from . import org_roster_import
