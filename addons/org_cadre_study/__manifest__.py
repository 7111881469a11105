{
    "name": "Organization Work Platform: Cadre Training in the Study Ledger",
    "summary": "Cadre trainings credit the study ledger; cadres carry the study tag 干部",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_cadre", "org_study"],
    "data": [
        "data/org_study_type_data.xml",
        "views/org_cadre_training_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "installable": True,
}
