{
    "name": "Organization Work Platform: Member Portal",
    "summary": "党员门户 · party members as portal users: their own record, meetings, transfers",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_grassroots", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/org_member_portal_security.xml",
        "report/org_member_portal_password_sheet.xml",
        "wizards/org_member_portal_account_wizard_views.xml",
        "views/org_member_portal_templates.xml",
    ],
    "demo": ["demo/org_member_portal_demo.xml"],
    "installable": True,
}
