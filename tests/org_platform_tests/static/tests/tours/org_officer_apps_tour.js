import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// An officer opens each application from the apps menu, in Chinese, and lands on a
// working view of it.
// [menu xml id, app name, first view's title, a record that view lists]
const DICTIONARIES = ["字典", '.o_list_view .o_data_row:contains("民族")'];
const APPS = [
    ["org_study.menu_org_study_root", "理论武装", ...DICTIONARIES],
    ["org_cadre.menu_org_cadre_root", "选贤任能", ...DICTIONARIES],
    ["org_talent.menu_org_talent_root", "育才聚才", ...DICTIONARIES],
    ["org_grassroots.menu_org_grassroots_root", "强基固本", ...DICTIONARIES],
    ["org_base.menu_org_config_root", "组织工作配置", "清单看板", '.o_kanban_record:contains("部重点任务")'],
];

function openApp([xmlid, name, title, record], index) {
    return [
        // The apps menu is still open from the first check; later apps reopen it.
        ...(index ? [stepUtils.showAppsMenuItem()] : []),
        {
            content: `The apps menu lists ${name}`,
            trigger: `.o_app[data-menu-xmlid="${xmlid}"]:contains("${name}")`,
            run: "click",
        },
        {
            content: `${name} is open`,
            trigger: `.o_main_navbar .o_menu_brand:contains("${name}")`,
        },
        {
            content: `Its first view, ${title}, is named in Chinese`,
            trigger: `.o_breadcrumb:contains("${title}")`,
        },
        {
            content: "and lists its records",
            trigger: record,
        },
    ];
}

registry.category("web_tour.tours").add("org_officer_apps_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        ...APPS.map(([xmlid, name]) => ({
            content: `${name} is on the apps menu`,
            trigger: `.o_app[data-menu-xmlid="${xmlid}"]:contains("${name}")`,
        })),
        ...APPS.flatMap(openApp),
    ],
});
