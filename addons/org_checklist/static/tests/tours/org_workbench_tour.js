import { registry } from "@web/core/registry";

// The officer's day: logging in opens 我的工作台; the red card they are responsible for is
// listed there; they open it and submit it for acceptance.
registry.category("web_tour.tours").add("org_workbench_officer_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The workbench is the home: my red card is listed",
            trigger:
                '.o_org_workbench_section[data-section="org_checklist.my_cards"].o_org_workbench_red .o_org_workbench_row:contains("工作台红灯卡")',
            run: "click",
        },
        {
            content: "The card opens",
            trigger: '.o_form_view .o_field_widget[name="name"]:contains("工作台红灯卡"), .o_form_view .o_field_widget[name="name"] textarea, .o_form_view .o_field_widget[name="name"] input',
        },
        {
            content: "Submit it for acceptance",
            trigger: 'button[name="action_org_submit_review"]',
            run: "click",
        },
        {
            content: "It awaits acceptance",
            trigger: '.o_field_widget[name="org_review_state"]:contains("Awaiting Acceptance")',
        },
        {
            content: "Back to the workbench",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "The workbench is shown again",
            trigger: '.o_org_workbench_section[data-section="org_checklist.my_cards"]',
        },
    ],
});

// The reviewer's side: the card waits for their acceptance on their workbench; they accept it
// and it is closed (销号), so it leaves the workbench.
registry.category("web_tour.tours").add("org_workbench_reviewer_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The card waits for my acceptance",
            trigger:
                '.o_org_workbench_section[data-section="org_checklist.to_accept"] .o_org_workbench_row:contains("工作台红灯卡")',
            run: "click",
        },
        {
            content: "Accept and close",
            trigger: 'button[name="action_org_accept"]',
            run: "click",
        },
        {
            content: "The card is closed (销号)",
            trigger: '.o_statusbar_status button.o_arrow_button_current:contains("销号")',
        },
        {
            content: "Back to the workbench",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "Nothing waits for my acceptance any more",
            trigger: '.o_org_workbench_quiet_item[data-section="org_checklist.to_accept"]',
        },
    ],
});
