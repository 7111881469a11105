{
    "name": "Organization Work Platform: Roster Import",
    "summary": "组织工作平台 roster import engine: messy spreadsheets checked row by row, then imported",
    "version": "18.0.1.0.1",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": [
        "org_base",
    ],
    "data": [
        "security/org_roster_security.xml",
        "security/ir.model.access.csv",
        "data/org_roster_data.xml",
        "views/org_roster_views.xml",
        "wizards/org_roster_import_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "installable": True,
}
