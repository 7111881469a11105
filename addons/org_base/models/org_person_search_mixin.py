import contextlib
import re
import unicodedata

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column, table_exists

from ..tools.name_pinyin import name_pinyin, pinyin_query
from ..tools.resident_id import ResidentIdError, normalize_resident_id

PINYIN_FILL_BATCH = 10000


class OrgPersonSearchMixin(models.AbstractModel):
    """Finds a person as staff type: the name, its pinyin or initials (``zxd`` for 张晓东), and,
    for users who may read it, the resident ID number whole or its last 4 to 6 characters.

    The name is ``_org_pinyin_field`` (default ``_rec_name``); the number ``_org_id_search_field``
    (default the ``_resident_id_field`` of org.resident.id.mixin). A search view uses it as
    ``filter_domain="['|', ('display_name', 'ilike', self), ('org_id_search', '=', self)]"``;
    Many2one dropdowns (name_search) find the pinyin through the display name.
    """

    _name = "org.person.search.mixin"
    _description = "Person Search (pinyin, ID number)"

    _org_pinyin_field = None
    _org_id_search_field = None

    name_pinyin = fields.Char(
        compute="_compute_name_pinyin",
        store=True,
        index="trigram",
        help="Full pinyin and initials of the name, e.g. zhangxiaodong zxd.",
    )
    org_id_search = fields.Char(
        string="ID Number Search",
        compute="_compute_org_id_search",
        search="_search_org_id_search",
        help="Searches the resident ID number (whole, or its last 4 to 6 characters), only for "
        "users who may read the number.",
    )

    def _org_pinyin_source(self):
        return self._org_pinyin_field or self._rec_name

    def _org_id_search_source(self):
        return self._org_id_search_field or getattr(self, "_resident_id_field", None)

    @api.depends(lambda self: [self._org_pinyin_source()])
    def _compute_name_pinyin(self):
        source = self._org_pinyin_source()
        for record in self:
            record.name_pinyin = name_pinyin(record[source])

    def _compute_org_id_search(self):
        self.org_id_search = False

    def _search_org_id_search(self, operator, value):
        """The number whole (any form the normalizer accepts: 15 or 18 digits, lower-case x,
        full-width) or its last 4 to 6 characters; nothing at all for a user who may not read
        the number, so that a search cannot confirm a number to them."""
        fname = self._org_id_search_source()
        if (
            operator not in ("=", "ilike")
            or not isinstance(value, str)
            or not fname
            or not self._fields[fname].is_accessible(self.env)
        ):
            return expression.FALSE_DOMAIN
        number = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).upper()
        with contextlib.suppress(ResidentIdError):
            return [(fname, "=", normalize_resident_id(number))]
        if re.fullmatch(r"\d{3,5}[\dX]", number):
            return [(fname, "=like", f"%{number}")]
        if re.fullmatch(r"[0-9A-Z]{7,}", number) and re.search(r"\d", number):
            return [(fname, "=", number)]  # a passport or permit number, whole
        return expression.FALSE_DOMAIN

    @api.model
    def _org_pinyin_domain(self, value):
        """Records whose name's full pinyin contains ``value``, or whose initials begin with it;
        an empty domain when ``value`` is not pinyin."""
        letters = pinyin_query(value)
        if not letters or not self._fields["name_pinyin"].is_accessible(self.env):
            return []
        return [
            "|",
            ("name_pinyin", "=like", f"%{letters}% %"),
            ("name_pinyin", "=like", f"% {letters}%"),
        ]

    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if operator == "ilike" and isinstance(value, str):
            pinyin = self._org_pinyin_domain(value)
            if pinyin:
                domain = expression.OR([domain, pinyin])
        return domain

    def _auto_init(self):
        """Add the pinyin column and fill it in batches of SQL (a new stored computed field
        would otherwise be computed record by record on install or upgrade)."""
        cr = self.env.cr
        source = self._org_pinyin_source()
        fill = (
            self._auto
            and table_exists(cr, self._table)
            and not column_exists(cr, self._table, "name_pinyin")
            and column_exists(cr, self._table, source)
        )
        if fill:
            create_column(cr, self._table, "name_pinyin", "varchar")
        result = super()._auto_init()
        if fill:
            self._org_fill_name_pinyin()
        return result

    def _org_fill_name_pinyin(self):
        """Two queries per 10,000 records: read the names, write their pinyin."""
        cr = self.env.cr
        table = SQL.identifier(self._table)
        source = SQL.identifier(self._org_pinyin_source())
        last_id = 0
        while True:
            cr.execute(
                SQL(
                    "SELECT id, %s FROM %s WHERE id > %s ORDER BY id LIMIT %s",
                    source,
                    table,
                    last_id,
                    PINYIN_FILL_BATCH,
                )
            )
            rows = cr.fetchall()
            if not rows:
                break
            last_id = rows[-1][0]
            pairs = [(row_id, name_pinyin(name)) for row_id, name in rows]
            pairs = [(row_id, pinyin) for row_id, pinyin in pairs if pinyin]
            if pairs:
                cr.execute(
                    SQL(
                        "UPDATE %s AS t SET name_pinyin = v.pinyin "
                        "FROM unnest(%s::int[], %s::varchar[]) AS v(id, pinyin) WHERE t.id = v.id",
                        table,
                        [row_id for row_id, _pinyin in pairs],
                        [pinyin for _row_id, pinyin in pairs],
                    )
                )
