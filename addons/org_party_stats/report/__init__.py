from . import org_party_stats_report
