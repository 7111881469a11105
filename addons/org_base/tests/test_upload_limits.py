import base64
import io

from PIL import Image

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from ..tools.upload_limits import LimitError, Limits, check_image, read_zip_members
from . import hostile_files as hostile

MB = 1024 * 1024


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

    def test_zip_bomb_stops_at_the_limit(self):
        bomb = hostile.zip_bomb(size=200 * MB)
        self.assertLess(len(bomb), 1 * MB)
        outcome, peak = hostile.peak(read_zip_members, bomb, Limits())
        self.assertRefused(outcome, "zip_member_bytes", name="bomb.lrmx", limit=20 * MB)
        self.assertLess(peak, 60 * MB)
        # Members each under the file limit, together over the unpacked limit.
        outcome, _peak_bytes = hostile.peak(
            read_zip_members, hostile.zip_bomb(size=3 * MB), Limits(file_bytes=4 * MB, zip_bytes=2 * MB)
        )
        self.assertRefused(outcome, "zip_bytes", limit=2 * MB)
        outcome, _peak_bytes = hostile.peak(read_zip_members, hostile.zip_of_many(30), Limits(zip_entries=20))
        self.assertRefused(outcome, "zip_entries", count=30, limit=20)
        outcome, _peak_bytes = hostile.peak(read_zip_members, b"PK\x03\x04broken", Limits())
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
            outcome, peak = hostile.peak(check_image, data, limits)
            self.assertRefused(outcome, code)
            self.assertLess(peak, 5 * MB, code)
        outcome, _peak_bytes = hostile.peak(check_image, hostile.png_header(6000, 5000), limits)
        self.assertRefused(outcome, "image_pixels", width=6000, height=5000, limit=25_000_000)
        gif = io.BytesIO()
        Image.new("RGB", (4, 4)).save(gif, format="GIF")
        outcome, _peak_bytes = hostile.peak(check_image, gif.getvalue(), limits)
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
