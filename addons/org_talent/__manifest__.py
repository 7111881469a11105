{
    "name": "Organization Work Platform: Talent",
    "summary": "育才聚才 · talents, policies and benefit claims, platforms, talent cards, services",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_base"],
    "data": [
        "security/org_talent_security.xml",
        "views/org_talent_menus.xml",
    ],
    "application": True,
    "installable": True,
}
