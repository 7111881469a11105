import { registry } from "@web/core/registry";

// Open a menu of 强基固本 on a phone: the ☰ button opens the application's menus.
function openMenu(xmlid, content) {
    return [
        {
            content: "Open the menus",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            content,
            trigger: `[data-menu-xmlid="${xmlid}"]`,
            run: "click",
        },
    ];
}

// Pick ``name`` in the many2one ``field`` of the form: on a phone the field opens a full-screen
// search of cards, where a tap picks.
function pick(field, name) {
    return [
        {
            content: `Open the choices of ${field}`,
            trigger: `.o_form_view .o_field_widget[name="${field}"] input`,
            run: "click",
        },
        {
            content: `Pick ${name}`,
            trigger: `.modal .o_kanban_record:contains("${name}")`,
            run: "click",
        },
        {
            content: `${name} is picked`,
            trigger: `.o_form_view .o_field_widget[name="${field}"] input:value("${name}")`,
        },
    ];
}

const CARD = '.o_kanban_record:contains("测试东风一支部"):contains("主题党日")';

// A party secretary on a phone (390×844): the compliance cards show this month's 主题党日 of
// the branch not held yet (grey); the secretary opens the meetings (cards, not a table),
// records the meeting where it happens (type, branch, place, attendees, minutes) and sees the
// card turn green.
registry.category("web_tour.tours").add("org_grassroots_secretary_phone_tour", {
    url: "/odoo/action-org_grassroots.org_party_meeting_compliance_action",
    steps: () => [
        {
            content: "On a phone the compliance rows are cards, not a list",
            trigger: `.o_kanban_view ${CARD} .o_org_compliance_pending`,
            run() {
                if (document.querySelector(".o_list_view, .o_pivot_view")) {
                    throw new Error("the phone shows a list or a pivot, not cards");
                }
                if (document.scrollingElement.scrollWidth > window.innerWidth) {
                    throw new Error(`the page is ${document.scrollingElement.scrollWidth}px wide`);
                }
            },
        },
        ...openMenu("org_grassroots.menu_org_party_meeting", "Open the meetings"),
        {
            content: "The meetings are cards on the phone",
            trigger: ".o_org_meeting_kanban",
            run() {
                if (!document.querySelector(".o_kanban_view") || document.querySelector(".o_list_view")) {
                    throw new Error("the phone shows the meetings as a table");
                }
            },
        },
        {
            content: "Record a meeting",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "The form opens with the type first",
            trigger: '.o_form_view .o_field_widget[name="type_id"] input',
        },
        ...pick("type_id", "主题党日"),
        ...pick("organization_id", "测试东风一支部"),
        {
            content: "Name the meeting",
            trigger: '.o_form_view .o_field_widget[name="name"] input',
            run: "edit 手机上记录的主题党日",
        },
        {
            content: "Note the place",
            trigger: '.o_form_view .o_field_widget[name="place"] input',
            run: "edit 社区党群服务中心",
        },
        {
            content: "Add the attendees",
            trigger: '.o_form_view .o_field_widget[name="attendee_ids"] input',
            run: "click",
        },
        {
            content: "Tap the member who attended (a tap picks them)",
            trigger: '.modal .o_kanban_record:contains("测试东风党员")',
            run: "click",
        },
        {
            content: "The attendee is listed",
            trigger: '.o_field_widget[name="attendee_ids"] .o_tag:contains("测试东风党员")',
        },
        {
            content: "Write the minutes",
            trigger: '.o_form_view .o_field_widget[name="minutes"] .odoo-editor-editable',
            run: "editor 学习党章，讨论为民办实事项目。",
        },
        {
            content: "The photos accept the camera's pictures",
            trigger: '.o_form_view .o_field_widget[name="photo_ids"] input[type="file"][accept="image/*"]:not(:visible)',
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
        ...openMenu("org_grassroots.menu_org_party_meeting_compliance_rows", "Back to the compliance cards"),
        {
            content: "This month's 主题党日 of the branch is green now",
            trigger: `.o_kanban_view ${CARD} .o_org_compliance_compliant .o_field_badge .text-bg-success`,
        },
    ],
});
