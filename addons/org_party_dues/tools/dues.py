"""The arithmetic of party dues, without the ORM: amounts in integer fen (分), rates as decimal
strings, so that no float rounding reaches a stored amount.

The 2008 rules (中组发〔2008〕3号) apply the rate of the bracket the whole income falls in
(not a marginal rate) and the upper bound of each bracket is inclusive (“3000元以下（含3000元）”).
"""

from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")


def to_fen(amount):
    """An amount in yuan (float, str, Decimal or int) as integer fen, half up."""
    if amount is None or amount is False:
        return 0
    return int((Decimal(str(amount)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def to_yuan(fen):
    """Integer fen as a float of yuan with exactly two decimals (what a Monetary field stores)."""
    return float(Decimal(fen) / 100)


def bracket_rate(income_fen, brackets):
    """The rate (a Decimal percent) of the bracket ``income_fen`` falls in.

    ``brackets``: ``[(upper bound in fen or None for no bound, rate)]`` in any order; the
    bounds are inclusive. Returns None when no bracket fits (e.g. no open-ended bracket)."""
    bounded = sorted((bound, rate) for bound, rate in brackets if bound)
    for bound, rate in bounded:
        if income_fen <= bound:
            return Decimal(str(rate))
    open_ended = [rate for bound, rate in brackets if not bound]
    return Decimal(str(open_ended[0])) if open_ended else None


def monthly_dues_fen(income_fen, brackets):
    """The monthly dues in fen of a monthly income in fen: income × rate %, rounded half up to
    the fen."""
    rate = bracket_rate(income_fen, brackets)
    if rate is None:
        return 0
    return int((Decimal(income_fen) * rate / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def allocate_fen(amount_fen, open_lines):
    """Which of ``open_lines`` (``[(line id, amount in fen)]``, oldest first) a payment of
    ``amount_fen`` pays: whole lines, oldest first, until the next one does not fit. Returns
    ``(paid line ids, fen left over)``."""
    paid = []
    for line_id, line_fen in open_lines:
        if line_fen > amount_fen:
            break
        paid.append(line_id)
        amount_fen -= line_fen
    return paid, amount_fen
