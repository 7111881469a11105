import { registry } from "@web/core/registry";

// A configurator adds a required choice field to the form of employees, without code:
// creates a form customization, adds the field with its options, saves and applies it.
registry.category("web_tour.tours").add("org_form_designer_tour", {
    url: "/odoo/action-org_form_designer.org_form_customization_action",
    steps: () => [
        {
            content: "Create a form customization",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: '.o_field_widget[name="name"] input',
            run: "edit 员工补充信息",
        },
        {
            content: "Choose the form of employees",
            trigger: '.o_field_widget[name="model_id"] input',
            run: "edit hr.employee",
        },
        {
            content: "Pick it in the list",
            trigger: '.o-autocomplete--dropdown-item a:contains("Employee")',
            run: "click",
        },
        {
            content: "Add a new field",
            trigger: '.o_field_widget[name="field_line_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "Label it",
            trigger: '.o_field_widget[name="field_line_ids"] .o_data_row .o_field_widget[name="label"] input',
            run: "edit 政治面貌",
        },
        {
            content: "Make it a choice from a list",
            trigger: '.o_field_widget[name="field_line_ids"] .o_data_row .o_field_widget[name="field_type"] select',
            run: 'select "selection"',
        },
        {
            content: "Write its options, one per line",
            trigger:
                '.o_field_widget[name="field_line_ids"] .o_data_row .o_field_widget[name="selection_options"] textarea',
            async run(helpers) {
                await helpers.edit("中共党员\n共青团员\n群众");
            },
        },
        {
            content: "Make it required",
            trigger: '.o_field_widget[name="field_line_ids"] .o_data_row .o_field_widget[name="is_required"] input',
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Apply",
            trigger: '.o_form_saved button[name="action_apply"]',
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The customization is applied",
            trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Applied")',
        },
    ],
});
