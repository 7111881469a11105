import base64
import datetime
import importlib.util
import io
import os
import zipfile

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL

from ..tools import lrmx
from .common import PHOTO, CadreCommon, lrmx_bytes, resident_id, zip_bytes


@tagged("post_install", "-at_install")
class TestLrmx(CadreCommon):
    def _import(self, data, filename="张三.lrmx"):
        return self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(data, filename)

    def test_import_one_file(self):
        employee = self._import(lrmx_bytes())
        self.assertEqual(len(employee), 1)
        self.assertTrue(employee.is_cadre)
        self.assertEqual(employee.name, "张三")
        self.assertEqual(employee.gender, "male")
        self.assertEqual(str(employee.birthday), "1985-03-15", "the day comes from the ID number")
        self.assertEqual(employee.cadre_ethnicity_id.name, "汉族")
        self.assertEqual(str(employee.cadre_party_join_date), "2006-06-01", "YYYY.MM")
        self.assertEqual(str(employee.cadre_work_start_date), "2008-07-01", "YYYYMM")
        self.assertEqual(employee.cadre_current_post, "经开区招商局副局长")
        self.assertEqual(employee.image_1920, PHOTO)
        self.assertEqual(len(employee.cadre_resume_line_ids), 3)
        current = employee.cadre_resume_line_ids[-1]
        self.assertFalse(current.date_end)
        self.assertIn("华中科技大学在职研究生", current.name)
        self.assertEqual(
            employee.cadre_family_member_ids.mapped("name"), ["王芳", "张小明"], "family members in order"
        )
        self.assertEqual(str(employee.cadre_family_member_ids[1].birth_date), "2015-02-01")
        self.assertEqual(
            {(r.year, r.grade) for r in employee.cadre_annual_result_ids},
            {(2021, "competent"), (2022, "excellent")},
        )

    def test_coded_texts_name_dictionary_entries(self):
        """学历, 学位 and 政治面貌 are entries of their dictionaries, named in the file by name,
        short name or code, or without the ending the entries carry (工学学士 for 工学学士学位)."""
        employee = self._import(lrmx_bytes())
        ref = self.env.ref
        self.assertEqual(employee.cadre_fulltime_education_id, ref("org_base.education_20"))
        self.assertEqual(employee.cadre_fulltime_degree_id, ref("org_base.degree_408"))
        self.assertEqual(employee.cadre_parttime_education_id, ref("org_base.education_10"), "研究生教育")
        self.assertEqual(employee.cadre_parttime_degree_id, ref("org_base.degree_312"))
        self.assertEqual(
            employee.cadre_family_member_ids.political_status_id,
            ref("org_base.political_status_01") | ref("org_base.political_status_13"),
            "中共党员 is the short name of 中国共产党党员",
        )
        by_code = self._import(
            lrmx_bytes(QuanRiZhiJiaoYu_XueLi="21", XingBie="2", number=resident_id(order=422))
        )
        self.assertEqual(by_code.cadre_fulltime_education_id, ref("org_base.education_21"))
        self.assertEqual(by_code.gender, "female", "the code of the gender dictionary")
        # 任免审批表 write the education short: 大学 for 大学本科, 大专 for the 专科 (org_base's
        # short names of the education dictionary).
        for text, xml_id, order in (("大学", "education_20", 423), ("大专", "education_30", 425)):
            short = self._import(lrmx_bytes(QuanRiZhiJiaoYu_XueLi=text, number=resident_id(order=order)))
            self.assertEqual(short.cadre_fulltime_education_id, ref(f"org_base.{xml_id}"), text)
        self.assertIn(b"<XingBie>2</XingBie>", by_code._lrmx_export()[1], "the file's own text")
        by_code.sudo().cadre_lrmx_source = False
        self.assertIn(
            b"<XingBie>\xe5\xa5\xb3</XingBie>",
            by_code._lrmx_export()[1],
            "written as the dictionary names it",
        )

    def test_gbk_file_with_and_without_declaration(self):
        employee = self._import(lrmx_bytes(name="李娜", encoding="GBK"))
        self.assertEqual(employee.name, "李娜")
        self.assertEqual(employee.cadre_native_place, "湖北武汉")
        undeclared = lrmx_bytes(name="赵敏", encoding="GBK", number=resident_id(order=333))
        undeclared = undeclared.split(b"?>", 1)[1]
        self.assertEqual(self._import(undeclared).name, "赵敏")

    def test_reimport_updates_by_id_number(self):
        first = self._import(lrmx_bytes())
        second = self._import(lrmx_bytes(XianRenZhiWu="经开区招商局局长"))
        self.assertEqual(first, second)
        self.assertEqual(second.cadre_current_post, "经开区招商局局长")
        self.assertEqual(len(second.cadre_family_member_ids), 2, "sub-records replaced, not doubled")
        self.assertEqual(len(second.cadre_resume_line_ids), 3)

    def test_round_trip_loses_nothing(self):
        employee = self._import(lrmx_bytes())
        filename, content = employee._lrmx_export()
        self.assertEqual(filename, "张三.lrmx")
        before = employee._lrmx_values()
        # What the export writes is what the file said (not only what _lrmx_values reads back).
        source = lrmx_bytes().decode()
        for key in (
            "XingMing",
            "MinZu",
            "JiGuan",
            "XianRenZhiWu",
            "RenMianLiYou",
            "ShenFenZheng",
            "TianBiaoRen",
        ):
            self.assertIn(f"<{key}>{before[key]}</{key}>", source, key)
            self.assertIn(f"<{key}>{before[key]}</{key}>".encode(), content, key)
        employee.write(
            {"cadre_current_post": "改动", "cadre_family_member_ids": [(5, 0, 0)], "image_1920": False}
        )
        again = self._import(content, filename)
        self.assertEqual(again, employee)
        self.assertEqual(again._lrmx_values(), before)
        # And into an empty database: the same values.
        employee.unlink()
        created = self._import(content, filename)
        self.assertEqual(created._lrmx_values(), before)
        self.assertEqual(created.image_1920, PHOTO)

    def test_zip_import_and_export(self):
        data = zip_bytes(
            [
                ("甲.lrmx", lrmx_bytes(name="甲", number=resident_id(order=101))),
                ("乙.lrmx", lrmx_bytes(name="乙", number=resident_id(order=103), encoding="GBK")),
                ("说明.txt", b"ignored"),
            ]
        )
        employees = self._import(data, "干部.zip")
        self.assertEqual(sorted(employees.mapped("name")), ["乙", "甲"])
        filename, content = employees._lrmx_export()
        self.assertTrue(filename.endswith(".zip"))
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            self.assertEqual(sorted(archive.namelist()), ["乙.lrmx", "甲.lrmx"])
        self.assertEqual(self._import(content, filename), employees)

    def test_zip_is_one_batch(self):
        """A zip is imported with a constant number of lookups: fewer queries than file by file."""
        files = [
            (f"{i}.lrmx", lrmx_bytes(name=f"干部{i}", number=resident_id(order=500 + i))) for i in range(6)
        ]
        Employee = self.env["hr.employee"]
        # Both paths warmed up first (a first call fills the registry's caches), so that
        # neither pays for them in the comparison.
        warm = [("warm.lrmx", lrmx_bytes(name="预热", number=resident_id(order=499)))]
        with self.env.cr.savepoint(flush=True) as savepoint:
            Employee._lrmx_import(warm[0][1], warm[0][0])
            Employee._lrmx_import(zip_bytes(warm), "warm.zip")
            self.env.flush_all()
            savepoint.rollback()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        with self.env.cr.savepoint(flush=True) as savepoint:
            for name, content in files:
                Employee._lrmx_import(content, name)
            self.env.flush_all()
            one_by_one = self.env.cr.sql_log_count - start
            savepoint.rollback()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        employees = Employee._lrmx_import(zip_bytes(files), "all.zip")
        self.env.flush_all()
        batched = self.env.cr.sql_log_count - start
        self.assertEqual(len(employees), 6)
        self.assertLess(batched, one_by_one)

    def _dossiers(self, employees):
        """Everything an import stores, per ID number, without record ids."""
        images = ("image_1920", "image_1024", "image_512", "image_256", "image_128")
        employees = employees.with_context(bin_size=False)
        dossiers = {}
        for employee in employees:
            contact = employee.work_contact_id
            followers = self.env["mail.followers"].search(
                [("res_model", "=", "hr.employee"), ("res_id", "=", employee.id)]
            )
            attachments = self.env["ir.attachment"].search(
                [
                    ("res_model", "in", ("hr.employee", "res.partner")),
                    ("res_id", "in", (employee.id, contact.id)),
                ]
            )
            dossiers[employee.identification_id] = {
                "fields": [
                    employee[name]
                    for name in (
                        "name",
                        "birthday",
                        "gender",
                        "is_cadre",
                        "is_young_cadre",
                        "cadre_completeness",
                    )
                ],
                "images": [employee[name] for name in images],
                "contact": [contact.name, contact.company_id, contact.email, contact.mobile]
                + [contact[name] for name in images],
                "attachments": sorted(
                    (att.res_model, att.res_field or "", att.checksum, att.mimetype) for att in attachments
                ),
                "followers": sorted(
                    (follower.partner_id == contact, tuple(sorted(follower.subtype_ids.ids)))
                    for follower in followers
                ),
                "tags": sorted(employee.category_ids.mapped("name")),
                "resume": [
                    (line.date_start, line.date_end, line.name) for line in employee.cadre_resume_line_ids
                ],
                "family": [
                    (m.sequence, m.relation, m.name, m.birth_date, m.political_status_id, m.work_unit_post)
                    for m in employee.cadre_family_member_ids
                ],
                "results": sorted((r.year, r.grade) for r in employee.cadre_annual_result_ids),
            }
        return dossiers

    def test_zip_and_one_by_one_store_the_same_dossiers(self):
        """The batched zip import stores exactly what importing the files one by one stores:
        fields, photo and its resized copies (on the employee and its work contact), followers,
        resume lines, family members, assessment results."""
        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (300, 400), (200, 30, 30)).save(buffer, "JPEG")
        large = base64.b64encode(buffer.getvalue()).decode()
        files = [
            (f"{i}.lrmx", lrmx_bytes(name=f"干部{i}", number=resident_id(order=700 + i), ZhaoPian=photo))
            for i, photo in enumerate([PHOTO.decode(), large, "", large, PHOTO.decode()])
        ]
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        with self.env.cr.savepoint(flush=True) as savepoint:
            employees = Employee.browse()
            for name, content in files:
                # Each file in a transaction of its own: the standard computations, record by record.
                employees |= Employee._lrmx_import(content, name)
                self.env.flush_all()
            one_by_one = self._dossiers(employees.sudo())
            savepoint.rollback()
        self.env.invalidate_all()
        employees = Employee._lrmx_import(zip_bytes(files), "all.zip")
        self.env.flush_all()
        batched = self._dossiers(employees.sudo())
        self.assertEqual(len(batched), 5)
        self.assertTrue(batched[resident_id(order=701)]["images"][4], "the large photo has its copies")
        self.assertNotEqual(
            batched[resident_id(order=701)]["images"][0], batched[resident_id(order=701)]["images"][4]
        )
        self.assertIn(
            (True, tuple(sorted(self.env["mail.message.subtype"].default_subtypes("hr.employee")[0].ids))),
            batched[resident_id(order=700)]["followers"],
            "the employee follows its work contact",
        )
        self.assertEqual(batched, one_by_one)

    def test_resized_copies_are_the_fields_own(self):
        """The zip import gives the resized copies of each photo with the create of the
        employees and of their work contacts; they are the copies the image fields make
        themselves from the same photo."""
        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (300, 400), (20, 130, 30)).save(buffer, "JPEG")
        large = base64.b64encode(buffer.getvalue())
        files = [
            (
                f"{i}.lrmx",
                lrmx_bytes(name=f"缩放{i}", number=resident_id(order=800 + i), ZhaoPian=large.decode()),
            )
            for i in range(2)
        ]
        imported = (
            self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(zip_bytes(files), "z.zip")
        )
        standard = self.env["hr.employee"].create({"name": "标准", "image_1920": large})
        self.env.flush_all()
        self.env.invalidate_all()
        sizes = ("image_1920", "image_1024", "image_512", "image_256", "image_128")
        expected = [standard.with_context(bin_size=False)[name] for name in sizes]
        self.assertNotEqual(expected[0], expected[-1], "the photo is resized")
        for employee in imported.sudo().with_context(bin_size=False):
            self.assertEqual([employee[name] for name in sizes], expected)
            self.assertEqual([employee.work_contact_id[name] for name in sizes], expected)

    def test_bad_files_name_the_element(self):
        cases = [
            (b"", "empty"),
            (b"<Person><XingMing>", "XML"),
            (b'<?xml version="1.0" encoding="UTF-8"?><Root/>', "<Person>"),
            (lrmx_bytes(ChuShengNianYue="1985年春"), "ChuShengNianYue"),
            (lrmx_bytes(MinZu="火星族"), "MinZu"),
            (lrmx_bytes(QuanRiZhiJiaoYu_XueWei="火星学位"), "QuanRiZhiJiaoYu_XueWei.*火星学位.*学位"),
            (lrmx_bytes(XingMing=""), "XingMing"),
            (lrmx_bytes(XingBie="未知"), "XingBie"),
            (lrmx_bytes(ShenFenZheng="420115198503154210"), "ShenFenZheng"),
            (lrmx_bytes(ZhaoPian="不是图片"), "ZhaoPian"),
        ]
        count = self.env["hr.employee"].search_count([])
        for data, expected in cases:
            with self.subTest(expected=expected), self.assertRaisesRegex(UserError, expected):
                self._import(data, "坏.lrmx")
        with self.assertRaisesRegex(UserError, "坏.lrmx"):
            self._import(zip_bytes([("好.lrmx", lrmx_bytes()), ("坏.lrmx", b"<Root/>")]), "批量.zip")
        with self.assertRaisesRegex(UserError, "zip"):
            self._import(b"PK\x03\x04broken", "broken.zip")
        self.assertEqual(self.env["hr.employee"].search_count([]), count, "nothing half-written")

    def test_wizard_imports_and_export_action(self):
        wizard = (
            self.env["org.cadre.lrmx.import"]
            .with_user(self.user_officer)
            .create({"file": base64.b64encode(lrmx_bytes()), "file_name": "张三.lrmx"})
        )
        action = wizard.action_import()
        self.assertEqual(action["res_model"], "org.cadre.lrmx.import", "the file updates a stored cadre")
        self.assertIn("XingMing", wizard.line_ids.mapped("element"))
        action = wizard.action_take_all_from_file() and wizard.action_import()
        employee = self.env["hr.employee"].browse(action["res_id"])
        self.assertEqual(employee.name, "张三")
        download = employee.with_user(self.user_officer).action_cadre_lrmx_export()
        self.assertEqual(download["type"], "ir.actions.act_url")
        self.assertEqual(download["url"], f"/org_cadre/lrmx/{employee.id}", "streamed, not stored")

    def test_generated_avatar_is_not_a_photo(self):
        employee = self.env["hr.employee"].create({"name": "无照片干部", "is_cadre": True})
        self.assertFalse(employee._lrmx_values()["ZhaoPian"])
        self.assertIn(
            employee._fields["image_1920"]._description_string(self.env), employee.cadre_missing_items or ""
        )


