import functools
from datetime import datetime, time

import pytz

from odoo import models

# The office works in China Standard Time unless the company's address says otherwise.
OFFICE_TZ = "Asia/Shanghai"


@functools.lru_cache(maxsize=64)
def _zone(name):
    """The pytz zone of a time zone name, China Standard Time for none or an unknown one
    (cached: every rule that reads today asks it, e.g. once per row of a roster import)."""
    return pytz.timezone(name if name in pytz.all_timezones_set else OFFICE_TZ)


class ResCompany(models.Model):
    _inherit = "res.company"

    def _org_office_tz(self):
        """The office's time zone (a pytz zone): the company partner's, else China Standard Time.

        The platform's days (today, tomorrow, a deadline's day, a year) are the office's, not the
        server's (UTC) nor a user's browser's: a cron has no user time zone.
        """
        company = self[:1] or self.env.company
        return _zone(company.partner_id.tz)

    def _org_office_today(self):
        """Today's date at the office."""
        return datetime.now(self._org_office_tz()).date()

    def _org_office_date(self, value):
        """The office's date of a stored (naive UTC) datetime."""
        return pytz.utc.localize(value).astimezone(self._org_office_tz()).date()

    def _org_office_datetime(self, day, at=time.min):
        """The stored (naive UTC) datetime of ``at`` o'clock on ``day`` at the office; with the
        default midnight, the start of that office day (days' bounds for a search)."""
        tz = self._org_office_tz()
        return tz.localize(datetime.combine(day, at)).astimezone(pytz.utc).replace(tzinfo=None)
