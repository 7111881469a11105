from odoo import fields, models


class OrgCadreImageBatchMixin(models.AbstractModel):
    """Resized copies of ``image_1920`` (image_1024 … image_128) computed for a batch at once.

    The standard computation of a related stored image assigns it record by record, and each
    assignment searches and creates one ir.attachment. Importing a zip of LRMX files creates
    hundreds of employees (and their work contacts) at once: here the values are computed the
    same way (``_process_related``), then the attachments of the batch are read with one
    search and created with one ``create`` per field. Stored values are identical; a single
    record keeps the standard computation.
    """

    _name = "org.cadre.image.batch.mixin"
    _description = "Batched Resized Images"

    def _compute_field_value(self, field):
        if not (
            isinstance(field, fields.Image)
            and field.related == "image_1920"
            and field.store
            and field.attachment
            and len(self) > 1
            and all(self._ids)
        ):
            return super()._compute_field_value(field)
        self._org_compute_resized_image(field)
        self._validate_fields([field.name])
        return None

    def _org_compute_resized_image(self, field):
        """Compute ``field`` on ``self`` like ``Image.write`` would, attachments in batch."""
        records = self.with_context(bin_size=False)
        env = records.env
        env.remove_to_compute(field, records)
        cache = env.cache
        processed = {}
        groups = {}  # new value: records to store it on
        for record in records:
            source = record.image_1920
            key = source or False
            if key not in processed:
                processed[key] = field._process_related(source, env)
            groups.setdefault(processed[key], []).append(record.id)
        changed = []  # (record, value, known to be not null)
        for value, ids in groups.items():
            group = records.browse(ids)
            cache_value = field.convert_to_cache(value, group)
            group = cache.get_records_different_from(group, field, cache_value)
            if not group:
                continue
            not_null = set(cache.get_records_different_from(group, field, None)._ids)
            cache.update(group, field, [cache_value] * len(group))
            changed.extend((record, value, record.id in not_null) for record in group)
        if not changed:
            return
        Attachment = env["ir.attachment"].sudo()
        maybe_stored = [record.id for record, _value, not_null in changed if not_null]
        existing = {}
        if maybe_stored:
            for attachment in Attachment.search(
                [
                    ("res_model", "=", field.model_name),
                    ("res_field", "=", field.name),
                    ("res_id", "in", maybe_stored),
                ]
            ):
                existing[attachment.res_id] = attachment
        to_create, to_unlink = [], Attachment
        for record, value, _not_null in changed:
            attachment = existing.get(record.id)
            if value and attachment:
                attachment.write({"datas": value})
            elif value:
                to_create.append(
                    {
                        "name": field.name,
                        "res_model": record._name,
                        "res_field": field.name,
                        "res_id": record.id,
                        "type": "binary",
                        "datas": value,
                    }
                )
            elif attachment:
                to_unlink |= attachment
        if to_create:
            Attachment.create(to_create)
        if to_unlink:
            to_unlink.unlink()
