import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// An officer opens each application from the apps menu, in Chinese, and lands on a
// working view of it whose title is Chinese too.
const APPS = [
    ["org_study.menu_org_study_root", "理论武装"],
    ["org_cadre.menu_org_cadre_root", "选贤任能"],
    ["org_talent.menu_org_talent_root", "育才聚才"],
    ["org_grassroots.menu_org_grassroots_root", "强基固本"],
    ["org_base.menu_org_config_root", "组织工作配置"],
];
const CHINESE = /[\u4e00-\u9fff]/;

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
            content: "Its first view is loaded and its title is Chinese",
            trigger: ".o_action_manager .o_view_controller .o_control_panel .o_breadcrumb",
            run() {
                const title = document.querySelector(".o_control_panel .o_breadcrumb").textContent;
                if (!CHINESE.test(title)) {
                    throw new Error(`${name}: the first view's title is not Chinese: "${title}"`);
                }
            },
        },
        {
            content: "Its menu bar is Chinese",
            trigger: ".o_main_navbar .o_menu_sections",
            run() {
                const sections = [...document.querySelectorAll(".o_main_navbar .o_menu_sections > *")];
                const english = sections.filter((section) => !CHINESE.test(section.textContent));
                if (english.length) {
                    throw new Error(`${name}: menus without Chinese: ${english.map((s) => s.textContent)}`);
                }
            },
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
        {
            content: "The configuration app opened on the checklist boards, with the department's board",
            trigger: '.o_breadcrumb:contains("清单看板")',
        },
        {
            content: "The department's key-task board is listed in Chinese",
            trigger: '.o_kanban_record:contains("部重点任务")',
        },
    ],
});
