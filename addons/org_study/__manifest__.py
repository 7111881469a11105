{
    "name": "Organization Work Platform: Theory Study",
    "summary": "理论武装 · study plans, sessions, attendance, study-hour ledger, research visits",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_base"],
    "data": [
        "security/org_study_security.xml",
        "views/org_study_menus.xml",
    ],
    "application": True,
    "installable": True,
}
