{
    "name": "Organization Work Platform: Meeting Sign-in",
    "summary": "会议签到 · members sign in to a party meeting with a QR code or a short code on their "
    "phone; late arrivals flagged, 实到/应到 live for the secretary",
    "version": "18.0.1.0.0",
    "category": "Organization Work",
    "author": "组织工作平台 contributors",
    "license": "LGPL-3",
    "depends": ["org_grassroots", "portal"],
    "data": [
        "security/org_meeting_signin_security.xml",
        "security/ir.model.access.csv",
        "views/org_party_meeting_views.xml",
        "views/org_meeting_signin_templates.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["org_meeting_signin/static/tests/tours/**/*"],
    },
    "installable": True,
}