@tagged("post_install", "-at_install")
class TestLrmxMapping(CadreCommon):
    """The mapping table of tools/lrmx.py drives both ways: what the export writes from every
    mapped field, the import reads back into the same value."""

    def _value(self, element, index):
        """A value of the field of ``element`` that its converter can write and read."""
        kind = element.kind
        if kind == "text":
            return f"{element.name}值{index}"
        if kind == "date":
            # After the 18th birthday of the ID number's 1992-07-08 and before today: the
            # dossier's date rules hold.
            return datetime.date(2011 + index % 13, 1 + index % 12, 1)
        if kind == "dictionary":
            items = self.env["org.dictionary.item"].search([("dictionary_code", "=", element.source)])
            return items[index % len(items)].id
        if kind == "gender":
            return "female"
        if kind == "photo":
            return PHOTO
        if kind == "id_number":
            return resident_id(birth="19920708", order=902)
        if kind == "resume":
            return [
                Command.create(
                    {
                        "date_start": datetime.date(2014, 7, 1),
                        "date_end": datetime.date(2019, 3, 1),
                        "name": "某局科员",
                    }
                ),
                Command.create(
                    {"date_start": datetime.date(2019, 3, 1), "name": "某局副局长\n（其间：进修）"}
                ),
            ]
        if kind == "assessments":
            return [
                Command.create({"year": 2022, "grade": "basic"}),
                Command.create({"year": 2023, "grade": "excellent"}),
            ]
        raise AssertionError(f"no test value for the kind {kind}")

    def _read(self, record, element):
        value = record.with_context(bin_size=False)[element.field]
        if element.kind == "dictionary":
            return value.id
        if element.kind == "resume":
            return [(line.date_start, line.date_end, line.name) for line in value]
        if element.kind == "assessments":
            return sorted((result.year, result.grade) for result in value)
        return value

    def test_every_mapped_field_round_trips(self):
        vals = {element.field: self._value(element, index) for index, element in enumerate(lrmx.PERSON)}
        # The birth date the ID number gives (the file has the month only).
        vals["birthday"] = datetime.date(1992, 7, 8)
        vals["is_cadre"] = True
        vals["cadre_family_member_ids"] = [
            Command.create(
                {
                    "sequence": sequence,
                    **{
                        element.field: self._value(element, index + sequence)
                        for index, element in enumerate(lrmx.FAMILY_ITEM)
                    },
                }
            )
            for sequence in (1, 2)
        ]
        employee = self.env["hr.employee"].create(vals)
        before = {element.name: self._read(employee, element) for element in lrmx.PERSON}
        family = [
            {element.name: self._read(member, element) for element in lrmx.FAMILY_ITEM}
            for member in employee.cadre_family_member_ids
        ]
        self.assertTrue(all(before.values()), "every mapped field has a value to carry")
        self.assertTrue(all(all(member.values()) for member in family))
        filename, content = employee._lrmx_export()
        employee.unlink()
        created = self.env["hr.employee"].with_user(self.user_officer)._lrmx_import(content, filename)
        self.assertEqual({element.name: self._read(created, element) for element in lrmx.PERSON}, before)
        self.assertEqual(
            [
                {element.name: self._read(member, element) for element in lrmx.FAMILY_ITEM}
                for member in created.cadre_family_member_ids
            ],
            family,
        )

    def test_each_element_is_mapped_once(self):
        for table in (lrmx.PERSON, lrmx.FAMILY_ITEM):
            self.assertEqual(len({element.name for element in table}), len(table))
            self.assertEqual(len({element.field for element in table}), len(table))


