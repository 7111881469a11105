{
    "name": "Organization Work Platform: Cross-addon Tests",
    "summary": "End-to-end browser tours and access checks across the five 组织工作平台 addons",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": [
        "org_base",
        "org_checklist",
        "org_roster",
        "org_form_designer",
        "org_department",
        "org_study",
        "org_cadre",
        "org_talent",
        "org_grassroots",
    ],
    "data": [],
    "assets": {
        "web.assets_tests": ["org_platform_tests/static/tests/tours/**/*"],
    },
    "installable": True,
}
