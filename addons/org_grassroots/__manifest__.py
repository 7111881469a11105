{
    "name": "Organization Work Platform: Grassroots Party Building",
    "summary": "强基固本 · party organizations, members, development pipeline, meetings, 幸福清单",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_base"],
    "data": [
        "security/org_grassroots_security.xml",
        "views/org_grassroots_menus.xml",
    ],
    "application": True,
    "installable": True,
}
