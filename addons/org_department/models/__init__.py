from . import org_integrity_risk
