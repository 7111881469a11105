import { registry } from "@web/core/registry";

// An officer imports an appointment form (LRMX), runs the cadre's appointment through the
// stages up to the pre-appointment publicity, and prints the appointment form.
const LRMX = `<?xml version="1.0" encoding="UTF-8"?>
<Person>
<XingMing>导入干部</XingMing><XingBie>男</XingBie><ChuShengNianYue>1985.03</ChuShengNianYue>
<MinZu>汉族</MinZu><JiGuan>湖北武汉</JiGuan><ChuShengDi>湖北武汉</ChuShengDi>
<RuDangShiJian>200606</RuDangShiJian><CanJiaGongZuoShiJian>2008.07</CanJiaGongZuoShiJian>
<XianRenZhiWu>经开区招商局副局长</XianRenZhiWu><NiRenZhiWu>经开区招商局局长</NiRenZhiWu>
<JianLi>2008.07--2016.09  经开区管委会科员
2016.09--         经开区招商局副局长</JianLi>
<ShenFenZheng>420115198503154218</ShenFenZheng>
<JiaTingChengYuan><Item><ChengWei>妻子</ChengWei><XingMing>王芳</XingMing><ChuShengRiQi>198706</ChuShengRiQi><ZhengZhiMianMao>群众</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>教师</GongZuoDanWeiJiZhiWu></Item></JiaTingChengYuan>
</Person>`;

function tickStage(stage, before = []) {
    // Tick the open items of the stage, one by one, then go to the next stage.
    return [
        {
            content: `Tick the open checklist items of ${stage}`,
            trigger:
                '.o_field_widget[name="checklist_line_ids"] .o_data_row .o_field_boolean_toggle input:not(:checked)',
            async run() {
                const selector =
                    '.o_field_widget[name="checklist_line_ids"] .o_data_row .o_field_boolean_toggle input:not(:checked)';
                for (let input = document.querySelector(selector); input; input = document.querySelector(selector)) {
                    input.click();
                    await new Promise((resolve) => setTimeout(resolve, 300));
                }
            },
        },
        ...before,
        {
            content: `Leave ${stage}`,
            trigger: 'button[name="action_next_stage"]',
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("org_cadre_tour", {
    url: "/odoo/action-org_cadre.hr_employee_cadre_action",
    steps: () => [
        {
            content: "Open the dossiers menu",
            trigger: '.o_menu_sections button:contains("Dossiers")',
            run: "click",
        },
        {
            content: "Import LRMX",
            trigger: '.dropdown-item:contains("Import LRMX")',
            run: "click",
        },
        {
            content: "Upload the appointment form",
            trigger: ".modal .o_field_binary",
            async run() {
                const input = document.querySelector(".modal .o_field_binary input[type=file]");
                const transfer = new DataTransfer();
                transfer.items.add(new File([LRMX], "导入干部.lrmx", { type: "application/xml" }));
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The file is uploaded",
            trigger: ".modal .o_field_binary .o_clear_file_button",
        },
        {
            content: "Import",
            trigger: '.modal-footer button[name="action_import"]',
            run: "click",
        },
        {
            content: "The imported cadre's form opens",
            trigger: '.o_form_view .o_field_widget[name="name"]:contains("导入干部"), .o_form_view .o_field_widget[name="name"] input:value("导入干部")',
        },
        {
            content: "Open the appointments",
            trigger: '.o_menu_sections a:contains("Selection and Appointment")',
            run: "click",
        },
        {
            content: "The kanban shows every stage",
            trigger: '.o_kanban_group:contains("Pre-appointment Publicity")',
        },
        {
            content: "New appointment",
            trigger: ".o_control_panel_main_buttons .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Post to fill",
            trigger: '.o_field_widget[name="name"] input',
            run: "edit 经开区招商局局长",
        },
        {
            content: "Candidate",
            trigger: '.o_field_widget[name="employee_ids"] input',
            run: "edit 导入干部",
        },
        {
            content: "Pick the imported cadre",
            trigger: '.o-autocomplete--dropdown-item:contains("导入干部")',
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The first stage's checklist is there",
            trigger: '.o_field_widget[name="checklist_line_ids"] .o_data_row',
        },
        ...tickStage("Analysis and Proposal"),
        {
            content: "At democratic recommendation",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Democratic Recommendation")',
        },
        ...tickStage("Democratic Recommendation"),
        {
            content: "At inspection",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Inspection")',
        },
        ...tickStage("Inspection"),
        {
            content: "At discussion and decision",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Discussion and Decision")',
        },
        ...tickStage("Discussion and Decision", [
            {
                content: "Open the record of the decision",
                trigger: '.o_notebook .nav-link:contains("Discussion and Decision")',
                run: "click",
            },
            // 9 members due, 7 present, 6 for: two thirds present, more than half for.
            ...[
                ["decision_members_due", "9"],
                ["decision_members_present", "7"],
                ["decision_votes_for", "6"],
            ].map(([name, value]) => ({
                content: `Record ${name}`,
                trigger: `.o_field_widget[name="${name}"] input`,
                run: `edit ${value}`,
            })),
        ]),
        {
            content: "At pre-appointment publicity, with its end date",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Pre-appointment Publicity")',
        },
        {
            content: "The publicity end date is computed",
            trigger: '.o_field_widget[name="date_publicity_end"]:not(:empty)',
        },
        {
            content: "Watch the report downloads the print button starts",
            trigger: "button.o_cadre_print_appointment_forms",
            run() {
                window.__orgDownloads = [];
                const open = XMLHttpRequest.prototype.open;
                XMLHttpRequest.prototype.open = function (method, url, ...rest) {
                    if (String(url).includes("/report/download")) {
                        this.addEventListener("load", async () => {
                            const body = this.response instanceof Blob ? await this.response.text() : "";
                            window.__orgDownloads.push({
                                status: this.status,
                                type: this.getResponseHeader("Content-Type") || "",
                                body,
                            });
                        });
                    }
                    return open.call(this, method, url, ...rest);
                };
            },
        },
        {
            content: "Print the appointment form",
            trigger: "button.o_cadre_print_appointment_forms",
            run: "click",
        },
        {
            content: "The print came back: a PDF of the cadre's appointment form",
            trigger: "body",
            async run() {
                for (let wait = 0; wait < 600; wait++) {
                    const [done] = window.__orgDownloads;
                    if (done) {
                        // Under the test runner Odoo renders the PDF report as HTML (no
                        // wkhtmltopdf run); outside it the body is a real PDF.
                        if (
                            done.status !== 200 ||
                            !done.type.includes("application/pdf") ||
                            !(done.body.startsWith("%PDF") || done.body.includes("导入干部"))
                        ) {
                            throw new Error(
                                `The appointment form did not print: ${done.status} ${done.type} ${done.body.slice(0, 200)}`
                            );
                        }
                        return;
                    }
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                throw new Error("No report was downloaded after the print button.");
            },
        },
        {
            content: "Still on the appointment",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Pre-appointment Publicity")',
        },
    ],
});
