from markupsafe import Markup

from odoo import api, models
from odoo.tools import file_path
from odoo.tools.translate import LazyTranslate, TranslationImporter

MAIL_TERMS = LazyTranslate("odoo.addons.mail")

# What becomes of the sample records of Odoo's apps in our demo: archived, so that nobody sees
# them (they stay in the database for what still refers to them), or deleted when they have no
# archive and only tag other samples. Records of Odoo's own data (not samples) are kept.
SAMPLE_POLICY = {
    "hr.employee": "archive",
    "hr.department": "archive",
    "hr.job": "archive",
    "hr.employee.category": "unlink",
    "res.partner": "archive",
    "res.partner.category": "unlink",
    "project.project": "archive",
    "project.task": "archive",
    "project.task.type": "archive",
    "project.tags": "unlink",
    "project.update": "unlink",
    "account.analytic.account": "archive",
    "discuss.channel": "archive",
    "mail.message": "unlink",
    "mail.activity": "unlink",
}
# Odoo's demo users (archived by org_base_demo.xml), whose partners are samples too.
SAMPLE_USERS = ("base.user_demo", "base.demo_user0")
# Odoo's data records among them: not samples.
KEEP = {"hr.dep_administration", "hr.employee_admin", "mail.channel_all_employees", "mail.channel_admin"}


class OrgDemo(models.AbstractModel):
    """Helpers of the demo data only (called from demo files, never from the application)."""

    _name = "org.demo"
    _description = "Demo Data Helpers"

    @api.model
    def _org_demo_hide_odoo_samples(self, modules):
        """Archive (or delete) the sample records the demo data of Odoo's ``modules`` made,
        record by xml id; a module that is not installed has none, so nothing happens."""
        data = self.env["ir.model.data"].sudo().search([("module", "in", modules)])
        by_model = {}
        for row in data:
            if row.complete_name not in KEEP and row.model in SAMPLE_POLICY and row.model in self.env:
                by_model.setdefault(row.model, []).append(row.res_id)
        # Tasks and messages first, then what they belong to.
        for model in sorted(by_model, key=list(SAMPLE_POLICY).index, reverse=True):
            records = self.env[model].sudo().with_context(active_test=False).browse(by_model[model]).exists()
            if model == "res.partner":
                # A partner of a user (the administrator, OdooBot, the public user) or a company
                # stays, but for Odoo's demo users (Marc Demo, Joel Willis), archived by our demo.
                sample_users = self.env["res.users"]
                for xmlid in SAMPLE_USERS:
                    sample_users |= self.env.ref(xmlid, raise_if_not_found=False) or sample_users
                records = records.filtered(
                    lambda partner, samples=sample_users: not (partner.user_ids - samples)
                    and not partner.is_company
                )
                records |= (
                    self.env["res.partner"]
                    .sudo()
                    .browse(by_model[model])
                    .exists()
                    .filtered(
                        lambda partner: partner.is_company
                        and not self.env["res.company"].sudo().search_count([("partner_id", "=", partner.id)])
                    )
                )
            if SAMPLE_POLICY[model] == "archive":
                records.filtered("active").with_context(active_test=True).write({"active": False})
            else:
                records.unlink()

    @api.model
    def _org_demo_load_chinese(self, module):
        """Load ``module``'s 简体中文 now, before its demo data (Odoo loads a module's
        translations after its demo data), so that texts the demo makes (creation messages
        naming the model, a board's name in a message) are made with the Chinese terms."""
        importer = TranslationImporter(self.env.cr, verbose=False)
        importer.load_file(file_path(f"{module}/i18n/zh_CN.po"), "zh_CN")
        importer.save(overwrite=False)

    @api.model
    def _org_demo_chinese_messages(self, module):
        """Messages the demo data logged name models and boards as they were then: in English,
        as Odoo loads an addon's translations after its demo data and demo records are made
        without a language ("Talent Tier 创建"). Name them in 简体中文, as the office would
        have seen them: the model of each creation message, and ``module``'s boards."""
        self._org_demo_load_chinese(module)
        Message = self.env["mail.message"].sudo()
        # mail's creation message ("%s created", mail_thread._creation_message), in Chinese.
        created = self.with_context(lang="zh_CN").env._(MAIL_TERMS("%s created"))
        terms = {}
        for row in (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", module), ("model", "=", "project.project")])
        ):
            board = self.env["project.project"].sudo().browse(row.res_id).exists()
            if board and board.with_context(lang="en_US").name != board.with_context(lang="zh_CN").name:
                terms[board.with_context(lang="en_US").name] = board.with_context(lang="zh_CN").name
        messages = Message.search([])
        for model in self.env["ir.model"].sudo().search([("model", "in", messages.mapped("model"))]):
            english, chinese = model.with_context(lang="en_US").name, model.with_context(lang="zh_CN").name
            if english != chinese:
                terms[created % english] = created % chinese
        longest_first = sorted(terms, key=len, reverse=True)
        for message in messages:
            body = str(message.body or "")
            new_body = body
            for english in longest_first:
                if english in new_body:
                    new_body = new_body.replace(english, terms[english])
            if new_body != body:
                message.body = Markup(new_body)
