import logging

from odoo.tests import tagged

from .common import TalentCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestFirstPageQueries(TalentCommon):
    """A full first page of the talent list and kanban and of the claim list and kanban
    costs the same number of queries for 100 or 300 records (100 fills a page of 80 and
    kanban columns of 40, so any difference grows with the volume)."""

    def _specification(self, model, view_type):
        views = model.get_views([(False, view_type)])
        fields = views["models"][model._name]["fields"]
        spec = {}
        for name, description in fields.items():
            if description["type"] in ("many2one", "many2many", "one2many"):
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def _first_page(self, model, view_type, group_by=None):
        """Queries of the first page, measured on a second call (the first warms the registry
        caches: views, rules, translations), and the number of records it read."""
        model = model.with_user(self.user_talent)
        spec = self._specification(model, view_type)
        for _attempt in range(2):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            read = 0
            if group_by:
                groups = model.web_read_group([], list(spec), [group_by], limit=80)
                for group in groups["groups"]:
                    read += len(model.web_search_read(group["__domain"], spec, limit=40)["records"])
            else:
                read = len(model.web_search_read([], spec, limit=80)["records"])
            count = self.env.cr.sql_log_count - before
        return count, read

    def _fill(self, count):
        start = self.env["org.talent"].search_count([])
        employers = self.env["res.partner"].create(
            [{"name": f"企业{index}", "is_company": True} for index in range(5)]
        )
        talents = self.env["org.talent"].create(
            [
                {
                    "name": f"人才{start + index}",
                    "tier_id": (self.tier_leading, self.tier_young, self.tier_skilled)[index % 3].id,
                    "employer_id": employers[index % 5].id,
                    "platform_id": self.platform.id,
                    "user_id": self.user_talent.id,
                }
                for index in range(count)
            ]
        )
        applications = self.env["org.talent.application"].create(
            [
                {
                    "talent_id": talent.id,
                    "policy_item_id": (self.item_rent, self.item_salary)[index % 2].id,
                    "amount": 1000,
                    "user_id": self.user_talent.id,
                }
                for index, talent in enumerate(talents)
            ]
        )
        applications[: count // 2].write({"state": "submitted"})

    def test_first_pages_at_two_sizes(self):
        Talent = self.env["org.talent"]
        Application = self.env["org.talent.application"]
        results = {}
        for total in (100, 300):
            self._fill(total - self.env["org.talent"].search_count([]))
            results[total] = {
                "talent list": self._first_page(Talent, "list"),
                "talent kanban": self._first_page(Talent, "kanban"),
                "claim list": self._first_page(Application, "list"),
                "claim kanban": self._first_page(Application, "kanban", group_by="state"),
            }
        _logger.info("first page queries and records read at 100 and 300 records: %s", results)
        for name, (small, small_read) in results[100].items():
            large, large_read = results[300][name]
            # Each page read a full page at both sizes, or it measured nothing.
            self.assertGreaterEqual(small_read, 80, f"{name}: {small_read} records read of 100")
            self.assertGreaterEqual(large_read, small_read, f"{name}: {large_read} records read of 300")
            self.assertLessEqual(large, small + 2, f"{name}: {small} vs {large}")
