"""Demo smoke test: the demo data of the five addons installs, its roles log in, it has records.

Called by ``bin/test --demo`` on a scratch database where the five addons were installed WITH
their demo data (the test runs use databases without it, so that no test relies on it):

    python tests/demo_smoke.py --db DB --readme README.md -- ODOO ARGS

The roles are those of README's table of demo logins (login, role, group xml id): each must
exist, be in its group, and log in with its login as password. Prints one line per check and
exits non-zero when one fails.
"""

import argparse
import os
import re
import sys

# Odoo's source, as bin/lib.sh finds it (bin/test runs this script with the platform's venv).
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo-18.0"))

from english_leaks import latin_words, scan, strip_html

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessDenied
from odoo.tools import config

# Records the demo data must hold, model: at least this many (what the demo shows).
DEMO_RECORDS = {
    "org.party.organization": 5,
    "org.party.member": 10,
    "org.party.meeting": 1,
    "hr.employee": 5,
    "org.talent": 3,
    "org.study.session": 1,
    "project.project": 2,
}


def readme_roles(path):
    """[(login, group xml id)] from README's table of demo logins."""
    with open(path, encoding="utf-8") as readme:
        rows = re.findall(r"^\| `([a-z_]+)` \| [^|]+ \| `([a-z_]+\.[a-z_]+)` \|$", readme.read(), re.M)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--readme", required=True)
    args, odoo_args = parser.parse_known_args()
    if odoo_args and odoo_args[0] == "--":
        odoo_args = odoo_args[1:]
    config.parse_config([*odoo_args, f"--database={args.db}"])
    registry = odoo.modules.registry.Registry(args.db)
    failures = []

    def check(ok, message):
        print(f"{'ok' if ok else 'FAILED'}: {message}")
        if not ok:
            failures.append(message)

    roles = readme_roles(args.readme)
    check(len(roles) >= 5, f"README names {len(roles)} demo roles: {', '.join(login for login, _g in roles)}")
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        for login, group in roles:
            user = env["res.users"].search([("login", "=", login)])
            check(bool(user), f"demo user {login} exists")
            if user:
                check(user.has_group(group), f"{login} is in {group}")
        # No sample of Odoo's apps in sight (org_base and org_checklist's demo/odoo_samples.xml).
        samples = env["ir.model.data"].search(
            [
                ("module", "in", ("hr", "project")),
                ("model", "in", ("hr.employee", "hr.department", "project.project")),
            ]
        )
        shown = [
            row.complete_name
            for row in samples
            if row.complete_name not in ("hr.employee_admin", "hr.dep_administration")
            and env[row.model].browse(row.res_id).exists().active
        ]
        check(not shown, f"no sample employee, department or project of Odoo's demo is active: {shown[:5]}")
        admin = env.ref("base.partner_admin")
        check(admin.name != "Mitchell Admin", f"the administrator is named {admin.name}")
        for model, minimum in DEMO_RECORDS.items():
            count = env[model].search_count([]) if model in env else 0
            check(count >= minimum, f"{count} records of {model} (at least {minimum})")
    for login, _group in roles:
        credential = {"type": "password", "login": login, "password": login}
        try:
            # As the login form does: administrators then give their second factor (README).
            uid = registry["res.users"].authenticate(args.db, credential, {"interactive": True})["uid"]
        except AccessDenied:
            uid = False
        check(bool(uid), f"{login} logs in with the password {login}")
        if uid:
            with registry.cursor() as cr:
                user = api.Environment(cr, uid, {})["res.users"].browse(uid)
                if user._org_totp_required():
                    check(bool(user._mfa_url()), f"{login} is then asked for the second factor")
    # What each role sees of our applications is Chinese (tests/english_leaks.py).
    for login, _group in roles:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            user = env["res.users"].search([("login", "=", login)])
            if not user:
                continue
            user_env = api.Environment(cr, user.id, {"lang": "zh_CN", "tz": user.tz or "Asia/Shanghai"})
            if not user.share:
                leaks = scan(user_env)
            else:
                # a party member on the member portal (org_member_portal; no menu, no backend):
                # their own pages
                leaks = []
                member = user_env["org.party.member"].search([("user_id", "=", user.id)])
                check(bool(member), f"{login} is a party member with pages of their own")
                for page, html in member._org_portal_page_texts() if member else []:
                    leaks += [(page, "portal page", word) for word in latin_words(strip_html(str(html)))]
            cr.rollback()
        check(not leaks, f"{login} sees no English in our applications ({len(leaks)} words)")
        for path, where, word in leaks:
            print(f"    {path} · {where}: {word}")
    print(f"demo smoke: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
