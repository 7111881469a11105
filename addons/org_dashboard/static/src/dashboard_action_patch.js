import { onWillStart } from "@odoo/owl";
import { user } from "@web/core/user";
import { patch } from "@web/core/utils/patch";
import { SpreadsheetDashboardAction } from "@spreadsheet_dashboard/bundle/dashboard_action/dashboard_action";

// The 分享 button publishes the figures without login: only the administrator may (see the
// record rule in security/org_dashboard_security.xml); others do not see the button.
patch(SpreadsheetDashboardAction.prototype, {
    setup() {
        super.setup();
        this.orgMayShare = false;
        onWillStart(async () => {
            this.orgMayShare = await user.hasGroup("org_base.group_org_manager");
        });
    },
});
