{
    "name": "Organization Work Platform: Leader Dashboards",
    "summary": "组织工作总览 and 基层党建 on Odoo's dashboard app: wall-chart lights, 三会一课, "
    "study hours, party member development, cadre structure, talent funds, 幸福清单",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": [
        "spreadsheet_dashboard",
        "org_checklist",
        "org_grassroots",
        "org_study",
        "org_cadre",
        "org_talent",
    ],
    "data": [
        "security/org_dashboard_security.xml",
        "data/spreadsheet_dashboard_data.xml",
    ],
    "assets": {
        "spreadsheet.o_spreadsheet": [
            "org_dashboard/static/src/**/*.js",
            "org_dashboard/static/src/**/*.xml",
        ],
        "web.assets_tests": ["org_dashboard/static/tests/tours/**/*"],
    },
    # With the five areas, whether or not Odoo's dashboard app is installed yet: it comes along.
    "auto_install": ["org_checklist", "org_grassroots", "org_study", "org_cadre", "org_talent"],
    "installable": True,
}
