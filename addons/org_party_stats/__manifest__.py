{
    "name": "Organization Work Platform: Party Statistics of the Year",
    "summary": "党内统计年报 · the main tables of the party statistics as of 31 December, drillable, "
    "exported to Excel and PDF, for the zone or a secretary's subtree",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_grassroots"],
    "data": [
        "views/org_party_stats_views.xml",
        "report/org_party_stats_report.xml",
    ],
    "demo": ["demo/org_party_stats_demo.xml"],
    "assets": {
        "web.assets_backend": ["org_party_stats/static/src/**/*"],
    },
    "installable": True,
}
