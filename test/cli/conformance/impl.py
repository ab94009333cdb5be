#!/usr/bin/env python3
"""A small independent implementation of three worked-case kinds, written
for the conformance test from the contract texts, not from the library:
`notice-end`, `term` and `revision`. Money is Python's `decimal`, never a
float. Reads a question on stdin, prints the answer on stdout.

    python3 impl.py           # right
    python3 impl.py --wrong   # rounds a twelfth half-up, and clamps a notice to the next month's first day
"""
import calendar
import json
import sys
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

WRONG = "--wrong" in sys.argv[1:]
ORE = Decimal("0.01")
# SKR's published OPI (omsorgsprisindex), percent, for the years a case may need besides its own series.
OPI = {2020: "3.0", 2021: "1.5", 2022: "1.9"}


def parse_date(text):
    y, m, d = (int(p) for p in text.split("-"))
    return y, m, d


def fmt_date(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}"


def add_months(y, m, n):
    total = y * 12 + (m - 1) + n
    return total // 12, total % 12 + 1


def last_day(y, m):
    return calendar.monthrange(y, m)[1]


def error(code):
    return {"error": code}


def notice_end(contract, given):
    clause = contract.get("notice")
    if clause is None:
        return error("NOT_IN_CONTRACT")
    if given.get("form") != "written":
        return error("NOTICE_NOT_WRITTEN")
    months = given.get("months", clause["months"])
    y, m, d = parse_date(given["receivedOn"])
    ty, tm = add_months(y, m, months)
    if given.get("rule") == "end-of-month":
        return {"end": fmt_date(ty, tm, last_day(ty, tm)), "months": months, "clamped": False, "clause": clause["clause"]}
    clamped = d > last_day(ty, tm)
    if clamped and WRONG:
        ny, nm = add_months(ty, tm, 1)
        end = fmt_date(ny, nm, 1)
    else:
        end = fmt_date(ty, tm, min(d, last_day(ty, tm)))
    return {"end": end, "months": months, "clamped": clamped, "clause": clause["clause"]}


def term(contract, given):
    used = (given or {}).get("extensionsUsed", 0)
    t = contract["term"]
    if t["end"] is None:
        return error("EXTENSION_NOT_ALLOWED") if used > 0 else {"end": None}
    ext = t.get("extensions")
    if used > 0 and (ext is None or used > ext["count"]):
        return error("EXTENSION_NOT_ALLOWED")
    ey, em, _ = parse_date(t["end"])
    ey, em = add_months(ey, em, used * (ext["months"] if ext else 0))
    sy, sm, _ = parse_date(t["start"])
    by_year = {}
    y, m = sy, sm
    while (y, m) <= (ey, em):
        by_year[str(y)] = by_year.get(str(y), 0) + 1
        y, m = add_months(y, m, 1)
    return {"end": fmt_date(ey, em, last_day(ey, em)), "months": sum(by_year.values()), "byYear": by_year}


def percent_of(series, year):
    if "values" in series and str(year) in series["values"]:
        v = series["values"][str(year)]
        return Decimal(str(v["percent"])), v.get("status", "unspecified")
    if "percent" in series and str(year) in series["percent"]:
        return Decimal(str(series["percent"][str(year)])), "unspecified"
    return Decimal(OPI[year]), "final"


def annual(contract, series, year):
    """The amount in its price year, then each year's index applied and rounded to the öre (half up)."""
    comp = contract["compensation"]
    amount = Decimal(comp["amount"])
    for y in range(contract["indexation"]["firstAdjustedYear"], year + 1):
        p, _ = percent_of(series, y)
        amount = (amount * (1 + p / 100)).quantize(ORE, rounding=ROUND_HALF_UP)
    return amount


def twelfth(amount, month):
    """1/12 a month, rounded down to the öre; December takes what is left."""
    one = (amount / 12).quantize(ORE, rounding=ROUND_HALF_UP if WRONG else ROUND_DOWN)
    return amount - 11 * one if month == 12 else one


def money(d):
    return str(d.quantize(ORE))


def revision(contract, given):
    year = given["year"]
    _, through = (int(p) for p in given["paidThrough"].split("-"))
    old, new = annual(contract, given["from"], year), annual(contract, given["to"], year)
    months = []
    for m in range(1, through + 1):
        paid, revised = twelfth(old, m), twelfth(new, m)
        months.append({"month": f"{year:04d}-{m:02d}", "paid": money(paid), "revised": money(revised), "difference": money(revised - paid)})
    paid = sum(Decimal(m["paid"]) for m in months)
    revised = sum(Decimal(m["revised"]) for m in months)
    diff = revised - paid
    direction = "owed-to-provider" if diff > 0 else "reclaimed-from-provider" if diff < 0 else "none"
    side = lambda s: dict(zip(("percent", "status"), (str(percent_of(s, year)[0]), percent_of(s, year)[1])))
    return {"months": months, "paid": money(paid), "revised": money(revised), "difference": money(diff), "direction": direction, "from": side(given["from"]), "to": side(given["to"])}


KINDS = {"notice-end": notice_end, "term": term, "revision": revision}

question = json.load(sys.stdin)
kind = question["kind"]
if kind not in KINDS:
    print(f"impl.py: kind {kind} is not implemented", file=sys.stderr)
    sys.exit(3)
json.dump(KINDS[kind](question["contract"], question["input"] or {}), sys.stdout)
print()
