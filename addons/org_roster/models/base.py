from odoo import api, models


class Base(models.AbstractModel):
    """The hooks through which a roster import asks the model it fills for what the roster's
    data cannot say. Each is called once per check or import, never once per row; a model
    (or an AbstractModel it inherits) overrides the ones it needs and calls ``super()``.
    """

    _inherit = "base"

    @api.model
    def _org_roster_check_import(self, wizard):
        """Before the file is read: raise a UserError when the import cannot start, e.g. a
        sign-in sheet without its session. ``wizard`` is the ``org.roster.import``."""
        return None

    @api.model
    def _org_roster_prepare_values(self, rows, wizard):
        """Complete the values of the valid rows before they are matched to records.

        ``rows`` is a list of ``(row number, vals)``; ``vals`` may be changed in place (e.g.
        filled with a key field no column fills, or a value an empty cell stands for).
        Returns a list of ``(row number, message)`` for the rows refused; each message names
        its row, in the user's language.
        """
        return []

    def _org_roster_after_import(self, wizard):
        """After an import wrote its rows, on every record it created or updated (empty when
        nothing changed), inside the import's savepoint: raising undoes the whole import."""
        return None
