import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

/**
 * 我的工作台: what waits for the current user today, one card per section, each row a click
 * into its record and "查看全部" the list of all of them. The sections come from one call,
 * org.workbench.get_sections(), read as the user under the record rules.
 */
export class Workbench extends Component {
    static template = "org_base.Workbench";
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.state = useState({ sections: [], loaded: false });
        onWillStart(() => this.load());
    }

    async load() {
        this.state.sections = await this.orm.call("org.workbench", "get_sections", []);
        this.state.loaded = true;
    }

    /** The sections with something to do, as cards. */
    get activeSections() {
        return this.state.sections.filter((section) => section.count || section.value);
    }

    /** The sections with nothing to do: one line of links at the end, not empty cards. */
    get quietSections() {
        return this.state.sections.filter((section) => !section.count && !section.value);
    }

    stateLabel(section) {
        return {
            red: _t("Overdue"),
            yellow: _t("To do"),
            normal: _t("Nothing due"),
        }[section.state];
    }

    /** A row opens its record, or the list of the records it stands for. */
    async openRow(section, row) {
        if (row.res_id && section.row_method) {
            const action = await this.orm.call(section.res_model, section.row_method, [[row.res_id]]);
            await this.actionService.doAction(action);
            return;
        }
        if (row.res_id) {
            await this.actionService.doAction({
                type: "ir.actions.act_window",
                res_model: section.res_model,
                res_id: row.res_id,
                views: [[false, "form"]],
                context: section.context,
            });
            return;
        }
        await this.openList(section, row.domain, `${section.title} · ${row.name}`);
    }

    async openList(section, domain = section.domain, name = section.title) {
        await this.actionService.doAction({
            type: "ir.actions.act_window",
            name,
            res_model: section.res_model,
            domain,
            views: [
                [false, "list"],
                [false, "form"],
            ],
            context: section.context,
        });
    }

    async refresh() {
        await this.load();
    }
}

registry.category("actions").add("org_base.workbench", Workbench);
