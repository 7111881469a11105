from odoo import api, models


class OrgWorkbench(models.AbstractModel):
    """The boards' sections of the workbench: my red and yellow cards, the cards waiting for my
    acceptance; a leader's red cards by responsible unit."""

    _inherit = "org.workbench"

    @api.model
    def _org_workbench_sections(self):
        sections = super()._org_workbench_sections()
        user = self.env.user
        if not user._is_internal():
            return sections
        is_officer = user.has_group("project.group_project_user")
        open_cards = [("org_board_type_id", "!=", False), ("org_is_closed", "=", False)]
        note_deadline = self._org_workbench_card_note
        # 我的任务 on the boards: as responsible person (责任人) or as assignee.
        sections.append(
            self._org_workbench_section(
                "org_checklist.my_cards",
                self.env._("My Red and Yellow Cards"),
                "project.task",
                [
                    *open_cards,
                    ("org_deadline_status", "in", ("red", "yellow")),
                    "|",
                    ("org_responsible_user_id", "=", user.id),
                    ("user_ids", "in", user.id),
                ],
                sequence=10,
                red_domain=[("org_deadline_status", "=", "red")],
                order="date_deadline, id",
                note=note_deadline,
                note_fields=("date_deadline", "org_deadline_status"),
                row_state=self._org_workbench_card_light,
                context={"org_board_card": True},
            )
        )
        if is_officer:
            # The cards I may accept or return (org_user_may_review): as their reviewer, or any
            # card as an administrator; never my own.
            review = [
                *open_cards,
                ("org_review_state", "=", "submitted"),
                ("org_responsible_user_id", "!=", user.id),
            ]
            if not user.has_group("org_base.group_org_manager"):
                review.append(("org_reviewer_id", "=", user.id))
            sections.append(
                self._org_workbench_section(
                    "org_checklist.to_accept",
                    self.env._("Cards Awaiting My Acceptance"),
                    "project.task",
                    review,
                    sequence=11,
                    order="date_deadline, id",
                    note=note_deadline,
                    note_fields=("date_deadline", "org_deadline_status"),
                    row_state=self._org_workbench_card_light,
                    context={"org_board_card": True},
                )
            )
        elif user.has_group("org_base.group_org_leader"):
            # A leader reads: the red cards of every board they see, by responsible unit.
            sections.append(
                self._org_workbench_section(
                    "org_checklist.red_by_unit",
                    self.env._("Red Cards by Unit"),
                    "project.task",
                    [*open_cards, ("org_deadline_status", "=", "red")],
                    sequence=10,
                    red_domain=[],
                    group_by="org_unit_id",
                )
            )
        return sections

    @api.model
    def _org_workbench_card_note(self, values):
        deadline = values["date_deadline"]
        return str(self.env.company._org_office_date(deadline)) if deadline else ""

    @api.model
    def _org_workbench_card_light(self, values):
        return values["org_deadline_status"] if values["org_deadline_status"] in ("red", "yellow") else ""
