from odoo import api, fields, models


class OrgCadreResumeLine(models.Model):
    """One period of a cadre's 简历: from, to (empty while current), unit and post."""

    _name = "org.cadre.resume.line"
    _description = "Cadre Resume Line"
    _order = "employee_id, date_start, id"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="To", help="Empty while the cadre holds the post.")
    name = fields.Text(string="Unit and Post", required=True)

    @api.constrains("date_start", "date_end", "employee_id")
    def _check_dates(self):
        self._org_check_rules()

    @api.model
    def _org_rule_record_name(self, record):
        return self.env._("Resume of %(employee)s", employee=record.employee_id.sudo().name or "")

    def _org_rule_messages(self):
        """A period starts after the birth date, ends after it starts, and neither end is
        after the office's today. (A period may come before 参加工作时间: study periods do.)"""
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
        post = (self.name or "").splitlines()[0] if self.name else ""
        if self.date_start and self.date_end and self.date_end < self.date_start:
            messages.append(
                (
                    ("date_start", "date_end"),
                    self.env._(
                        "the period “%(post)s” ends on %(end)s, before it starts on %(start)s.",
                        post=post,
                        start=self.date_start,
                        end=self.date_end,
                    ),
                )
            )
        for name in ("date_start", "date_end"):
            if self[name] and self[name] > today:
                messages.append(
                    (
                        (name,),
                        self.env._(
                            "the period “%(post)s” has the date %(date)s, in the future "
                            "(today is %(today)s).",
                            post=post,
                            date=self[name],
                            today=today,
                        ),
                    )
                )
        birthday = self.employee_id.sudo().birthday
        if birthday and self.date_start and self.date_start < birthday:
            messages.append(
                (
                    ("date_start",),
                    self.env._(
                        "the period “%(post)s” starts on %(start)s, before the birth date %(birthday)s.",
                        post=post,
                        start=self.date_start,
                        birthday=birthday,
                    ),
                )
            )
        return messages
