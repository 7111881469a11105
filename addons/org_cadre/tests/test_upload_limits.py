import base64
import tracemalloc

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.org_base.tests import hostile_files as hostile

from .common import PHOTO, CadreCommon, lrmx_bytes, zip_bytes

MB = 1024 * 1024


@tagged("post_install", "-at_install")
class TestLrmxUploadLimits(CadreCommon):
    """Hostile LRMX uploads stop at the upload limits with a message naming the file."""

    def test_zip_bomb(self):
        bomb = hostile.zip_bomb("干部.lrmx", size=200 * MB)
        tracemalloc.start()
        try:
            with self.assertRaisesRegex(UserError, r"bomb\.zip.*干部\.lrmx.*more than 20 MB"):
                self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(bomb, "bomb.zip")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        self.assertLess(peak, 60 * MB)

    def test_archive_and_file_limits(self):
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        self.env["ir.config_parameter"].set_param("org_base.upload_zip_entries", "3")
        many = zip_bytes([(f"批量{index}.lrmx", lrmx_bytes(f"批量干部{index}")) for index in range(4)])
        with self.assertRaisesRegex(UserError, r"批量\.zip.*4 entries, more than the 3 allowed"):
            Employee._lrmx_import(many, "批量.zip")
        self.env["ir.config_parameter"].set_param("org_base.upload_file_mb", "1")
        with self.assertRaisesRegex(UserError, r"大\.lrmx.*more than the 1 MB allowed"):
            Employee._lrmx_import(lrmx_bytes(TianBiaoRen="李" * MB), "大.lrmx")
        self.assertFalse(Employee.search([("name", "like", "批量干部")]))

    def test_photo_of_a_file(self):
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        for photo, pattern in (
            (hostile.png_header(30000, 30000), r"照片\.lrmx.*more than 25 megapixels"),
            (hostile.SVG, r"照片\.lrmx.*type SVG/XML; only JPEG and PNG"),
        ):
            data = lrmx_bytes("照片干部", ZhaoPian=base64.b64encode(photo).decode())
            with self.assertRaisesRegex(UserError, pattern):
                Employee._lrmx_import(data, "照片.lrmx")
        self.assertFalse(Employee.search([("name", "=", "照片干部")]))

    def test_cadre_photo_is_jpeg_or_png(self):
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        before = self.cadre.image_1920
        with self.assertRaisesRegex(UserError, r"测试干部甲.*type SVG/XML; only JPEG and PNG"):
            Employee.browse(self.cadre.id).write({"image_1920": base64.b64encode(hostile.SVG)})
        self.assertEqual(self.cadre.image_1920, before)
        with self.assertRaisesRegex(UserError, r"新干部.*type GIF"):
            Employee.create({"name": "新干部", "is_cadre": True, "image_1920": base64.b64encode(hostile.GIF)})
        Employee.browse(self.cadre.id).write({"image_1920": PHOTO})
        self.assertTrue(self.cadre.image_1920)
        # Not a cadre: any image Odoo takes passes (hr gives employees generated SVG avatars).
        employee = Employee.create({"name": "普通职工", "image_1920": base64.b64encode(hostile.SVG)})
        self.assertTrue(employee.image_1920)
