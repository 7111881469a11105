import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// An officer opens each application from the apps menu, in Chinese, and lands on a
// working view of it.
const APPS = [
    ["org_study.menu_org_study_root", "理论武装"],
    ["org_cadre.menu_org_cadre_root", "选贤任能"],
    ["org_talent.menu_org_talent_root", "育才聚才"],
    ["org_grassroots.menu_org_grassroots_root", "强基固本"],
    ["org_base.menu_org_config_root", "组织工作配置"],
];

function openApp([xmlid, name], index) {
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
            content: "Its view shows the shared dictionaries, named in Chinese",
            trigger: '.o_breadcrumb:contains("字典")',
        },
        {
            content: "The 民族 dictionary is listed",
            trigger: '.o_list_view .o_data_row:contains("民族")',
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
