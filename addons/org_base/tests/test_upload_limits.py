import base64
import io
import tracemalloc

from PIL import Image

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from ..tools import roster_reader
from ..tools.upload_limits import LimitError, Limits, check_image, read_zip_members
from . import hostile_files as hostile

MB = 1024 * 1024


def _peak(function, *args):
    """``(exception or result, peak bytes allocated by Python)`` of ``function(*args)``."""
    tracemalloc.start()
    try:
        try:
            outcome = function(*args)
        except LimitError as error:
            outcome = error
        return outcome, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _png(width=40, height=50):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestHostileFiles(TransactionCase):
    """Each hostile file stops at its limit, before the work, with bounded memory."""

    def assertRefused(self, outcome, code, **params):
        self.assertIsInstance(outcome, LimitError, f"expected the {code} limit, got {outcome!r}")
        self.assertEqual(outcome.code, code)
        for key, value in params.items():
            self.assertEqual(outcome.params[key], value, key)

    def test_spreadsheet_cell_at_column_xfd(self):
        # 10,000 rows with one cell at column XFD: 1 GB read naively.
        data = hostile.xlsx_with_far_cells(10000)
        self.assertLess(len(data), 200 * 1024)
        outcome, peak = _peak(roster_reader.read_sheet, data, "far.xlsx", Limits())
        self.assertRefused(outcome, "columns", row=1, limit=200)
        self.assertLess(peak, 20 * MB)
        # The same shape within the limit (column 200, GR) is read, row by row, 200 wide.
        sheet = roster_reader.read_sheet(hostile.xlsx_with_far_cells(300, "GR"), "near.xlsx", Limits())
        self.assertEqual(len(sheet.rows), 300)
        self.assertEqual({len(row) for row in sheet.rows}, {200})
        self.assertEqual(sheet.rows[299][0], "员工300")

    def test_spreadsheet_rows_and_cells(self):
        outcome, peak = _peak(roster_reader.read_sheet, hostile.csv_rows(100000), "big.csv", Limits())
        self.assertRefused(outcome, "rows", limit=50000)
        self.assertLess(peak, 120 * MB)
        limits = Limits(sheet_rows=10)
        # The header and 9 rows pass; one more is refused. Empty rows are not counted.
        self.assertEqual(len(roster_reader.read_sheet(hostile.csv_rows(9), "ok.csv", limits).rows), 10)
        padded = hostile.csv_rows(9) + b",\n" * 1000
        self.assertEqual(len(roster_reader.read_sheet(padded, "ok.csv", limits).rows), 10)
        outcome, _peak_bytes = _peak(roster_reader.read_sheet, hostile.csv_rows(10), "eleven.csv", limits)
        self.assertRefused(outcome, "rows", limit=10)
        outcome, _peak_bytes = _peak(
            roster_reader.read_sheet, hostile.csv_rows(3, cell="长" * 10000), "long.csv", Limits()
        )
        self.assertRefused(outcome, "cell_length", row=2, column=1, limit=2000)
        outcome, _peak_bytes = _peak(
            roster_reader.read_sheet, hostile.csv_rows(100), "big.csv", Limits(file_bytes=1000)
        )
        self.assertRefused(outcome, "file_bytes", limit=1000)

    def test_zip_bomb_stops_at_the_limit(self):
        bomb = hostile.zip_bomb(size=200 * MB)
        self.assertLess(len(bomb), 1 * MB)
        outcome, peak = _peak(read_zip_members, bomb, Limits())
        self.assertRefused(outcome, "zip_member_bytes", name="bomb.lrmx", limit=20 * MB)
        self.assertLess(peak, 60 * MB)
        # Members each under the file limit, together over the unpacked limit.
        outcome, _peak_bytes = _peak(
            read_zip_members, hostile.zip_bomb(size=3 * MB), Limits(file_bytes=4 * MB, zip_bytes=2 * MB)
        )
        self.assertRefused(outcome, "zip_bytes", limit=2 * MB)
        outcome, _peak_bytes = _peak(read_zip_members, hostile.zip_of_many(30), Limits(zip_entries=20))
        self.assertRefused(outcome, "zip_entries", count=30, limit=20)
        outcome, _peak_bytes = _peak(read_zip_members, b"PK\x03\x04broken", Limits())
        self.assertRefused(outcome, "zip_damaged")
        members = read_zip_members(
            hostile.zip_of_many(3), Limits(), accept=lambda info: info.filename != "a1.lrmx"
        )
        self.assertEqual([info.filename for info, _data in members], ["a0.lrmx", "a2.lrmx"])
        self.assertEqual(members[0][1], b"<Person/>")

    def test_photo_header_checks(self):
        limits = Limits()
        self.assertEqual(check_image(_png(), limits), "PNG")
        cases = {
            "image_pixels": hostile.png_header(30000, 30000),  # PIL's own bomb error otherwise
            "image_bytes": hostile.jpeg_padded(38 * MB),
            "image_type": hostile.SVG,
            "image_damaged": b"\0" * 1000,
        }
        for code, data in cases.items():
            outcome, peak = _peak(check_image, data, limits)
            self.assertRefused(outcome, code)
            self.assertLess(peak, 5 * MB, code)
        outcome, _peak_bytes = _peak(check_image, hostile.png_header(6000, 5000), limits)
        self.assertRefused(outcome, "image_pixels", width=6000, height=5000, limit=25_000_000)
        gif = io.BytesIO()
        Image.new("RGB", (4, 4)).save(gif, format="GIF")
        outcome, _peak_bytes = _peak(check_image, gif.getvalue(), limits)
        self.assertRefused(outcome, "image_type", type="GIF")


