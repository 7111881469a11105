{
    "name": "Organization Work Platform: Department Work",
    "summary": "组织工作平台 the department's own work (组工干部自身建设): key tasks and "
    "rectification boards, integrity risk register",
    "version": "18.0.1.0.1",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": [
        "org_checklist",
    ],
    "data": [
        "security/ir.model.access.csv",
        "views/org_integrity_risk_views.xml",
        "views/org_department_menus.xml",
        "data/org_department_data.xml",
    ],
    "demo": [
        "demo/org_department_demo.xml",
        "demo/chinese_messages.xml",
    ],
    "installable": True,
}
