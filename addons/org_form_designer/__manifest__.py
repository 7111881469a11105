{
    "name": "Organization Work Platform: Form Designer",
    "summary": "组织工作平台 form designer: configurators add fields and rearrange forms without code",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": [
        "org_base",
    ],
    "data": [
        "security/ir.model.access.csv",
        "views/org_form_customization_views.xml",
        "wizards/org_form_customization_delete_views.xml",
        "wizards/org_form_customization_import_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["org_form_designer/static/tests/tours/**/*"],
    },
    "installable": True,
}
