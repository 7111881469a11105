from odoo import fields, models, tools
from odoo.tools import SQL


class OrgPartyDuesLedger(models.Model):
    """党费台账: per organization and month, the dues due (lines of the month), collected
    (paid in the month, whatever month they were of), and passed up (上缴). A database view:
    the secretary's record rule on the organization applies as on the other party records."""

    _name = "org.party.dues.ledger"
    _description = "Party Dues Ledger"
    _auto = False
    _order = "month desc, organization_id"
    _rec_name = "organization_id"

    organization_id = fields.Many2one("org.party.organization", string="Party Organization", readonly=True)
    month = fields.Date(readonly=True)
    month_label = fields.Char(string="Month of the Dues", readonly=True)
    # the main company's currency, read when the view is queried
    currency_id = fields.Many2one("res.currency", readonly=True)
    amount_due = fields.Monetary(string="Due", readonly=True)
    amount_due_paid = fields.Monetary(string="Due and Paid", readonly=True)
    amount_collected = fields.Monetary(string="Collected (收缴)", readonly=True)
    amount_remitted = fields.Monetary(string="Passed Up (上缴)", readonly=True)
    amount_kept = fields.Monetary(string="Kept", readonly=True, help="Collected less passed up.")
    count_due = fields.Integer(string="Members Due", readonly=True)
    count_unpaid = fields.Integer(string="Months Unpaid", readonly=True)

    # One row per organization and month; its id says which (organization × 10,000 + months
    # since 1900): stable, so that a row keeps its id when other rows appear.
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT (organization_id * 10000 + (EXTRACT(YEAR FROM month)::int - 1900) * 12
                        + EXTRACT(MONTH FROM month)::int)::int AS id,
                       organization_id, month, to_char(month, 'YYYY-MM') AS month_label,
                       (SELECT currency_id FROM res_company ORDER BY id LIMIT 1) AS currency_id,
                       SUM(due) AS amount_due, SUM(due_paid) AS amount_due_paid,
                       SUM(collected) AS amount_collected, SUM(remitted) AS amount_remitted,
                       SUM(collected) - SUM(remitted) AS amount_kept,
                       SUM(count_due)::int AS count_due, SUM(count_unpaid)::int AS count_unpaid
                  FROM (
                        SELECT organization_id, month, amount AS due,
                               CASE WHEN date_paid IS NOT NULL THEN amount ELSE 0 END AS due_paid,
                               0 AS collected, 0 AS remitted, 1 AS count_due,
                               CASE WHEN date_paid IS NULL THEN 1 ELSE 0 END AS count_unpaid
                          FROM org_party_dues_line
                     UNION ALL
                        SELECT organization_id, date_trunc('month', date_paid)::date, 0, 0, amount, 0, 0, 0
                          FROM org_party_dues_line WHERE date_paid IS NOT NULL
                     UNION ALL
                        SELECT organization_id, month, 0, 0, 0, amount, 0, 0
                          FROM org_party_dues_remittance
                  ) AS moves
              GROUP BY organization_id, month
            )
            """,
                SQL.identifier(self._table),
            )
        )