@tagged("post_install", "-at_install")
class TestUploadLimitSettings(TransactionCase):
    """The limits come from the settings and reach the user as sentences naming the file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env, "limits_officer", groups="org_base.group_org_user,hr.group_hr_user"
        )
        cls.Limits = cls.env["org.upload.limits"]

    def test_settings_change_the_limits(self):
        self.assertEqual(self.Limits._get_limits(), Limits())
        settings = self.env["res.config.settings"].create(
            {"org_upload_sheet_rows": 10, "org_upload_file_mb": 2, "org_upload_image_megapixels": 4}
        )
        settings.execute()
        limits = self.Limits._get_limits()
        self.assertEqual((limits.sheet_rows, limits.file_bytes, limits.image_pixels), (10, 2 * MB, 4_000_000))
        # A nonsense value keeps the default rather than refusing every file.
        self.env["ir.config_parameter"].set_param("org_base.upload_sheet_rows", "many")
        self.assertEqual(self.Limits._get_limits().sheet_rows, 50000)

    def test_roster_import_refuses_with_a_message(self):
        self.env["ir.config_parameter"].set_param("org_base.upload_sheet_rows", "10")
        wizard = (
            self.env["org.roster.import"]
            .with_user(self.officer)
            .create(
                {
                    "roster": "employee",
                    "file": base64.b64encode(hostile.csv_rows(20)),
                    "file_name": "花名册.csv",
                }
            )
        )
        with self.assertRaisesRegex(UserError, r"花名册\.csv.*more than 10 filled rows"):
            wizard.action_dry_run()
        self.env["ir.config_parameter"].set_param("org_base.upload_sheet_rows", "")
        far = (
            self.env["org.roster.import"]
            .with_user(self.officer)
            .create(
                {
                    "roster": "employee",
                    "file": base64.b64encode(hostile.xlsx_with_far_cells(10000)),
                    "file_name": "far.xlsx",
                }
            )
        )
        with self.assertRaisesRegex(UserError, r"far\.xlsx.*row 1 has a value beyond column 200"):
            far.action_dry_run()

    def test_employee_photo(self):
        Employee = self.env["hr.employee"].with_user(self.officer)
        with self.assertRaisesRegex(UserError, r"王芳.*more than 25 megapixels"):
            Employee.create(
                {"name": "王芳", "image_1920": base64.b64encode(hostile.png_header(30000, 30000))}
            )
        self.assertFalse(Employee.search([("name", "=", "王芳")]))
        employee = Employee.create({"name": "李明", "image_1920": base64.b64encode(_png())})
        stored = employee.image_1920
        self.assertTrue(stored)
        # Odoo gives users generated SVG avatars, which reach their employees: any image type
        # passes here (org_cadre asks JPEG or PNG of a cadre's ID photo).
        employee.write({"image_1920": base64.b64encode(hostile.SVG)})
        employee.write({"image_1920": base64.b64encode(_png())})
        for data, pattern in (
            (hostile.png_header(6000, 5000), r"李明.*more than 25 megapixels"),
            (hostile.jpeg_padded(38 * MB), r"李明.*38 MB, more than the 5 MB allowed"),
            (b"not an image at all", r"李明.*cannot be read as an image"),
        ):
            with self.assertRaisesRegex(UserError, pattern):
                employee.write({"image_1920": base64.b64encode(data)})
            self.assertEqual(employee.image_1920, stored)
