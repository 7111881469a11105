{
    "name": "Organization Work Platform: Member Portal Study Hours",
    "summary": "bridge: 学时 on the member portal (my study hours of the year, for members who are staff)",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_member_portal", "org_study"],
    "data": ["views/org_member_portal_study_templates.xml"],
    "auto_install": True,
    "installable": True,
}
