import { registry } from "@web/core/registry";

// The responsible officer runs a card of a checklist board: ticks the checklist (the evidence
// is the item's), is refused closing it too early, and submits it for acceptance: the card
// moves to 待验收, and the acceptance buttons are not theirs.
registry.category("web_tour.tours").add("org_board_tour", {
    url: "/odoo/action-org_checklist.org_board_action",
    steps: () => [
        {
            content: "Open the board",
            trigger: '.o_kanban_record:contains("巡视巡察整改测试看板")',
            run: "click",
        },
        {
            content: "Open the card",
            trigger: '.o_kanban_group:contains("整改中") .o_kanban_record:contains("整改反馈问题一")',
            run: "click",
        },
        {
            content: "Open the checklist",
            trigger: '.o_notebook_headers a[name="org_checklist"]',
            run: "click",
        },
        {
            content: "Tick the first item",
            trigger: '.o_field_widget[name="checklist_line_ids"] .o_data_row:eq(0) .o_field_boolean_toggle input',
            run: "click",
        },
        {
            content: "Tick the second item (its evidence is attached)",
            trigger: '.o_field_widget[name="checklist_line_ids"] .o_data_row:eq(1) .o_field_boolean_toggle input',
            run: "click",
        },
        {
            content: "Save the card",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The checklist is complete",
            trigger: '.o_form_saved .o_field_widget[name="checklist_progress"]:contains("100")',
        },
        {
            content: "Try to close the card before acceptance",
            trigger: '.o_statusbar_status button:contains("销号")',
            run: "click",
        },
        {
            content: "Closing is refused: the reviewer has not accepted it",
            trigger: '.modal:contains("not accepted")',
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
            content: "The card is back in its stage",
            trigger: '.o_statusbar_status button.o_arrow_button_current:contains("整改中")',
        },
        {
            content: "No acceptance button for its responsible person",
            trigger: ".o_form_statusbar",
            run() {
                if (document.querySelector('button[name="action_org_accept"]')) {
                    throw new Error("the responsible person sees the acceptance button");
                }
            },
        },
        {
            content: "Submit for acceptance",
            trigger: 'button[name="action_org_submit_review"]',
            run: "click",
        },
        {
            content: "The card is in 待验收",
            trigger: '.o_statusbar_status button.o_arrow_button_current:contains("待验收")',
        },
        {
            content: "It awaits acceptance",
            trigger: '.o_field_widget[name="org_review_state"]:contains("Awaiting Acceptance")',
        },
        {
            content: "Still no acceptance button for its responsible person",
            trigger: ".o_form_statusbar",
            run() {
                if (document.querySelector('button[name="action_org_accept"]')) {
                    throw new Error("the responsible person sees the acceptance button");
                }
            },
        },
    ],
});

// The reviewer finds the card in 待验收 on the board and accepts it: it is closed (销号).
registry.category("web_tour.tours").add("org_board_review_tour", {
    url: "/odoo/action-org_checklist.org_board_action",
    steps: () => [
        {
            content: "Open the board",
            trigger: '.o_kanban_record:contains("巡视巡察整改测试看板")',
            run: "click",
        },
        {
            content: "Open the card awaiting acceptance",
            trigger: '.o_kanban_group:contains("待验收") .o_kanban_record:contains("整改反馈问题一")',
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
            content: "Its acceptance is recorded",
            trigger: '.o_field_widget[name="org_review_state"]:contains("Accepted")',
        },
    ],
});
