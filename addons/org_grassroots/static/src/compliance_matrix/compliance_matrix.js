import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { useSetupAction } from "@web/search/action_hook";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

const { DateTime } = luxon;

/** Organizations per page: each page costs one read_group and one search_read. */
export const PAGE_SIZE = 50;

/**
 * The status of a compliance row as its cell shows it: held (green), late entry (amber),
 * missed (red), not yet due (grey).
 */
export function cellStatus(row) {
    if (!row) {
        return "none";
    }
    if (row.state === "compliant") {
        return row.late_entry_count ? "late" : "held";
    }
    return row.state === "behind" ? "missed" : "pending";
}

/** The compliance matrix: organizations × months of a year, one meeting type. */
export class ComplianceMatrix extends Component {
    static template = "org_grassroots.ComplianceMatrix";
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        const saved = this.props.state || {};
        this.state = useState({
            year: saved.year || DateTime.local().year,
            typeId: saved.typeId || false,
            offset: saved.offset || 0,
            types: [],
            organizations: [],
            total: 0,
            cells: {},
        });
        useSetupAction({
            getLocalState: () => ({
                year: this.state.year,
                typeId: this.state.typeId,
                offset: this.state.offset,
            }),
        });
        onWillStart(async () => {
            this.state.types = await this.orm.searchRead(
                "org.party.meeting.type",
                [],
                ["name", "frequency"]
            );
            if (!this.state.typeId && this.state.types.length) {
                this.state.typeId = await this.defaultTypeId();
            }
            await this.load();
        });
    }

    /** The first monthly type with rows in the year (else any type with rows, else the first). */
    async defaultTypeId() {
        const year = this.state.year;
        const groups = await this.orm.readGroup(
            "org.party.meeting.compliance",
            [
                ["period_start", "<=", `${year}-12-31`],
                ["period_end", ">=", `${year}-01-01`],
            ],
            ["type_id"],
            ["type_id"]
        );
        const withRows = new Set(groups.map((group) => group.type_id[0]));
        const types = this.state.types;
        const found =
            types.find((type) => withRows.has(type.id) && type.frequency === "monthly") ||
            types.find((type) => withRows.has(type.id)) ||
            types[0];
        return found.id;
    }

    get months() {
        return Array.from({ length: 12 }, (_, index) => ({
            number: index + 1,
            // as the office writes a month, and as the compliance rows label their periods
            label: `${this.state.year}年${String(index + 1).padStart(2, "0")}月`,
        }));
    }

    get years() {
        const current = DateTime.local().year;
        return Array.from({ length: 6 }, (_, index) => current - index);
    }

    get legend() {
        return [
            { status: "held", label: _t("Held") },
            { status: "late", label: _t("Late entry") },
            { status: "missed", label: _t("Missed") },
            { status: "pending", label: _t("Not yet due") },
        ];
    }

    get domain() {
        const year = this.state.year;
        return [
            ["type_id", "=", this.state.typeId],
            ["period_start", "<=", `${year}-12-31`],
            ["period_end", ">=", `${year}-01-01`],
        ];
    }

    async load() {
        if (!this.state.typeId) {
            return;
        }
        const { groups, length } = await this.orm.webReadGroup(
            "org.party.meeting.compliance",
            this.domain,
            ["organization_id"],
            ["organization_id"],
            { limit: PAGE_SIZE, offset: this.state.offset, lazy: true }
        );
        const organizations = groups.map((group) => ({
            id: group.organization_id[0],
            name: group.organization_id[1],
        }));
        const rows = organizations.length
            ? await this.orm.searchRead(
                  "org.party.meeting.compliance",
                  [...this.domain, ["organization_id", "in", organizations.map((org) => org.id)]],
                  ["organization_id", "period_start", "period_end", "state", "late_entry_count", "meeting_count"]
              )
            : [];
        const cells = {};
        for (const row of rows) {
            const start = DateTime.fromISO(row.period_start);
            const end = DateTime.fromISO(row.period_end);
            for (let month = start; month <= end; month = month.plus({ months: 1 })) {
                if (month.year === this.state.year) {
                    cells[`${row.organization_id[0]}-${month.month}`] = row;
                }
            }
        }
        this.state.organizations = organizations;
        this.state.total = length;
        this.state.cells = cells;
    }

    cell(organization, month) {
        return this.state.cells[`${organization.id}-${month.number}`];
    }

    cellClass(organization, month) {
        return `o_org_matrix_cell o_org_matrix_${cellStatus(this.cell(organization, month))}`;
    }

    cellTitle(organization, month) {
        const row = this.cell(organization, month);
        const label = this.legend.find((item) => item.status === cellStatus(row));
        return row
            ? _t("%(organization)s, %(month)s: %(status)s (%(count)s held)", {
                  organization: organization.name,
                  month: month.label,
                  status: label.label,
                  count: row.meeting_count,
              })
            : "";
    }

    async onChangeYear(ev) {
        this.state.year = parseInt(ev.target.value);
        this.state.offset = 0;
        await this.load();
    }

    async onChangeType(ev) {
        this.state.typeId = parseInt(ev.target.value);
        this.state.offset = 0;
        await this.load();
    }

    async onPage(step) {
        this.state.offset = Math.max(0, this.state.offset + step * PAGE_SIZE);
        await this.load();
    }

    /** A held period opens its meetings; one still to hold opens a new meeting (补录). */
    async onCellClick(organization, month) {
        const row = this.cell(organization, month);
        if (!row) {
            return;
        }
        if (row.state === "compliant") {
            const type = this.state.types.find((item) => item.id === this.state.typeId);
            await this.actionService.doAction({
                type: "ir.actions.act_window",
                name: `${organization.name} · ${type.name} · ${month.label}`,
                res_model: "org.party.meeting",
                views: [
                    [false, "list"],
                    [false, "form"],
                ],
                domain: [
                    ["organization_id", "=", organization.id],
                    ["type_id", "=", this.state.typeId],
                    ["date", ">=", row.period_start],
                    ["date", "<=", row.period_end],
                ],
            });
            return;
        }
        const action = await this.orm.call("org.party.meeting.compliance", "action_record_meeting", [
            [row.id],
        ]);
        await this.actionService.doAction(action);
    }
}

registry.category("actions").add("org_grassroots.compliance_matrix", ComplianceMatrix);
