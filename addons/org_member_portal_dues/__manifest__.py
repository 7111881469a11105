{
    "name": "Organization Work Platform: Member Portal Dues",
    "summary": "bridge: 党费 on the member portal (my monthly dues, paid and unpaid, arrears)",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_member_portal", "org_party_dues"],
    "data": [
        "security/ir.model.access.csv",
        "security/org_member_portal_dues_security.xml",
        "views/org_member_portal_dues_templates.xml",
    ],
    "auto_install": True,
    "installable": True,
}
