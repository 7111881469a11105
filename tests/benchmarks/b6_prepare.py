"""B6 in the benchmark process: what the simulated users do (plan) and, afterwards, whether
every write they made is in the database."""

import zone as zone_module
from views import Page, view_spec

from odoo import api

CARDS_PER_USER = 10
BOARD_CARDS = 2_000


def prepare(bench, user_count):
    """A JSON-able plan: each user's login and own cards, the kanban calls, the form spec."""
    env = bench.env
    zone = bench.zone
    officers = zone.officers[:user_count]
    officer_env = api.Environment(env.cr, officers[0].id, {"lang": "zh_CN", "tz": "Asia/Shanghai"})
    board = zone.department_board(BOARD_CARDS)
    page = bench.board_page(board)
    page = Page(
        officer_env["project.task"].with_context(default_project_id=board.id),
        "kanban",
        False,
        page.domain,
        {"group_by": "stage_id"},
    )
    form_view = officer_env["project.task"].get_view(False, "form")
    form_spec = view_spec(officer_env["project.task"], form_view["arch"])
    open_stages = board.type_ids.filtered(lambda stage: not stage.org_closing)
    users = []
    for officer in officers:
        cards = env["project.task"].search(
            [
                ("project_id", "=", board.id),
                ("org_responsible_user_id", "=", officer.id),
                ("stage_id", "in", open_stages.ids),
            ],
            limit=CARDS_PER_USER,
            order="id",
        )
        users.append({"login": officer.login, "password": zone_module.PASSWORD, "cards": cards.ids})
    return {
        "db": env.cr.dbname,
        "board_cards": BOARD_CARDS,
        "users": users,
        "kanban": {
            "model": "project.task",
            "domain": page.domain,
            "spec": page.spec,
            "group_by": page.group_by[0],
            "aggregates": page.aggregates,
            "progress_bar": page.progress_bar,
            "order": page.order,
            "context": {"default_project_id": board.id},
        },
        "form_spec": form_spec,
        "stages": open_stages.ids,
    }


def lost_writes(env, writes):
    """``writes``: ``{card id: {"name": last name, "stage_id": last stage}}`` as the users
    last wrote them; the cards whose database values differ."""
    cards = env["project.task"].browse([int(card_id) for card_id in writes])
    cards.fetch(["name", "stage_id"])
    lost = []
    for card in cards:
        expected = writes[str(card.id)]
        if "name" in expected and card.name != expected["name"]:
            lost.append((card.id, "name", expected["name"], card.name))
        if "stage_id" in expected and card.stage_id.id != expected["stage_id"]:
            lost.append((card.id, "stage_id", expected["stage_id"], card.stage_id.id))
    return lost
