import base64
import json
from unittest.mock import patch

from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.org_base.tests.common import OrgBaseCommon
from odoo.addons.org_form_designer.models.org_form_customization import (
    FORBIDDEN_LINK_MODELS,
    OrgFormCustomization,
)


@tagged("post_install", "-at_install")
class TestFormCustomization(OrgBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Custom fields reload the registry: reset it after each test from the test cursor,
        # as Odoo's own tests of ir.model do.
        cls.registry.enter_test_mode(cls.cr)
        cls.addClassCleanup(cls.registry.leave_test_mode)
        cls.Customization = cls.env["org.form.customization"].with_user(cls.user_configurator)
        cls.employee_model = cls.env["ir.model"]._get("hr.employee")
        cls.risk_model = cls.env["ir.model"]._get("org.integrity.risk")
        cls.employee = cls.env["hr.employee"].create({"name": "测试员工"})
        cls.risk = cls.env["org.integrity.risk"].create({"name": "测试风险点"})

    def setUp(self):
        # must run last, after the cursor is rolled back
        self.addCleanup(self.registry.reset_changes)
        super().setUp()

    def _field(self, model, name):
        return self.env["ir.model.fields"]._get(model, name)

    def _employee_customization(self):
        return self.Customization.create(
            {
                "name": "员工补充信息",
                "model_id": self.employee_model.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "label": "紧急联系电话",
                            "field_type": "char",
                            "field_help": "家属的电话",
                            "position": "after",
                            "anchor_field_id": self._field("hr.employee", "mobile_phone").id,
                            "in_list": True,
                            "in_search": True,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "label": "考核等次",
                            "field_type": "selection",
                            "selection_options": "优秀\n称职\nbasic=基本称职",
                            "is_required": True,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "operation": "change",
                            "target_field_id": self._field("hr.employee", "work_email").id,
                            "is_hidden": True,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "operation": "change",
                            "target_field_id": self._field("hr.employee", "job_title").id,
                            "new_label": "现任职务",
                            "is_required": True,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "operation": "change",
                            "target_field_id": self._field("hr.employee", "work_phone").id,
                            "is_readonly": True,
                        },
                    ),
                ],
            }
        )

    def _risk_customization(self):
        return self.Customization.create(
            {
                "name": "风险点补充",
                "model_id": self.risk_model.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "label": "责任部门",
                            "field_type": "many2one",
                            "comodel_id": self.env["ir.model"]._get("hr.department").id,
                            "position": "after",
                            "anchor_field_id": self._field("org.integrity.risk", "post").id,
                        },
                    ),
                    (0, 0, {"label": "发生次数", "field_type": "integer", "in_list": True}),
                    (0, 0, {"label": "首次发现", "field_type": "date", "in_search": True}),
                    (0, 0, {"label": "已通报", "field_type": "boolean", "in_search": True}),
                    (
                        0,
                        0,
                        {
                            "operation": "change",
                            "target_field_id": self._field("org.integrity.risk", "post").id,
                            "new_label": "岗位",
                            "is_readonly": True,
                        },
                    ),
                ],
            }
        )

    def _arch(self, model, view_type="form"):
        return etree.fromstring(self.env[model].get_view(view_type=view_type)["arch"])

    def _names(self, customization):
        return {line.display_name: line.sudo().field_name for line in customization.field_line_ids}

    def test_apply_and_reset_on_employee(self):
        customization = self._employee_customization()
        customization.action_apply()
        self.assertEqual(customization.state, "applied")
        names = self._names(customization)
        phone, grade = names["紧急联系电话"], names["考核等次"]
        field = self._field("hr.employee", grade)
        self.assertEqual(field.state, "manual")
        self.assertEqual(field.ttype, "selection")
        self.assertTrue(phone.startswith("x_org_"))
        self.assertEqual(field.selection_ids.mapped("value"), ["优秀", "称职", "basic"])
        self.assertEqual(self._field("hr.employee", phone).help, "家属的电话")

        arch = self._arch("hr.employee")
        phone_node = arch.xpath(f"//field[@name='{phone}']")[0]
        self.assertEqual(
            phone_node.getprevious().get("name"), "mobile_phone", "placed after the chosen field"
        )
        page = arch.xpath("//page[@name='org_extension']")[0]
        self.assertEqual(page.xpath(f".//field[@name='{grade}']")[0].get("required"), "1")
        self.assertEqual(arch.xpath("//field[@name='work_email']")[0].get("invisible"), "1")
        job_title = arch.xpath("//field[@name='job_title']")[0]
        self.assertEqual(job_title.get("required"), "1")
        self.assertEqual(job_title.get("string"), "现任职务")
        self.assertEqual(arch.xpath("//field[@name='work_phone']")[0].get("readonly"), "1")
        self.assertTrue(self._arch("hr.employee", "list").xpath(f"//field[@name='{phone}']"))
        self.assertTrue(self._arch("hr.employee", "search").xpath(f"//field[@name='{phone}']"))
        self.assertFalse(self._arch("hr.employee", "list").xpath(f"//field[@name='{grade}']"))

        self.employee.write({phone: "13800000000", grade: "basic"})
        customization.action_reset()
        self.assertEqual(customization.state, "draft")
        self.assertFalse(customization.sudo().generated_view_ids)
        arch = self._arch("hr.employee")
        self.assertFalse(arch.xpath(f"//field[@name='{phone}']"), "reset takes the field off the form")
        self.assertNotEqual(arch.xpath("//field[@name='work_email']")[0].get("invisible"), "1")
        self.assertEqual(self.employee[phone], "13800000000", "reset keeps the data")
        self.assertEqual(self.employee[grade], "basic")
        bodies = " ".join(customization.message_ids.mapped("body"))
        self.assertIn("Applied", bodies)
        self.assertIn("Reset", bodies)

    def test_apply_on_org_model_and_officer_must_fill(self):
        customization = self._risk_customization()
        customization.action_apply()
        names = self._names(customization)
        arch = self._arch("org.integrity.risk")
        department_node = arch.xpath(f"//field[@name='{names['责任部门']}']")[0]
        self.assertEqual(department_node.getprevious().get("name"), "post")
        self.assertEqual(self._field("org.integrity.risk", names["责任部门"]).relation, "hr.department")
        post = arch.xpath("//field[@name='post']")[0]
        self.assertEqual((post.get("string"), post.get("readonly")), ("岗位", "1"))
        self.assertTrue(arch.xpath(f"//page[@name='org_extension']//field[@name='{names['发生次数']}']"))
        self.assertTrue(
            self._arch("org.integrity.risk", "list").xpath(f"//field[@name='{names['发生次数']}']")
        )
        search = self._arch("org.integrity.risk", "search")
        self.assertTrue(search.xpath(f"//filter[@name='{names['已通报']}']"), "a yes/no field is a filter")
        self.assertTrue(search.xpath(f"//field[@name='{names['首次发现']}']"))
        # An officer fills the new fields of a risk.
        risk_form = Form(self.env["org.integrity.risk"].with_user(self.user_officer))
        risk_form.name = "新的风险点"
        risk_form[names["发生次数"]] = 3
        risk_form[names["责任部门"]] = self.env["hr.department"].create({"name": "纪检组"})
        risk = risk_form.save()
        self.assertEqual(risk[names["发生次数"]], 3)

    def test_required_selection_must_be_filled(self):
        customization = self.Customization.create(
            {
                "name": "风险类别",
                "model_id": self.risk_model.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "label": "风险类别",
                            "field_type": "selection",
                            "selection_options": "思想道德\n制度机制",
                            "is_required": True,
                        },
                    )
                ],
            }
        )
        customization.action_apply()
        risk_form = Form(self.env["org.integrity.risk"].with_user(self.user_officer))
        risk_form.name = "新的风险点"
        with self.assertRaises(AssertionError):
            risk_form.save()
        risk_form[self._names(customization)["风险类别"]] = "思想道德"
        self.assertTrue(risk_form.save())

    def test_only_configurators(self):
        customization = self._employee_customization()
        for user in (self.user_officer, self.user_leader, self.user_employee):
            Customization = self.env["org.form.customization"].with_user(user)
            with self.assertRaises(AccessError, msg=user.login):
                Customization.search([])
            with self.assertRaises(AccessError, msg=user.login):
                Customization.create({"name": "x", "model_id": self.risk_model.id})
            with self.assertRaises(AccessError, msg=user.login):
                customization.with_user(user).action_apply()
        menu = self.env.ref("org_form_designer.menu_org_form_designer")
        self.assertNotIn(menu.id, self.env["ir.ui.menu"].with_user(self.user_officer)._visible_menu_ids())
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(self.user_configurator)._visible_menu_ids())

    def test_export_import(self):
        for make in (self._employee_customization, self._risk_customization):
            customization = make()
            model = customization.model
            customization.action_apply()
            before = self.env[model].get_view(view_type="form")["arch"]
            action = customization.action_export()
            attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
            raw = attachment.raw
            data = json.loads(raw)
            self.assertEqual(data["model"], model)
            # Another database: the customization is not there, the file is. The configurator
            # cannot read the records, so deleting the fields needs the confirmation.
            customization.with_context(org_form_delete_confirmed=True).unlink()
            self.assertNotIn(data["lines"][0]["field_name"], self.env[model]._fields)
            wizard = (
                self.env["org.form.customization.import"]
                .with_user(self.user_configurator)
                .create({"file": base64.b64encode(raw), "file_name": "form.json"})
            )
            imported = self.Customization.browse(wizard.action_import()["res_id"])
            self.assertEqual(imported.state, "draft")
            self.assertEqual(len(imported.line_ids), len(data["lines"]))
            imported.action_apply()
            self.assertEqual(self.env[model].get_view(view_type="form")["arch"], before, model)

    def test_import_bad_file(self):
        Import = self.env["org.form.customization.import"].with_user(self.user_configurator)
        with self.assertRaises(UserError):
            Import.create({"file": base64.b64encode(b"not json"), "file_name": "x.json"}).action_import()
        data = {"format": "org.form.customization", "model": "org.no.such.model", "lines": []}
        with self.assertRaises(UserError):
            Import.create({"file": base64.b64encode(json.dumps(data).encode())}).action_import()

    def test_delete_field_with_data_needs_confirmation(self):
        customization = self._employee_customization()
        customization.action_apply()
        line = customization.field_line_ids.filtered(lambda line: line.label == "紧急联系电话")
        fname = line.sudo().field_name
        other = self.env["hr.employee"].create({"name": "另一名员工"})
        (self.employee | other).write({fname: "13800000000"})
        # An HR configurator reads employees: the count is theirs to see.
        hr_configurator = new_test_user(
            self.env, "test_hr_configurator", groups="org_base.group_org_configurator,hr.group_hr_user"
        )
        hr_line = line.with_user(hr_configurator)
        self.assertEqual(hr_line.value_count, 2)
        with self.assertRaisesRegex(UserError, "2 records hold values"):
            hr_line.unlink()
        action = hr_line.action_delete()
        wizard = self.env[action["res_model"]].with_user(hr_configurator).browse(action["res_id"])
        self.assertEqual(wizard.value_count, 2)
        self.assertIn("2 records", wizard.message)
        # The configurator cannot read employees: no count, yet a confirmation all the same.
        self.assertEqual(line.value_count, 0)
        with self.assertRaisesRegex(UserError, "cannot read"):
            line.unlink()
        action = line.action_delete()
        wizard = self.env[action["res_model"]].with_user(self.user_configurator).browse(action["res_id"])
        self.assertEqual(wizard.value_count, 0)
        self.assertIn("cannot read", wizard.message)
        wizard.action_confirm()
        self.assertFalse(line.exists())
        self.assertFalse(self._field("hr.employee", fname))
        self.assertEqual(customization.state, "applied")
        arch = self._arch("hr.employee")
        self.assertFalse(arch.xpath(f"//field[@name='{fname}']"))
        self.assertEqual(arch.xpath("//field[@name='work_email']")[0].get("invisible"), "1", "others stay")
        # A field without data goes at once, for whom can see that it holds none.
        empty = customization.field_line_ids
        empty_name = empty.sudo().field_name
        self.assertEqual(empty.action_delete()["res_model"], "org.form.customization.delete")
        self.assertTrue(self._field("hr.employee", empty_name))
        empty.with_user(hr_configurator).action_delete()
        self.assertFalse(self._field("hr.employee", empty_name))

    def test_type_change(self):
        customization = self._risk_customization()
        customization.action_apply()
        line = customization.field_line_ids.filtered(lambda line: line.label == "发生次数")
        # The configurator cannot read risks: the type stays, as they cannot see the data.
        with self.assertRaisesRegex(UserError, "cannot read the records"):
            line.field_type = "float"
        officer_configurator = new_test_user(
            self.env,
            "test_officer_configurator",
            groups="org_base.group_org_configurator,org_base.group_org_user",
        )
        line = line.with_user(officer_configurator)
        customization = customization.with_user(officer_configurator)
        fname = line.sudo().field_name
        # No data yet: the field is created again with its new type.
        line.field_type = "float"
        customization.action_apply()
        self.assertEqual(self._field("org.integrity.risk", fname).ttype, "float")
        self.risk.write({fname: 2.5})
        with self.assertRaisesRegex(UserError, "1 records hold values"):
            line.field_type = "char"

    def test_bad_input(self):
        mobile = self._field("hr.employee", "mobile_phone")
        with self.assertRaisesRegex(ValidationError, "used twice"):
            self.Customization.create(
                {
                    "name": "重复",
                    "model_id": self.employee_model.id,
                    "line_ids": [(0, 0, {"label": "籍贯地"}), (0, 0, {"label": "籍贯地"})],
                }
            )
        existing_label = mobile.field_description
        with self.assertRaisesRegex(ValidationError, "already has a field"):
            self.Customization.create(
                {
                    "name": "重名",
                    "model_id": self.employee_model.id,
                    "line_ids": [(0, 0, {"label": existing_label})],
                }
            )
        with self.assertRaisesRegex(ValidationError, "needs options"):
            self.Customization.create(
                {
                    "name": "无选项",
                    "model_id": self.employee_model.id,
                    "line_ids": [(0, 0, {"label": "等次", "field_type": "selection"})],
                }
            )
        with self.assertRaisesRegex(ValidationError, "belongs to"):
            self.Customization.create(
                {
                    "name": "别的模型",
                    "model_id": self.risk_model.id,
                    "line_ids": [
                        (0, 0, {"label": "备注一", "position": "after", "anchor_field_id": mobile.id}),
                    ],
                }
            )
        with self.assertRaisesRegex(ValidationError, "cannot be hidden"):
            self.Customization.create(
                {
                    "name": "隐藏必填",
                    "model_id": self.risk_model.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "operation": "change",
                                "target_field_id": self._field("org.integrity.risk", "name").id,
                                "is_hidden": True,
                            },
                        )
                    ],
                }
            )
        with self.assertRaisesRegex(ValidationError, "cannot be customized"):
            self.Customization.create(
                {"name": "联系人", "model_id": self.env["ir.model"]._get("res.partner").id}
            )
        with self.assertRaisesRegex(ValidationError, "cannot link to"):
            self.Customization.create(
                {
                    "name": "关联",
                    "model_id": self.employee_model.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "label": "联系人",
                                "field_type": "many2one",
                                "comodel_id": self.env["ir.model"]._get("res.partner").id,
                            },
                        )
                    ],
                }
            )

    def test_view_error_names_the_customization(self):
        customization = self._risk_customization()

        def broken_specs(self, base_arch):
            return [etree.Element("xpath", expr="//field[@name='no_such_field']", position="after")]

        with (
            patch.object(OrgFormCustomization, "_arch_specs_form", broken_specs),
            self.assertRaisesRegex(UserError, "风险点补充"),
        ):
            customization.action_apply()

    def test_line_changes_are_tracked(self):
        customization = self._employee_customization()
        line = customization.field_line_ids[0]
        line.label = "紧急联系人电话"
        message = customization.message_ids[0]
        self.assertEqual(message.author_id, self.user_configurator.partner_id)
        self.assertEqual(message.tracking_value_ids.field_id.name, "label")
        self.assertEqual(message.tracking_value_ids.old_value_char, "紧急联系电话")
        self.assertEqual(message.tracking_value_ids.new_value_char, "紧急联系人电话")

    def test_allowed_models_are_configurable(self):
        allowed = self.Customization._allowed_models()
        self.assertIn(self.employee_model, allowed)
        self.assertIn(self.risk_model, allowed)
        self.assertIn(self.env["ir.model"]._get("project.task"), allowed)
        self.assertNotIn(self.env["ir.model"]._get("org.form.customization"), allowed)
        self.env["ir.config_parameter"].set_param("org_base.form_designer_models", "hr.employee")
        self.assertEqual(self.Customization._allowed_models(), self.employee_model)

    # The configurator reaches no confidential data through the designer (issue 14)

    def _link_line(self, comodel, label="关联记录"):
        return {"label": label, "field_type": "many2one", "comodel_id": self.env["ir.model"]._get(comodel).id}

    def test_links_only_to_the_allow_list(self):
        refused = [name for name in FORBIDDEN_LINK_MODELS if name in self.env] + ["org.integrity.risk"]
        self.assertIn("hr.employee", refused)
        for comodel in refused:
            with self.assertRaisesRegex(ValidationError, "cannot link to", msg=comodel):
                self.Customization.create(
                    {
                        "name": "关联",
                        "model_id": self.risk_model.id,
                        "line_ids": [(0, 0, self._link_line(comodel))],
                    }
                )
        link_models = self.Customization._link_models()
        self.assertIn("org.dictionary.item", link_models.mapped("model"))
        self.assertFalse(set(link_models.mapped("model")) & (FORBIDDEN_LINK_MODELS | {"org.integrity.risk"}))
        domain = (
            self.env["org.form.customization.line"]
            ._fields["comodel_id"]
            .get_domain_list(self.env["org.form.customization.line"])
        )
        self.assertEqual(set(domain[0][2]), set(link_models.ids))

        # An addon extends the list through the hook, but never with a forbidden model.
        def link_models_hook(self):
            return ["org.dictionary.item", "org.integrity.risk", "hr.employee", "res.partner"]

        with patch.object(OrgFormCustomization, "_form_designer_link_models", link_models_hook):
            self.assertEqual(
                set(self.Customization._link_models().mapped("model")),
                {"org.dictionary.item", "org.integrity.risk"},
            )
            self.Customization.create(
                {
                    "name": "关联",
                    "model_id": self.risk_model.id,
                    "line_ids": [(0, 0, self._link_line("org.integrity.risk"))],
                }
            )
            with self.assertRaisesRegex(ValidationError, "cannot link to"):
                self.Customization.create(
                    {
                        "name": "关联",
                        "model_id": self.risk_model.id,
                        "line_ids": [(0, 0, self._link_line("hr.employee"))],
                    }
                )

    def test_stored_link_to_a_forbidden_model_is_not_applied(self):
        customization = self.Customization.create(
            {
                "name": "关联",
                "model_id": self.risk_model.id,
                "line_ids": [(0, 0, self._link_line("hr.department"))],
            }
        )
        # A line stored before the allow-list (or written around it) still points at employees.
        self.env.cr.execute(
            "UPDATE org_form_customization_line SET comodel_id = %s WHERE id = %s",
            (self.employee_model.id, customization.line_ids.id),
        )
        customization.line_ids.invalidate_recordset()
        with self.assertRaisesRegex(ValidationError, "cannot link to"):
            customization.action_apply()
        self.assertFalse(self._field("org.integrity.risk", customization.line_ids.sudo().field_name))

    def test_technical_name_is_matched_whole(self):
        for name in ("x_org_note\n", "x_org_note\n ", "x_org_Note", "note"):
            with self.assertRaisesRegex(ValidationError, "must start with x_org_", msg=repr(name)):
                self.Customization.create(
                    {
                        "name": "名称",
                        "model_id": self.risk_model.id,
                        "line_ids": [(0, 0, {"label": "备注一", "field_name": name})],
                    }
                )
        data = {
            "format": "org.form.customization",
            "model": "org.integrity.risk",
            "lines": [{"label": "备注一", "field_type": "char", "field_name": "x_org_note\n"}],
        }
        wizard = (
            self.env["org.form.customization.import"]
            .with_user(self.user_configurator)
            .create({"file": base64.b64encode(json.dumps(data).encode()), "file_name": "x.json"})
        )
        with self.assertRaisesRegex(ValidationError, "must start with x_org_"):
            wizard.action_import()

    def test_line_acts_only_on_its_own_field(self):
        risk_customization = self._risk_customization()
        risk_customization.action_apply()
        risk_field = self._field("org.integrity.risk", self._names(risk_customization)["发生次数"])
        self.risk.write({risk_field.name: 4})
        customization = self.Customization.create(
            {"name": "备注", "model_id": self.employee_model.id, "line_ids": [(0, 0, {"label": "备注一"})]}
        )
        line = customization.line_ids
        # The configurator cannot choose the field a line acts on, neither on create nor on write.
        with self.assertRaises(AccessError):
            line.write({"new_field_id": risk_field.id})
        with self.assertRaises(AccessError):
            self.env["org.form.customization.line"].with_user(self.user_configurator).create(
                {"customization_id": customization.id, "label": "备注二", "new_field_id": risk_field.id}
            )
        # Even written as superuser, a line refuses another model's field or one it did not create.
        with self.assertRaisesRegex(ValidationError, "only act on the field"):
            line.sudo().write({"new_field_id": risk_field.id})
        work_email = self._field("hr.employee", "work_email")
        with self.assertRaisesRegex(ValidationError, "only act on the field"):
            line.sudo().write({"new_field_id": work_email.id})
        # A line tampered with in the database neither counts nor deletes the other field.
        self.env.cr.execute(
            "UPDATE org_form_customization_line SET new_field_id = %s WHERE id = %s", (risk_field.id, line.id)
        )
        line.invalidate_recordset()
        officer_configurator = new_test_user(
            self.env,
            "test_officer_configurator",
            groups="org_base.group_org_configurator,org_base.group_org_user",
        )
        self.assertEqual(line.with_user(officer_configurator).value_count, 0)
        line.with_context(org_form_delete_confirmed=True).unlink()
        self.assertTrue(risk_field.exists())
        self.assertEqual(self.risk[risk_field.name], 4)
        # Nor does a line take over a field of the same name it did not create.
        taken = self.Customization.create(
            {
                "name": "同名",
                "model_id": self.risk_model.id,
                "line_ids": [(0, 0, {"label": "备注一", "field_name": "x_org_taken"})],
            }
        )
        self.env["ir.model.fields"].create(
            {
                "name": "x_org_taken",
                "model_id": self.risk_model.id,
                "ttype": "char",
                "field_description": "手工",
            }
        )
        with self.assertRaisesRegex(UserError, "did not create"):
            taken.action_apply()

    def test_value_count_runs_with_the_configurators_rights(self):
        customization = self._risk_customization()
        customization.action_apply()
        line = customization.field_line_ids.filtered(lambda line: line.label == "发生次数")
        self.risk.write({line.sudo().field_name: 2})
        officer_configurator = new_test_user(
            self.env,
            "test_officer_configurator",
            groups="org_base.group_org_configurator,org_base.group_org_user",
        )
        self.assertEqual(line.with_user(officer_configurator).value_count, 1)
        # The configurator alone cannot read risks: the count tells them nothing.
        self.assertEqual(line.value_count, 0)
        self.assertIsNone(line._count_values())

    def test_refusals_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["org_base"], ["zh_CN"], overwrite=True)
        Customization = self.Customization.with_context(lang="zh_CN")
        with self.assertRaisesRegex(ValidationError, "关联记录.*不能关联到"):
            Customization.create(
                {
                    "name": "关联",
                    "model_id": self.risk_model.id,
                    "line_ids": [(0, 0, self._link_line("hr.employee"))],
                }
            )
        customization = Customization.create(
            {"name": "备注", "model_id": self.risk_model.id, "line_ids": [(0, 0, {"label": "备注一"})]}
        )
        customization.action_apply()
        with self.assertRaisesRegex(UserError, "备注一.*无权查看"):
            customization.line_ids.unlink()
        with self.assertRaisesRegex(AccessError, "不能手工指定"):
            customization.line_ids.write({"new_field_id": self._field("org.integrity.risk", "name").id})
