from . import org_talent_card_report
