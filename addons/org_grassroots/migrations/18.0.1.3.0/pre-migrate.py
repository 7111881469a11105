"""The introducers (入党介绍人) of a candidate were free text (``introducers``); they become two
links to formal party members. The text is kept as ``introducers_note`` and post-migrate links
the names it finds."""


def migrate(cr, version):
    cr.execute(
        """
        SELECT column_name FROM information_schema.columns
         WHERE table_name = 'org_party_candidate' AND column_name IN ('introducers', 'introducers_note')
        """
    )
    columns = {row[0] for row in cr.fetchall()}
    if "introducers" in columns and "introducers_note" not in columns:
        cr.execute("ALTER TABLE org_party_candidate RENAME COLUMN introducers TO introducers_note")
