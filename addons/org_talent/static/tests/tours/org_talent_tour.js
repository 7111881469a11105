import { registry } from "@web/core/registry";

// An officer, in Chinese, registers a talent, issues a 人才一卡通 card, files a settlement
// claim and takes it through review to payment, is refused a second claim of the same item,
// and closes a housing request with the talent's satisfaction.
registry.category("web_tour.tours").add("org_talent_tour", {
    url: "/odoo/action-org_talent.org_talent_action",
    steps: () => [
        // Register the talent
        { content: "New talent", trigger: ".o_list_button_add", run: "click" },
        { content: "Name", trigger: '.o_field_widget[name="name"] input', run: "edit 巡检人才" },
        {
            content: "Resident ID number",
            trigger: '.o_field_widget[name="id_number"] input',
            run: "edit 420115199001011350",
        },
        { content: "Tier", trigger: '.o_field_widget[name="tier_id"] input', run: "edit 巡检领军" },
        { content: "Pick the tier", trigger: '.o-autocomplete--dropdown-item:contains("巡检领军人才")', run: "click" },
        { content: "Employer", trigger: '.o_field_widget[name="employer_id"] input', run: "edit 巡检汽车" },
        {
            content: "Pick the employer",
            trigger: '.o-autocomplete--dropdown-item:contains("巡检汽车有限公司")',
            run: "click",
        },
        { content: "Save the talent", trigger: ".o_form_button_save", run: "click" },
        { content: "The talent is saved", trigger: ".o_form_saved" },

        // Issue the card
        { content: "Issue the talent card", trigger: 'button[name="action_issue_card"]:contains("发放人才卡")', run: "click" },
        { content: "The card is valid", trigger: '.o_statusbar_status .o_arrow_button_current:contains("有效")' },
        { content: "Its number comes from the sequence", trigger: '.o_field_widget[name="number"]:contains("CGRC")' },
        { content: "Back to the talent", trigger: '.o_breadcrumb a:contains("巡检人才")', run: "click" },

        // File the claim and run it to payment
        { content: "Open the claims", trigger: 'button[name="action_open_applications"]', run: "click" },
        { content: "New claim", trigger: ".o_list_button_add", run: "click" },
        { content: "Policy item", trigger: '.o_field_widget[name="policy_item_id"] input', run: "edit 巡检安家" },
        { content: "Pick the item", trigger: '.o-autocomplete--dropdown-item:contains("巡检安家补贴")', run: "click" },
        {
            content: "The claim is eligible",
            trigger: '.alert-success:contains("符合条件")',
        },
        { content: "Amount", trigger: '.o_field_widget[name="amount"] input', run: "edit 200000" },
        { content: "Submit", trigger: 'button[name="action_submit"]:contains("提交")', run: "click" },
        { content: "Accept for review", trigger: 'button[name="action_start_review"]:contains("受理")', run: "click" },
        { content: "First review", trigger: 'button[name="action_pass_first_review"]', run: "click" },
        { content: "Second review", trigger: 'button[name="action_pass_second_review"]', run: "click" },
        { content: "In public notice", trigger: '.o_statusbar_status .o_arrow_button_current:contains("公示")' },
        { content: "The notice's last day is shown", trigger: '.o_field_widget[name="date_notice_end"]' },
        { content: "Approve during the notice", trigger: 'button[name="action_approve"]:contains("批准")', run: "click" },
        { content: "Refused until the notice ends", trigger: '.modal:contains("公示期至")' },
        { content: "Close the refusal", trigger: ".modal .modal-footer .btn-primary", run: "click" },

        // A second claim of the same item is refused
        { content: "Back to the claims", trigger: '.o_breadcrumb a:contains("政策兑现")', run: "click" },
        { content: "New claim", trigger: ".o_list_button_add", run: "click" },
        { content: "Same policy item", trigger: '.o_field_widget[name="policy_item_id"] input', run: "edit 巡检安家" },
        { content: "Pick the item", trigger: '.o-autocomplete--dropdown-item:contains("巡检安家补贴")', run: "click" },
        { content: "The form warns of the double claim", trigger: '.alert-warning:contains("重复申领")' },
        { content: "Submit anyway", trigger: 'button[name="action_submit"]', run: "click" },
        { content: "Refused in Chinese", trigger: '.modal:contains("重复申领"):contains("巡检人才"):contains("巡检安家补贴")' },
        { content: "Close the message", trigger: ".modal .modal-footer .btn-primary", run: "click" },

        // Close a housing request
        { content: "Back to the talent", trigger: '.o_breadcrumb a:contains("巡检人才")', run: "click" },
        { content: "New service request", trigger: 'button[name="action_new_service"]', run: "click" },
        { content: "The request form is open", trigger: '.o_form_view .o_field_widget[name="org_talent_service_type_id"]' },
        { content: "Request", trigger: ".o_form_view .o_task_name textarea", run: "edit 人才公寓申请" },
        {
            content: "Service type",
            trigger: '.o_field_widget[name="org_talent_service_type_id"] input',
            run: "edit 巡检住房",
        },
        { content: "Pick housing", trigger: '.o-autocomplete--dropdown-item:contains("巡检住房安居")', run: "click" },
        { content: "Save the request", trigger: ".o_form_button_save", run: "click" },
        { content: "The request is saved", trigger: ".o_form_saved" },
        { content: "Open the checklist", trigger: '.o_notebook_headers a[name="org_checklist"]', run: "click" },
        ...[0, 1, 2].map((index) => ({
            content: `Tick checklist item ${index + 1}`,
            trigger: `.o_field_widget[name="checklist_line_ids"] .o_data_row:eq(${index}) .o_field_boolean_toggle input`,
            run: "click",
        })),
        { content: "Open the follow-up", trigger: '.o_notebook_headers a[name="org_satisfaction"]', run: "click" },
        {
            content: "Very satisfied",
            trigger: '.o_field_widget[name="org_satisfaction"] input[data-value="5"]',
            run: "click",
        },
        {
            content: "The talent's feedback",
            trigger: '.o_field_widget[name="org_satisfaction_note"] textarea',
            run: "edit 入住很快，感谢",
        },
        { content: "Save", trigger: ".o_form_button_save", run: "click" },
        { content: "Show the folded stages", trigger: ".o_form_saved .o_statusbar_status .dropdown-toggle.o_first", run: "click" },
        { content: "Close the request (销号)", trigger: '.o-dropdown--menu .dropdown-item:contains("销号")', run: "click" },
        { content: "Closed", trigger: '.o_statusbar_status .o_arrow_button_current:contains("销号")' },
        { content: "Back to the talent", trigger: '.o_breadcrumb a:contains("巡检人才")', run: "click" },
        {
            content: "The talent shows the closed request",
            trigger: 'button[name="action_open_services"]:contains("1")',
        },
        { content: "Nothing left unsaved", trigger: ".o_form_saved" },
    ],
});
