import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A study officer runs a session as a new user would: looks at the ledger, plans a session,
// registers a participant, marks attendance, holds the session, and sees the hours arrive in
// the study-hour ledger.
const LEDGER_MENU = '.o_menu_sections [data-menu-xmlid="org_study.menu_org_study_ledger"]';
const LEDGER_ROW = '.o_list_renderer .o_data_row:contains("张学习")';

registry.category("web_tour.tours").add("org_study_officer_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Theory Study",
            trigger: '.o_app[data-menu-xmlid="org_study.menu_org_study_root"]',
            run: "click",
        },
        {
            content: "The app opens on the study sessions",
            trigger: ".o_kanban_view .o_kanban_renderer",
        },
        {
            content: "Open the study-hour ledger",
            trigger: LEDGER_MENU,
            run: "click",
        },
        {
            content: "张学习 has no hours yet this year",
            trigger: `${LEDGER_ROW} td[name="counted_hours"]:contains("0.00")`,
        },
        {
            content: "Back to the sessions",
            trigger: '.o_menu_sections [data-menu-xmlid="org_study.menu_org_study_sessions"]',
            run: "click",
        },
        {
            content: "Study sessions",
            trigger: '.dropdown-item[data-menu-xmlid="org_study.menu_org_study_session"]',
            run: "click",
        },
        {
            content: "Plan a new session",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Its title",
            trigger: '.o_field_widget[name="name"] input',
            run: "edit 组工大讲堂：大兴调查研究",
        },
        {
            content: "Its study type",
            trigger: '.o_field_widget[name="type_id"] input',
            run: "edit 测试夜校",
        },
        {
            content: "Choose the type",
            trigger: '.o-autocomplete--dropdown-item a:contains("测试夜校")',
            run: "click",
        },
        {
            content: "Its start, this year (a session is held once it has started)",
            trigger: '.o_field_widget[name="date_start"] input',
            run: `edit 01/01/${new Date().getFullYear()} 00:30:00`,
        },
        {
            content: "Leave the start (it is committed)",
            trigger: '.o_field_widget[name="name"] input',
            run: "click",
        },
        {
            content: "The type's usual hours pre-fill the end: the hours are the duration",
            trigger: '.o_field_widget[name="hours"] input:value("2.50")',
        },
        {
            content: "Register a participant",
            trigger: '.o_field_widget[name="attendance_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "The participant",
            trigger: '.o_field_widget[name="attendance_ids"] .o_data_row .o_field_widget[name="employee_id"] input',
            run: "edit 张学习",
        },
        {
            content: "Choose 张学习",
            trigger: '.o-autocomplete--dropdown-item a:contains("张学习")',
            run: "click",
        },
        {
            content: "Save the session",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Mark everybody present",
            trigger: '.o_form_saved button[name="action_mark_all_present"]',
            run: "click",
        },
        {
            content: "张学习 is present and credited",
            trigger:
                '.o_field_widget[name="attendance_ids"] .o_data_row:contains("张学习") td[name="hours"]:contains("2.50")',
        },
        {
            content: "The session was held",
            trigger: 'button[name="action_set_held"]',
            run: "click",
        },
        {
            content: "It is held",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="held"]',
        },
        {
            content: "Open the study-hour ledger again",
            trigger: LEDGER_MENU,
            run: "click",
        },
        {
            content: "The hours are in the ledger",
            trigger: `${LEDGER_ROW} td[name="counted_hours"]:contains("2.50")`,
        },
    ],
});
