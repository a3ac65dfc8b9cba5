"""Check an agreement annotation file: every span's text is its field's value as printed.

Usage: python3 data/team-reports/agreement/check_spans.py [file.jsonl ...]
The corpus is read from $DATASETS_DIR (default ../shared/data beside the repository), as the product does.
Exit status 1 when any span or record fails; each failure is printed.
"""

import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DATASETS = Path(os.environ.get("DATASETS_DIR", ROOT.parent / "shared" / "data"))
KINDS = {"research_report", "announcement", "news", "other"}


def load_texts(records):
    wanted = {}
    for r in records:
        name, line = r["source"].removeprefix("corpus/").split(":")
        wanted.setdefault(name, set()).add(int(line))
    texts = {}
    for name, lines in wanted.items():
        with open(DATASETS / "corpus" / name, encoding="utf-8") as f:
            for i, raw in enumerate(f):
                if i in lines:
                    texts[(name, i)] = json.loads(raw)["text"]
    return texts


def field_value(report, field):
    value = report
    for part in field.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def printed_date(printed):
    """ISO form of a printed date ('2021年3月31日', '2020/10/15', '2019年06月')."""
    parts = [int(p) for p in re.findall(r"\d+", printed)]
    return "-".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]])


def matches(field, value, printed):
    if field == "date":
        return printed_date(printed) == value
    if field in ("targetPrice", "currentPrice"):
        amount = value["value"]
        numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", printed.replace(",", ""))]
        if isinstance(amount, dict):
            return numbers == [amount["min"], amount["max"]]
        return numbers == [amount]
    return printed == value


def valued_fields(report):
    """The report's fields that hold a value, in span notation ('analysts.0.name', 'targetPrice')."""
    fields = [k for k in ("broker", "rating", "ratingChange", "targetPrice", "currentPrice", "date") if report.get(k)]
    for group in ("analysts", "contacts"):
        for i, person in enumerate(report.get(group) or []):
            fields += [f"{group}.{i}.{k}" for k in ("name", "certificate") if person.get(k)]
    fields += [f"stock.{k}" for k in ("name", "code") if (report.get("stock") or {}).get(k)]
    return fields


def check(records, texts):
    failures = []
    for r in records:
        rid = r["id"]
        name, line = r["source"].removeprefix("corpus/").split(":")
        if rid != f"corpus:{Path(name).stem}:{line}":
            failures.append(f"{rid}: id does not match source {r['source']}")
        if r["kind"] not in KINDS:
            failures.append(f"{rid}: unknown kind {r['kind']}")
        text = texts[(name, int(line))]
        report = r["report"]
        if report is None:
            if r["spans"]:
                failures.append(f"{rid}: spans without a report")
            continue
        spanned = {span["field"] for span in r["spans"]}
        for field in valued_fields(report):
            if field not in spanned:
                failures.append(f"{rid}: {field} has a value but no span")
        for span in r["spans"]:
            field, start, end = span["field"], span["start"], span["end"]
            printed = text[start:end]
            try:
                value = field_value(report, field)
            except (KeyError, IndexError, TypeError):
                failures.append(f"{rid}: span field {field} is not in the report")
                continue
            if value is None or not matches(field, value, printed):
                failures.append(f"{rid}: {field} = {value!r} but the span reads {printed!r}")
    return failures


def main(paths):
    paths = paths or [str(HERE / "second-annotator.jsonl")]
    failures, spans, records_n = [], 0, 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        records_n += len(records)
        spans += sum(len(r["spans"]) for r in records)
        failures += [f"{path}: {m}" for m in check(records, load_texts(records))]
    for message in failures:
        print(message)
    print(f"{records_n} records, {spans} spans, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
