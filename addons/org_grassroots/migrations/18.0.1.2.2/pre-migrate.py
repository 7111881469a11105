"""A term rule is now one per kind *and* field (村/社区 organizations have their own): the old
one-per-kind constraint goes before the shipped rules for communities and villages load, or
loading them fails on it. The new constraint (by the model's rules) takes its place."""


def migrate(cr, version):
    cr.execute("ALTER TABLE org_party_term_rule DROP CONSTRAINT IF EXISTS org_party_term_rule_kind_uniq")
