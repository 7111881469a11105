{
    "name": "Organization Work Platform: Cadres",
    "summary": "选贤任能 · cadre dossiers, appointment, training, assessment, supervision",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_base"],
    "data": [
        "security/org_cadre_security.xml",
        "views/org_cadre_menus.xml",
    ],
    "application": True,
    "installable": True,
}
