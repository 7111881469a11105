import { registry } from "@web/core/registry";

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
