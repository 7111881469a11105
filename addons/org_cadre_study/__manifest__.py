{
    "name": "Organization Work Platform: Cadre Training in the Study Ledger",
    "summary": "Cadre trainings credit the study ledger; cadres get the tag 干部 and a study level",
    "version": "18.0.1.1.1",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_cadre", "org_study"],
    "data": [
        "data/org_study_type_data.xml",
        "data/org_dictionary_item_data.xml",
        "views/org_cadre_training_views.xml",
        "views/org_dictionary_item_views.xml",
    ],
    "demo": [
        "demo/org_study_demo.xml",
        "demo/chinese_messages.xml",
    ],
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "installable": True,
}