@tagged("post_install", "-at_install")
class TestCodedTextMigration(CadreCommon):
    """Migration 18.0.1.0.2: the free texts of 学历, 学位 and 政治面貌 become dictionary entries;
    a text that names none is kept in a note on the employee's chatter."""

    def _migrate(self):
        path = os.path.join(os.path.dirname(__file__), "..", "migrations", "18.0.1.0.2", "post-migrate.py")
        spec = importlib.util.spec_from_file_location("org_cadre_migration_18_0_1_0_2", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.0.1")

    def test_texts_become_entries_or_notes(self):
        cr = self.env.cr
        # The columns of earlier versions, with their texts (rolled back with the test).
        for column in ("cadre_fulltime_education", "cadre_fulltime_degree", "cadre_parttime_education"):
            cr.execute(SQL("ALTER TABLE hr_employee ADD COLUMN %s varchar", SQL.identifier(column)))
        cr.execute("ALTER TABLE org_cadre_family_member ADD COLUMN political_status varchar")
        wife, son = self.env["org.cadre.family.member"].create(
            [{"employee_id": self.cadre.id, "name": "王芳"}, {"employee_id": self.cadre.id, "name": "张小明"}]
        )
        cr.execute(
            "UPDATE hr_employee SET cadre_fulltime_education = %s, cadre_fulltime_degree = %s,"
            " cadre_parttime_education = %s WHERE id = %s",
            ["大学本科毕业", "工学学士", "中央党校研究生", self.cadre.id],
        )
        cr.execute(
            "UPDATE org_cadre_family_member SET political_status = '中共党员' WHERE id = %s", [wife.id]
        )
        cr.execute("UPDATE org_cadre_family_member SET political_status = '火星党' WHERE id = %s", [son.id])
        roster_column = self.env.ref("org_cadre.roster_cadre_cadre_fulltime_degree")
        cr.execute(
            "UPDATE org_roster_column SET field_name = 'cadre_fulltime_degree', kind = 'char' WHERE id = %s",
            [roster_column.id],
        )
        self.env.invalidate_all()
        messages = self.cadre.message_ids
        self._migrate()
        self.env.invalidate_all()
        self.assertEqual(self.cadre.cadre_fulltime_education_id, self.env.ref("org_base.education_21"))
        self.assertEqual(self.cadre.cadre_fulltime_degree_id, self.env.ref("org_base.degree_408"))
        self.assertFalse(self.cadre.cadre_parttime_education_id, "中央党校研究生 names no entry")
        self.assertEqual(wife.political_status_id, self.env.ref("org_base.political_status_01"))
        self.assertFalse(son.political_status_id)
        note = self.cadre.message_ids - messages
        self.assertEqual(len(note), 1)
        self.assertIn("中央党校研究生", note.body)
        self.assertIn("张小明: 火星党", note.body)
        self.assertNotIn("工学学士", note.body)
        self.assertEqual(
            (roster_column.field_name, roster_column.kind, roster_column.dictionary_code),
            ("cadre_fulltime_degree_id", "dictionary", "degree"),
        )
