import hashlib
import secrets
from datetime import timedelta

import psycopg2

from odoo import Command, fields, http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request
from odoo.tools import consteq, mute_logger
from odoo.tools.misc import hmac as odoo_hmac

from ..models.res_config_settings import DEFAULT_CODE_ATTEMPTS, RATE_PARAM

DEVICE_COOKIE = "org_signin_device"
DEVICE_SCOPE = "org_meeting_signin.device"
DEVICE_COOKIE_AGE = 400 * 24 * 3600


class MeetingSignin(http.Controller):
    """The member's sign-in pages (/signin) and the secretary's projection page.

    Members are portal users with no access to meetings: the routes read the meeting as
    superuser and check, on every request, that the account is active, is linked to an active
    party member, that the member belongs to the meeting's organization or one below it, that the
    sign-in window is open and that the device has not signed in another member.
    """

    # Helpers ----------------------------------------------------------------------------------

    def _env_su(self):
        return request.env(su=True)

    def _ip(self):
        return request.httprequest.remote_addr

    def _audit(self, action, records, detail):
        request.env["org.audit.log"]._log(action, records, detail=detail)

    def _audit_model(self, action, detail):
        """An audit row without a record (an unknown code)."""
        Log = request.env["org.audit.log"]
        rows = Log._log_rows(action, request.env["org.party.meeting"], detail, model_level=True)
        request.env.cr.execute(Log._log_insert_query(rows))

    def _too_many_wrong_codes(self):
        """Wrong codes of this account or this address in the last minute, at the limit."""
        env = self._env_su()
        try:
            limit = max(int(env["ir.config_parameter"].get_param(RATE_PARAM, DEFAULT_CODE_ATTEMPTS)), 1)
        except (TypeError, ValueError):
            limit = DEFAULT_CODE_ATTEMPTS
        since = fields.Datetime.now() - timedelta(minutes=1)
        count = env["org.audit.log"].search_count(
            [
                ("action", "=", "meeting_signin_code_refused"),
                ("log_date", ">=", since),
                "|",
                ("user_id", "=", request.env.uid),
                ("ip", "=", self._ip()),
            ]
        )
        return count >= limit

    def _render(self, template, status=200, **values):
        return request.render(f"org_meeting_signin.{template}", values, status=status)

    def _refuse(self, reason, message, meeting=None, status=403, audit=True):
        if audit:
            if meeting:
                self._audit("meeting_signin_refused", meeting, reason)
            else:
                self._audit_model("meeting_signin_refused", reason)
        return self._render(
            "signin_refused",
            status=status,
            message=message,
            meeting=meeting and self._meeting_values(meeting),
        )

    def _meeting_values(self, meeting):
        meeting = meeting.sudo()
        return {
            "name": meeting.name,
            "organization": meeting.organization_id.name,
            "place": meeting.place or "",
            "date": meeting.date,
            "start": meeting._signin_label(meeting.time_start, "%H:%M"),
            "end": meeting._signin_label(meeting.time_end, "%H:%M"),
            "token": meeting.signin_token,
        }

    def _device_key(self):
        """The device key of the signed cookie, or None when there is none or it was forged."""
        value = request.httprequest.cookies.get(DEVICE_COOKIE) or ""
        key, _dot, signature = value.partition(".")
        if not key or not signature:
            return None
        if not consteq(signature, odoo_hmac(self._env_su(), DEVICE_SCOPE, key)):
            return None
        return key

    def _set_device_cookie(self, key):
        value = f"{key}.{odoo_hmac(self._env_su(), DEVICE_SCOPE, key)}"
        request.future_response.set_cookie(
            DEVICE_COOKIE, value, max_age=DEVICE_COOKIE_AGE, httponly=True, samesite="Lax"
        )

    @staticmethod
    def _qr_text(value):
        if not value:
            return ""
        return value.decode() if isinstance(value, bytes) else value

    @staticmethod
    def _hash(key):
        return hashlib.sha256(key.encode()).hexdigest()

    # The checks of every member request --------------------------------------------------------

    def _member_or_refusal(self):
        """(member, None) for the current account, or (None, refusal page)."""
        env = self._env_su()
        user = request.env.user
        if not user.sudo().active:
            return None, self._refuse(
                "account archived",
                request.env._("Your account is archived: ask your party secretary to restore it."),
            )
        member = env["org.party.member"].with_context(active_test=False).search([("user_id", "=", user.id)])
        if not member:
            return None, self._refuse(
                "no member",
                request.env._(
                    "No party member is linked to the account %(login)s: ask your party secretary to "
                    "link your membership record to it.",
                    login=user.login,
                ),
            )
        if not member.active:
            return None, self._refuse(
                "member archived",
                request.env._(
                    "The membership record of %(member)s is archived: ask your party secretary.",
                    member=member.name,
                ),
            )
        return member, None

    def _meeting_by_token(self, token):
        if not token or len(token) > 64:
            return self._env_su()["org.party.meeting"]
        return self._env_su()["org.party.meeting"].search([("signin_token", "=", token)], limit=1)

    def _check_meeting(self, meeting, member):
        """None when ``member`` may sign in to ``meeting`` now, else the refusal page."""
        state = meeting._signin_window_state()
        values = {"meeting": meeting.name}
        if state == "unset":
            return self._refuse(
                "no time", request.env._("Meeting “%(meeting)s” has no sign-in time.", **values), meeting
            )
        if state == "early":
            opens = meeting._signin_window()[0]
            return self._refuse(
                "too early",
                request.env._(
                    "Sign-in to “%(meeting)s” opens at %(opens)s: come back then.",
                    opens=meeting._signin_label(opens),
                    **values,
                ),
                meeting,
            )
        if state == "closed":
            return self._refuse(
                "closed",
                request.env._(
                    "Meeting “%(meeting)s” ended at %(end)s: sign-in is closed. Ask your party secretary "
                    "to record your attendance.",
                    end=meeting._signin_label(meeting.time_end),
                    **values,
                ),
                meeting,
            )
        in_scope = self._env_su()["org.party.member"].search_count(
            [("id", "=", member.id), ("organization_id", "child_of", meeting.organization_id.id)]
        )
        if not in_scope:
            return self._refuse(
                "not of the organization",
                request.env._(
                    "%(member)s is not a member of %(organization)s or of an organization below it: this "
                    "meeting's sign-in is not for you.",
                    member=member.name,
                    organization=meeting.organization_id.name,
                ),
                meeting,
            )
        return None

    def _existing(self, meeting, member):
        return self._env_su()["org.party.meeting.signin"].search(
            [("meeting_id", "=", meeting.id), ("member_id", "=", member.id)], limit=1
        )

    def _done(self, signin, again=False):
        meeting = signin.meeting_id
        return self._render(
            "signin_done",
            meeting=self._meeting_values(meeting),
            member=signin.member_id.name,
            signed_time=meeting._signin_label(signin.signed_at, "%H:%M"),
            late=signin.is_late,
            again=again,
        )

    # Routes -------------------------------------------------------------------------------------

    @http.route("/signin", type="http", auth="user", methods=["GET"], sitemap=False)
    def signin_code_form(self, **kwargs):
        member, refusal = self._member_or_refusal()
        if refusal:
            return refusal
        return self._render("signin_code", member=member.name, error=False)

    def _throttled(self):
        """The 429 page once this account or address typed too many wrong codes in the last
        minute, else None."""
        if self._too_many_wrong_codes():
            return self._refuse(
                "too many codes",
                request.env._("Too many wrong codes in the last minute: wait a minute, then try again."),
                status=429,
            )
        return None

    @http.route("/signin", type="http", auth="user", methods=["POST"], sitemap=False)
    def signin_code_submit(self, code="", **kwargs):
        member, refusal = self._member_or_refusal()
        if refusal:
            return refusal
        if throttled := self._throttled():
            return throttled
        code = (code or "").strip()
        Meeting = self._env_su()["org.party.meeting"]
        meeting = Meeting.browse()
        if len(code) == 6 and code.isdigit():
            meeting = Meeting.search([("signin_code", "=", code), *Meeting._signin_open_domain()], limit=2)
        if len(meeting) != 1:
            self._audit_model("meeting_signin_code_refused", f"code {code[:12]}")
            return self._render(
                "signin_code",
                status=404,
                member=member.name,
                error=request.env._(
                    "No meeting open for sign-in has the code %(code)s: check the code shown in the room.",
                    code=code[:12],
                ),
            )
        return request.redirect(f"/signin/{meeting.signin_token}")

    @http.route("/signin/<string:token>", type="http", auth="user", methods=["GET", "POST"], sitemap=False)
    def signin_meeting(self, token, **kwargs):
        member, refusal = self._member_or_refusal()
        if refusal:
            return refusal
        if throttled := self._throttled():
            return throttled
        meeting = self._meeting_by_token(token)
        if not meeting:
            self._audit_model("meeting_signin_code_refused", "unknown token")
            return self._refuse(
                "unknown token",
                request.env._(
                    "This sign-in code belongs to no meeting, or the secretary has replaced it: scan the "
                    "code shown in the room now."
                ),
                status=404,
                audit=False,
            )
        refusal = self._check_meeting(meeting, member)
        if refusal:
            return refusal
        existing = self._existing(meeting, member)
        if existing:
            return self._done(existing, again=True)
        if request.httprequest.method == "GET":
            return self._render("signin_meeting", meeting=self._meeting_values(meeting), member=member.name)
        return self._sign_in(meeting, member)

    def _sign_in(self, meeting, member):
        key = self._device_key()
        if key:
            other = self._env_su()["org.party.meeting.signin"].search(
                [
                    ("meeting_id", "=", meeting.id),
                    ("device_hash", "=", self._hash(key)),
                    ("member_id", "!=", member.id),
                ],
                limit=1,
            )
            if other:
                return self._refuse(
                    f"proxy: this device signed in {other.member_id.name}",
                    request.env._(
                        "This phone has already signed in another member to “%(meeting)s”: each member "
                        "signs in on their own phone (no sign-in for others).",
                        meeting=meeting.name,
                    ),
                    meeting,
                )
        else:
            key = secrets.token_urlsafe(24)
            self._set_device_cookie(key)
        now = fields.Datetime.now()
        Signin = self._env_su()["org.party.meeting.signin"]
        try:
            with request.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                signin = Signin.create(
                    {
                        "meeting_id": meeting.id,
                        "member_id": member.id,
                        "user_id": request.env.uid,
                        "signed_at": now,
                        "is_late": meeting._signin_is_late(now),
                        "device_hash": self._hash(key),
                        "ip": self._ip(),
                    }
                )
                meeting.write({"attendee_ids": [Command.link(member.id)]})
        except psycopg2.errors.UniqueViolation:
            # Two taps at once: the other one signed in.
            request.env.invalidate_all()
            return self._done(self._existing(meeting, member), again=True)
        except ValidationError as error:
            return self._refuse("meeting record refused", error.args[0], meeting, status=409)
        self._audit("meeting_signin", signin, "late" if signin.is_late else "on time")
        return self._done(signin)

    @http.route("/signin/screen/<int:meeting_id>", type="http", auth="user", methods=["GET"], sitemap=False)
    def signin_screen(self, meeting_id, **kwargs):
        """The room's projection page: QR code, short code, 实到/应到, refreshed every 10 s."""
        user = request.env.user
        meeting = request.env["org.party.meeting"].browse(meeting_id)
        try:
            if user.share:
                raise AccessError(request.env._("The sign-in screen is for the party secretary."))
            meeting.check_access("read")
            meeting.fetch(["name", "signin_token"])
        except (AccessError, MissingError):
            raise request.not_found() from None
        return self._render(
            "signin_screen",
            meeting=meeting,
            values=self._meeting_values(meeting),
            qr=self._qr_text(meeting.signin_qr),
            signins=meeting.signin_ids,
        )
