import { registry } from "@web/core/registry";

// A member opens the sign-in link of the meeting (the QR code), logs in, taps 签到 and sees the
// confirmation; the test checks the sign-in record and the attendee.
registry.category("web_tour.tours").add("org_meeting_signin_member_tour", {
    steps: () => [
        {
            content: "The sign-in link asks the member to log in",
            trigger: "form.oe_login_form input[name=login]",
            run: "edit signin_tour_member",
        },
        {
            trigger: "form.oe_login_form input[name=password]",
            run: "edit signin_tour_member",
        },
        {
            trigger: "form.oe_login_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Back on the meeting's page: the big sign-in button",
            trigger: ".o_org_signin_meeting:contains(签到巡演会议)",
        },
        {
            trigger: "button.o_org_signin_button",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The confirmation with the time",
            trigger: ".o_org_signin_done:contains(签到巡演党员)",
        },
    ],
});
