"""The team's document-level event annotations (data/team-events) as sentence units for finetuning.

Each train-part text is cut into sentences (windows of at most max_len code points). A sentence is a positive
unit of a type when it holds an annotated argument of an event of that type other than a date; its arguments
are the annotated spans inside it, each under the model role whose `documentRole` it is (schemas/events.json).
The annotations name no trigger, so triggers of those (unit, type) pairs are not trained. A sentence that only
repeats an event's party or figure elsewhere (the annotators mark the place where a fact is stated, not every
repetition) leaves that type unlabelled rather than calling it a negative. Every other type is a negative: the
guideline has the annotators mark every event of every schema type.
"""
from __future__ import annotations

import functools
import json
import os
import re

from .schema import Schema

DATE_ROLES = {"披露时间", "披露日期", "事件时间", "交易完成时间", "回购完成时间", "收购完成时间", "起诉时间", "判决时间",
              "签署日期", "中标日期", "被约谈时间", "破产时间", "处罚日期"}
# A party name that reads as a person: 2–4 Chinese characters with none of the words organisations end in.
ORG_MARK = re.compile(r"公司|集团|银行|证券|基金|中心|协会|委员会|局|厅|部|院|所|会|行|社|厂|店|队|有限|股份|控股|科技|投资|资本|企业|大学|政府")
PERSON = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")


@functools.lru_cache(maxsize=8)
def corpus_lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return f.readlines()


def read_corpus_line(data_dir: str, source: str) -> str:
    """`corpus/<file>.jsonl:<line>` -> the text of that corpus line."""
    rel, line = source.rsplit(":", 1)
    lines = corpus_lines(os.path.join(data_dir, rel))
    if int(line) >= len(lines):
        raise ValueError(f"{source}: no such line")
    return json.loads(lines[int(line)])["text"]


def sentence_windows(text: str, max_len: int):
    """[start, end) of each sentence, long ones cut into windows of max_len."""
    out, pos = [], 0
    for part in SENTENCE_END.split(text):
        for s in range(pos, pos + len(part), max_len):
            e = min(pos + len(part), s + max_len)
            if text[s:e].strip():
                out.append((s, e))
        pos += len(part)
    return out


def pick_role(candidates: list[str], argument: str) -> str:
    """Of a document role's model roles, the one matching the argument: -per for a person's name, -org else."""
    if len(candidates) == 1:
        return candidates[0]
    person = PERSON.match(argument) is not None and ORG_MARK.search(argument) is None
    want = "-per" if person else "-org"
    return next((c for c in candidates if c.endswith(want)), candidates[0])


def load_team_events(path: str, data_dir: str, schema: Schema, max_len: int):
    """Train-part units: {doc, rec, offset, text, events: [(type, None, [(role, s, e)])], known: [types], team}."""
    by_document_type = {d: t for t, d in zip(schema.event_types, schema.document_types)}
    # type -> document role -> the model roles that fill it (e.g. 质押方 -> [sub-org, sub-per])
    roles_of = {}
    for t, roles in zip(schema.event_types, schema.document_roles):
        for role, document_role in roles.items():
            roles_of.setdefault(t, {}).setdefault(document_role, []).append(role)
    units, skipped = [], 0
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    for rec_i, rec in enumerate(r for r in records if r.get("split") == "train" and r.get("scope") != "skip"):
        text = read_corpus_line(data_dir, rec["source"])
        events = []  # (type index, [(role index, s, e, document role, argument)])
        for ev in rec["events"]:
            model_type = by_document_type.get(ev["event_type"])
            if model_type is None:
                continue
            args = []
            for a in ev["arguments"]:
                cands = roles_of.get(model_type, {}).get(a["role"])
                if text[a["start"]:a["end"]] != a["argument"]:
                    skipped += 1
                    continue
                role = pick_role(cands, a["argument"]) if cands else None
                args.append((schema.role_index[role] if role else None, a["start"], a["end"], a["role"], a["argument"]))
            events.append((schema.type_index[model_type], args))
        for ws, we in sentence_windows(text, max_len):
            window = text[ws:we]
            labels, unknown = {}, set()
            for t, args in events:
                inside = [a for a in args if ws <= a[1] and a[2] <= we]
                if any(a[3] not in DATE_ROLES for a in inside):
                    spans = labels.setdefault(t, set())
                    spans.update((r, s - ws, e - ws) for r, s, e, _, _ in inside if r is not None)
                elif inside or any(a[3] not in DATE_ROLES and len(a[4]) >= 2 and a[4] in window for a in args):
                    unknown.add(t)
            known = [t for t in range(len(schema.event_types)) if t not in unknown or t in labels]
            units.append({"doc": rec["id"], "rec": rec_i, "offset": ws, "text": window, "team": True,
                          "events": [(t, None, sorted(spans)) for t, spans in sorted(labels.items())],
                          "known": known})
    return units, skipped


def load_pseudo_events(cfg, data_dir: str, schema: Schema, max_len: int):
    """The pseudo-label file's units (cfg.pseudo_events; none when unset), read as the team's annotations and
    marked `pseudo` so training can weigh them apart."""
    if not cfg.pseudo_events:
        return [], 0
    units, skipped = load_team_events(cfg.path(cfg.pseudo_events), data_dir, schema, max_len)
    for u in units:
        u["pseudo"] = True
    return units, skipped
