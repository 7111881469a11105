{
    "name": "Organization Work Platform: Checklists and Boards",
    "summary": "组织工作平台 checklist engine and closed-loop checklist boards on projects "
    "(stages, wall chart, satisfaction)",
    "version": "18.0.1.1.1",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": [
        "org_base",
        "project",
    ],
    "data": [
        "security/org_checklist_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/org_checklist_template_views.xml",
        "views/project_task_type_views.xml",
        "views/org_board_type_views.xml",
        "views/project_project_views.xml",
        "views/project_task_views.xml",
        "wizards/org_task_reject_wizard_views.xml",
        "views/org_checklist_menus.xml",
        "data/org_board_data.xml",
    ],
    "demo": [
        "demo/odoo_samples.xml",
        "demo/chinese_messages.xml",
    ],
    "assets": {
        "web.assets_tests": ["org_checklist/static/tests/tours/**/*"],
    },
    "installable": True,
}
