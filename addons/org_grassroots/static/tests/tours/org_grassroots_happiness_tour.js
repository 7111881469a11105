import { registry } from "@web/core/registry";

function moveTo(stage) {
    return [
        {
            content: `Move the item to ${stage}`,
            trigger: `.o_form_view .o_statusbar_status button[data-value]:contains("${stage}")`,
            run: "click",
        },
        {
            content: `The item is in ${stage}`,
            trigger: `.o_statusbar_status button.o_arrow_button_current:contains("${stage}")`,
        },
    ];
}

// An officer collects a 幸福清单 item, has the branch claim, handle and complete it, and
// closes it with the follow-up visit once the resident's satisfaction is recorded.
registry.category("web_tour.tours").add("org_grassroots_happiness_tour", {
    url: "/odoo/action-org_grassroots.project_task_action_happiness",
    steps: () => [
        {
            content: "Collect a new item",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "Describe the item",
            trigger: '.o_form_view .o_field_widget[name="name"] textarea, .o_form_view .o_field_widget[name="name"] input',
            run: "edit 幸福小区加装电梯",
        },
        {
            content: "Choose the responsible party organization",
            trigger: '.o_field_widget[name="org_party_organization_id"] input',
            run: "edit 测试幸福支部",
        },
        {
            content: "Pick it",
            trigger: '.o-autocomplete--dropdown-item a:contains("测试幸福支部")',
            run: "click",
        },
        {
            content: "Open the happiness list page",
            trigger: '.o_notebook_headers a[name="org_happiness"]',
            run: "click",
        },
        {
            content: "Where",
            trigger: '.o_field_widget[name="org_happiness_community"] input',
            run: "edit 幸福小区",
        },
        {
            content: "Who raised it",
            trigger: '.o_field_widget[name="org_reporter"] input',
            run: "edit 李阿姨",
        },
        {
            content: "Save the item",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The item is collected",
            trigger: '.o_form_saved .o_statusbar_status button.o_arrow_button_current:contains("Collected")',
        },
        ...moveTo("Claimed"),
        ...moveTo("Handling"),
        ...moveTo("Completed"),
        {
            content: "Try the follow-up visit without the resident's satisfaction",
            trigger: '.o_form_view .o_statusbar_status button[data-value]:contains("Follow-up Visit")',
            run: "click",
        },
        {
            content: "Refused: the satisfaction is missing",
            trigger: '.modal:contains("李阿姨")',
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Discard the refused stage change",
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            content: "Open the follow-up page",
            trigger: '.o_notebook_headers a[name="org_satisfaction"]',
            run: "click",
        },
        {
            content: "Record the satisfaction",
            trigger: '.o_field_widget[name="org_satisfaction"] input[data-value="5"]',
            run: "click",
        },
        {
            content: "Record what the resident said",
            trigger: '.o_field_widget[name="org_satisfaction_note"] textarea',
            run: "edit 电梯已装好，很满意",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        ...moveTo("Follow-up Visit"),
        {
            content: "The item is closed",
            trigger: '.o_form_saved .o_field_widget[name="org_deadline_status"]:contains("Closed")',
        },
    ],
});
