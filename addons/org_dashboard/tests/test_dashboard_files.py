import importlib.util

from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open
from odoo.tools.misc import file_path

from .common import DASHBOARD_FILES, data_sources


@tagged("post_install", "-at_install")
class TestDashboardFiles(TransactionCase):
    def test_committed_files_are_what_the_generator_builds(self):
        spec = importlib.util.spec_from_file_location(
            "generate_dashboards", file_path("org_dashboard/tools/generate_dashboards.py")
        )
        generator = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(generator)
        for filename, builder in generator.DASHBOARDS.items():
            with file_open("org_dashboard/data/files/" + filename) as file:
                self.assertEqual(
                    file.read(), generator.render(builder), f"{filename}: run tools/generate_dashboards.py"
                )

    def test_sources_group_by_stored_fields(self):
        """A pivot or chart groups and aggregates stored fields only (read_group needs them)."""
        for xmlid, path in DASHBOARD_FILES.items():
            _data, sources = data_sources(path)
            self.assertTrue(sources, xmlid)
            for name, model, _domain, groupby, measures, matching in sources:
                fields = self.env[model]._fields
                for spec in groupby + measures + [m["chain"] for m in matching.values()]:
                    field_name = spec.split(":")[0]
                    if field_name == "__count":
                        continue
                    self.assertIn(field_name, fields, f"{xmlid} {name}: {model}.{field_name}")
                    self.assertTrue(fields[field_name].store, f"{xmlid} {name}: {model}.{field_name} stored")

    def test_dashboards_are_loaded_from_the_files(self):
        for xmlid, path in DASHBOARD_FILES.items():
            dashboard = self.env.ref(xmlid)
            with file_open(path) as file:
                self.assertEqual(dashboard.spreadsheet_data, file.read())
            self.assertEqual(
                dashboard.dashboard_group_id, self.env.ref("org_dashboard.spreadsheet_dashboard_group_org")
            )
