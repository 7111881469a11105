import functools
from collections import defaultdict

from odoo import api, models


class MailFollowers(models.Model):
    """Followers are read only by those who read the record they follow (mail lists them to every
    internal user: who follows a confidential record tells about it)."""

    _inherit = "mail.followers"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation != "read" or not self or self.env.su:
            return result
        followers = self - result[0] if result else self
        by_model = defaultdict(lambda: defaultdict(list))
        for follower in followers.sudo():
            by_model[follower.res_model][follower.res_id].append(follower.id)
        forbidden_ids = []
        for res_model, ids_by_doc in by_model.items():
            if res_model not in self.env:
                continue
            documents = self.env[res_model].browse(ids_by_doc).exists()
            allowed = set(documents._filtered_access("read")._ids)
            forbidden_ids.extend(
                follower_id
                for doc_id, follower_ids in ids_by_doc.items()
                if doc_id not in allowed
                for follower_id in follower_ids
            )
        if not forbidden_ids:
            return result
        forbidden = self.browse(forbidden_ids)
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, functools.partial(self.env["ir.rule"]._make_access_error, operation, forbidden))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.su:
            return query
        rows = self.env.execute_query(
            query.select(*[self._field_to_sql(self._table, fname) for fname in ("id", "res_model", "res_id")])
        )
        doc_ids = defaultdict(set)
        for _follower_id, res_model, res_id in rows:
            doc_ids[res_model].add(res_id)
        allowed = {
            res_model: set(self.env[res_model].browse(ids).exists()._filtered_access("read")._ids)
            for res_model, ids in doc_ids.items()
            if res_model in self.env
        }
        return self.browse(
            follower_id for follower_id, res_model, res_id in rows if res_id in allowed.get(res_model, ())
        )._as_query(order)
