#!/usr/bin/env python3
"""Checks `dchain plan --format ics` output with an independent RFC 5545 parser
(the `icalendar` package): item count, due dates, UIDs, priorities, escaping
and folding, against the same plan rendered as JSON by dchain.

usage: test_ics.py --ics plan.ics --json plan.json --today YYYY-MM-DD [--again plan2.ics] [--ics-zh plan.zh.ics]
                   [--account NAME] [--ics-late plan.late.ics --late HH:MM --late-minutes N]
Prints one line per check and a closing "N passed, N failed"; exits 1 on any failure.
"""
import argparse
import datetime
import json
import sys

import icalendar

PRIORITY = {"high": 1, "medium": 5, "low": 9}


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
            print(f"ok    {what}")
        else:
            self.failed += 1
            print(f"FAIL  {what}")


def parse(raw, checks, name):
    try:
        cal = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    except Exception as e:  # the parser's own error is the report
        checks.check(False, f"{name}: parses as iCalendar ({e})")
        return None
    checks.check(True, f"{name}: parses as iCalendar")
    errors = [(c.name, c.errors) for c in cal.walk() if getattr(c, "errors", None)]
    checks.check(not errors, f"{name}: no component errors {errors if errors else ''}")
    return cal


def raw_lines(raw, checks, name):
    checks.check(raw.endswith(b"\r\n"), f"{name}: ends with CRLF")
    body = raw[:-2].split(b"\r\n")
    checks.check(all(b"\n" not in line and b"\r" not in line for line in body), f"{name}: every line ends with CRLF")
    long = [line for line in body if len(line) > 75]
    checks.check(not long, f"{name}: no line longer than 75 octets")
    try:
        for line in body:
            line.decode("utf-8")
        checks.check(True, f"{name}: folding keeps every line valid UTF-8")
    except UnicodeDecodeError:
        checks.check(False, f"{name}: folding keeps every line valid UTF-8")


def check_events(checks, events, items, account, start, minutes):
    """Each item's VEVENT: its own UID, on the due day at the start time, for the minutes, titled with account and person."""
    for event, item in zip(events, items):
        uid = str(event.get("UID"))
        checks.check(uid == item["uid"] + ".event@dchain", f"{uid}: VEVENT UID is the item's uid .event@dchain")
        begin = event.decoded("DTSTART")
        checks.check(isinstance(begin, datetime.datetime) and begin.date().isoformat() == item["due"] and begin.time() == start,
                     f"{uid}: DTSTART is {item['due']} {start}")
        checks.check(event.decoded("DURATION") == datetime.timedelta(minutes=minutes), f"{uid}: DURATION is {minutes} minutes")
        summary = str(event.get("SUMMARY"))
        checks.check(item["action"] in summary and (account is None or account in summary)
                     and (not item.get("stakeholder") or item["stakeholder"] in summary),
                     f"{uid}: SUMMARY names the account, the person and the action")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ics", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--today", required=True)
    ap.add_argument("--again")
    ap.add_argument("--ics-zh")
    ap.add_argument("--account")
    ap.add_argument("--ics-late")
    ap.add_argument("--late")
    ap.add_argument("--late-minutes", type=int)
    args = ap.parse_args()
    checks = Checks()

    raw = open(args.ics, "rb").read()
    plan = json.load(open(args.json, encoding="utf-8"))
    items = plan["items"]
    today = datetime.date.fromisoformat(args.today)
    raw_lines(raw, checks, "en")
    cal = parse(raw, checks, "en")
    if cal is not None:
        checks.check(str(cal.get("VERSION")) == "2.0", "VERSION is 2.0")
        checks.check(bool(cal.get("PRODID")), "PRODID is present")
        todos = list(cal.walk("VTODO"))
        checks.check(len(items) > 0, f"the sample plan has items ({len(items)})")
        checks.check(len(todos) == len(items), f"one VTODO per plan item ({len(todos)} of {len(items)})")
        uids = [str(t.get("UID")) for t in todos]
        checks.check(len(set(uids)) == len(uids), "UIDs are unique")
        for todo, item in zip(todos, items):
            uid = str(todo.get("UID"))
            checks.check(uid == item["uid"] + "@dchain", f"{uid}: UID is the item's uid @dchain")
            due = todo.decoded("DUE")
            checks.check(isinstance(due, datetime.date) and not isinstance(due, datetime.datetime)
                         and due.isoformat() == item["due"], f"{uid}: DUE is the date {item['due']}")
            stamp = todo.decoded("DTSTAMP")
            checks.check(stamp == datetime.datetime(today.year, today.month, today.day, tzinfo=datetime.timezone.utc),
                         f"{uid}: DTSTAMP is --today at 00:00 UTC")
            checks.check(int(todo.get("PRIORITY")) == PRIORITY[item["priority"]], f"{uid}: PRIORITY matches {item['priority']}")
            cats = todo.get("CATEGORIES")
            cat_values = [str(c) for c in (cats.cats if hasattr(cats, "cats") else [cats])]
            checks.check(cat_values == [item["rule"]], f"{uid}: CATEGORIES is the rule {item['rule']}")
            checks.check(item["action"] in str(todo.get("SUMMARY")), f"{uid}: SUMMARY carries the action")
            checks.check(item["why"] in str(todo.get("DESCRIPTION")), f"{uid}: DESCRIPTION carries the why, unescaped intact")
            checks.check(str(todo.get("STATUS")) == "NEEDS-ACTION", f"{uid}: STATUS is NEEDS-ACTION")
        events = list(cal.walk("VEVENT"))
        checks.check(len(events) == len(items), f"one VEVENT per plan item, next to its VTODO ({len(events)} of {len(items)})")
        check_events(checks, events, items, args.account, datetime.time(9, 0), 30)
        checks.check(any(i["rule"] in ("stale-contact", "top-down") and i["role"] == "EB" for i in items),
                     "the plan has a stale-contact or top-down item for the EB")
        checks.check(any(i["rule"] == "negative-emotion" and i["stakeholder"] == "李明" for i in items),
                     "the plan has a negative-emotion item for the TB frustrated at contract negotiation")

    if args.again:
        checks.check(open(args.again, "rb").read() == raw, "a second run gives the same bytes (stable UIDs, fixed DTSTAMP)")
    if args.ics_zh:
        zh = open(args.ics_zh, "rb").read()
        raw_lines(zh, checks, "zh")
        cal_zh = parse(zh, checks, "zh")
        if cal_zh is not None:
            zh_uids = [str(t.get("UID")) for t in cal_zh.walk("VTODO")]
            checks.check(zh_uids == [i["uid"] + "@dchain" for i in items], "zh: the same UIDs in the same order")

    if args.ics_late:
        late = parse(open(args.ics_late, "rb").read(), checks, "late")
        if late is not None:
            h, m = (int(x) for x in args.late.split(":"))
            check_events(checks, list(late.walk("VEVENT")), items, args.account, datetime.time(h, m), args.late_minutes)

    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
