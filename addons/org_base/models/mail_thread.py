from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # The activities of a batch reminder: their users follow the records in one batch
        # (mail.activity._org_follow_assigned), not one person at a time.
        if self.env.context.get("org_followers_batched"):
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)
