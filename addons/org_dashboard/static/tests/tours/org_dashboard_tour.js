import { registry } from "@web/core/registry";

// A leader opens the dashboards, reads the overview, then switches to 基层党建.
registry.category("web_tour.tours").add("org_dashboard_leader_tour", {
    url: "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
    steps: () => [
        {
            content: "The overview is listed under its group",
            trigger: ".o_search_panel_section:has(header:contains('Organization Work')) .o_search_panel_category_value[data-name='Organization Work Overview']",
            run: "click",
        },
        {
            content: "Its charts are drawn",
            trigger: ".o_spreadsheet_dashboard_action .o_renderer .o-figure canvas",
        },
        {
            content: "No loading error",
            trigger: ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status.error))",
        },
        {
            content: "Open 基层党建",
            trigger: ".o_search_panel_category_value[data-name='Grassroots Party Building']",
            run: "click",
        },
        {
            content: "It is the active dashboard and its charts are drawn",
            trigger: ".o_search_panel_category_value.active[data-name='Grassroots Party Building']",
        },
        {
            trigger: ".o_spreadsheet_dashboard_action .o_renderer .o-figure canvas",
        },
        {
            content: "A leader is offered no 分享 link (it would open without login)",
            trigger: ".o_spreadsheet_dashboard_action:not(:has(.o_control_panel .fa-share-alt))",
        },
    ],
});
