from . import org_party_dues_year_report
