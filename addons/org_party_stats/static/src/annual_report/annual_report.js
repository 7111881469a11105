import { Component, onWillStart, useState } from "@odoo/owl";
import { download } from "@web/core/network/download";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { useSetupAction } from "@web/search/action_hook";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

/** 党内统计年报: the tables of a year for an organization (or everything the user reads). */
export class AnnualReport extends Component {
    static template = "org_party_stats.AnnualReport";
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.ui = useService("ui");
        const saved = this.props.state || {};
        this.state = useState({
            year: saved.year || false,
            organizationId: saved.organizationId || false,
            years: [],
            organizations: [],
            report: null,
        });
        useSetupAction({
            getLocalState: () => ({
                year: this.state.year,
                organizationId: this.state.organizationId,
            }),
        });
        onWillStart(async () => {
            const options = await this.orm.call("org.party.stats", "get_options", []);
            this.state.years = options.years;
            this.state.organizations = options.organizations;
            this.state.year = this.state.year || options.default_year;
            await this.load();
        });
    }

    async load() {
        this.state.report = await this.orm.call("org.party.stats", "get_report", [
            this.state.year,
            this.state.organizationId,
        ]);
    }

    /** A group of one column named as the group spans both header rows. */
    isSingle(group) {
        return group.columns.length === 1 && group.columns[0].label === group.label;
    }

    async onChangeYear(ev) {
        this.state.year = parseInt(ev.target.value);
        await this.load();
    }

    async onChangeOrganization(ev) {
        this.state.organizationId = parseInt(ev.target.value) || false;
        await this.load();
    }

    async onCellClick(table, groupIndex, columnIndex) {
        const action = await this.orm.call("org.party.stats", "action_open_cell", [
            this.state.year,
            this.state.organizationId,
            table.key,
            groupIndex,
            columnIndex,
        ]);
        await this.actionService.doAction(action);
    }

    async onExport() {
        this.ui.block();
        try {
            const data = { year: this.state.year };
            if (this.state.organizationId) {
                data.organization_id = this.state.organizationId;
            }
            await download({ url: "/org_party_stats/xlsx", data });
        } finally {
            this.ui.unblock();
        }
    }

    async onPrint() {
        const action = await this.orm.call("org.party.stats", "action_print_pdf", [
            this.state.year,
            this.state.organizationId,
        ]);
        await this.actionService.doAction(action);
    }
}

registry.category("actions").add("org_party_stats.annual_report", AnnualReport);
