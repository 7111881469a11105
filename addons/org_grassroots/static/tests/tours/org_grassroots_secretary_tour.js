import { registry } from "@web/core/registry";

// Pick a member as attendee of the meeting open in the form.
function attend(name) {
    return [
        {
            content: `${name} attended`,
            trigger: '.o_form_view .o_field_widget[name="attendee_ids"] input',
            run: `edit ${name}`,
        },
        {
            content: `Pick ${name}`,
            trigger: `.o-autocomplete--dropdown-item a:contains("${name}")`,
            run: "click",
        },
        {
            content: `${name} is listed`,
            trigger: `.o_field_widget[name="attendee_ids"] .o_tag:contains("${name}")`,
        },
    ];
}

// A party secretary finds the 主题党日 of the month not yet held in the compliance matrix,
// records it from the row, and sees the row turn green.
registry.category("web_tour.tours").add("org_grassroots_secretary_tour", {
    url: "/odoo/action-org_grassroots.org_party_meeting_compliance_action",
    steps: () => [
        {
            content: "Show the compliance rows as a list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "This month's 主题党日 of the branch is not held yet",
            trigger:
                '.o_data_row:contains("测试东风一支部"):contains("主题党日") .o_field_badge .text-bg-warning',
        },
        {
            content: "Record the meeting from the row",
            trigger:
                '.o_data_row:contains("测试东风一支部"):contains("主题党日") button[name="action_record_meeting"]',
            run: "click",
        },
        {
            content: "Name the meeting",
            trigger: '.o_form_view .o_field_widget[name="name"] input',
            run: "edit 学习贯彻主题党日",
        },
        {
            content: "Note the place",
            trigger: '.o_form_view .o_field_widget[name="place"] input',
            run: "edit 党群服务中心",
        },
        ...attend("测试东风党员"),
        {
            content: "Save the meeting",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The meeting is saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Back to the compliance rows",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "The branch's 主题党日 of the month is now green",
            trigger:
                '.o_data_row:contains("测试东风一支部"):contains("主题党日") .o_field_badge .text-bg-success',
        },
    ],
});

// The compliance matrix: organizations × months headed 2026-01 …, cells coloured by status; a
// secretary clicks the month not yet held, records the meeting with its attendee, and the cell
// turns green.
registry.category("web_tour.tours").add("org_grassroots_matrix_tour", {
    url: "/odoo/action-org_grassroots.org_party_meeting_compliance_matrix_action",
    steps: () => [
        {
            content: "Months are headed 2026年01月 …",
            trigger: '.o_org_matrix th.o_org_matrix_month[data-month="1"]',
            run() {
                const headers = [...document.querySelectorAll(".o_org_matrix th.o_org_matrix_month")];
                const labels = headers.map((th) => th.textContent.trim());
                if (labels.length !== 12 || !labels.every((label, i) => label.match(/^\d{4}年(\d{2})月$/)?.[1] === String(i + 1).padStart(2, "0"))) {
                    throw new Error(`months headed ${labels.join(", ")}`);
                }
            },
        },
        {
            content: "January held: green",
            trigger: '.o_org_matrix tr:contains("测试矩阵一支部") td.o_org_matrix_held[data-month="1"]',
        },
        {
            content: "February missed: red",
            trigger: '.o_org_matrix tr:contains("测试矩阵一支部") td.o_org_matrix_missed[data-month="2"]',
        },
        {
            content: "March held late: amber",
            trigger: '.o_org_matrix tr:contains("测试矩阵一支部") td.o_org_matrix_late[data-month="3"]',
        },
        {
            content: "This month of the second branch is not held yet: grey; record it",
            trigger: '.o_org_matrix tr:contains("测试矩阵二支部") td.o_org_matrix_pending',
            run: "click",
        },
        {
            content: "A new meeting of the branch opens",
            trigger: '.o_form_view .o_field_widget[name="organization_id"] input:value("测试矩阵二支部")',
        },
        {
            content: "Name the meeting",
            trigger: '.o_form_view .o_field_widget[name="name"] input',
            run: "edit 本月主题党日",
        },
        ...attend("测试矩阵党员"),
        {
            content: "Save the meeting",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The meeting is saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Back to the matrix",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "The month is green now",
            trigger: '.o_org_matrix tr:contains("测试矩阵二支部") td.o_org_matrix_held',
        },
    ],
});
