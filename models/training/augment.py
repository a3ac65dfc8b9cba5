"""Mention replacement for FewFC train: copies of each sentence with its organisation and person arguments
swapped for other names of the same kind.

With ~7k training sentences the model learns many parties by name rather than by the context that makes
them parties (0.4.0: 42 % of dev's party arguments are names it was never told about). A copy keeps the
sentence and its events and changes who the parties are; every other span is shifted to the new offsets.
Features and knowledge marks of the copies come from `finkg features`, like every other text, each copy
leaving out its record's fold of the training names (prepare.py then unmarks some swapped-in names, so that
they are marked as often as real parties are).
"""
from __future__ import annotations

import json
import random

from .schema import Schema

ORG_TYPES = {"company", "organization", "government"}
# Unified entity types of the entity data that count as each kind of name (prepare.py's maps).
KIND_OF_ENTITY = {"company": "org", "organization": "org", "government": "org", "person": "person"}
MIN_NAME, MAX_NAME = 2, 20


def role_kinds(schema_path: str) -> dict[int, str]:
    """Role index -> "org" | "person" for roles that only organisations, or only people, fill, and "value" for
    roles no entity fills (amounts, dates, assets)."""
    s = json.load(open(schema_path, encoding="utf-8"))
    fillers: dict[str, set] = {}
    for t in s["eventTypes"]:
        for r in t["roles"]:
            fillers.setdefault(r["name"], set()).update(r.get("entityTypes", []))
    out = {}
    for i, role in enumerate(s["roleOrder"]):
        f = fillers.get(role, set())
        if f and f <= ORG_TYPES:
            out[i] = "org"
        elif f == {"person"}:
            out[i] = "person"
        elif not f:
            out[i] = "value"
    return out


def name_pools(fewfc_units, entity_units, kinds: dict[int, str], schema: Schema) -> dict[str, list[str]]:
    """Names of each kind seen in the train splits: FewFC party arguments and FinNER mentions."""
    pools: dict[str, set] = {"org": set(), "person": set()}
    for u in fewfc_units:
        for _, _, args in u["events"]:
            for r, s, e in args:
                if kinds.get(r) in pools:
                    pools[kinds[r]].add(u["text"][s:e])
    for u in entity_units:
        if u["source"] != "finner":  # CLUENER's organisations are mostly not businesses (games, clubs, schools)
            continue
        for et, s, e in u["spans"]:
            kind = KIND_OF_ENTITY.get(schema.entity_types[et])
            if kind:
                pools[kind].add(u["text"][s:e])
    return {k: sorted(n for n in v if MIN_NAME <= len(n) <= MAX_NAME and "\n" not in n) for k, v in pools.items()}


def replace_mentions(unit, kinds: dict[int, str], pools, rng: random.Random, max_len: int):
    """One copy of a FewFC unit with each party name (all its occurrences) replaced, or None if no name can
    be replaced cleanly (a name that another span cuts through stays as it is). `replaced` lists the new
    names' spans."""
    text = unit["text"]
    triggers = [tr for _, tr, _ in unit["events"] if tr]
    spans = [(s, e) for _, _, args in unit["events"] for _, s, e in args]
    names, values = {}, set()
    for _, _, args in unit["events"]:
        for r, s, e in args:
            if kinds.get(r) in pools and MIN_NAME <= e - s:
                names.setdefault(text[s:e], kinds[r])
            elif kinds.get(r) == "value":
                values.add(text[s:e])
    cuts = []  # (start, end, new name), non-overlapping
    taken = [False] * len(text)
    for name, kind in sorted(names.items(), key=lambda x: -len(x[0])):  # longer names first
        occ, i = [], text.find(name)
        while i >= 0:
            occ.append((i, i + len(name)))
            i = text.find(name, i + len(name))
        # Another argument may hold the name whole (a pledged asset naming its company), never cut through it;
        # triggers stay as they are.
        clean = all(not any(taken[s:e]) for s, e in occ) and all(
            b <= s or e <= a or (a <= s and e <= b) for s, e in occ for a, b in spans) and all(
            b <= s or e <= a for s, e in occ for a, b in triggers)
        if not clean or name in values:  # a string also annotated as a value is no name (e.g. 股权)
            continue
        new = rng.choice(pools[kind])
        if new == name:
            continue
        for s, e in occ:
            cuts.append((s, e, new))
            taken[s:e] = [True] * (e - s)
    if not cuts:
        return None
    cuts.sort()
    delta = sum(len(n) - (e - s) for s, e, n in cuts)
    if len(text) + delta > max_len:
        return None

    def span(s, e):
        """New offsets of a span: each boundary moves by the length change of the cuts before it."""
        return tuple(p + sum(len(n) - (ce - cs) for cs, ce, n in cuts if ce <= p) for p in (s, e))

    parts, last = [], 0
    for s, e, n in cuts:
        parts += [text[last:s], n]
        last = e
    parts.append(text[last:])
    events = [(t, span(*tr) if tr else None, [(r, *span(s, e)) for r, s, e in args]) for t, tr, args in unit["events"]]
    return {"doc": unit["doc"], "rec": unit["rec"], "offset": unit["offset"], "text": "".join(parts), "events": events,
            "replaced": [span(s, e) for s, e, _ in cuts]}


def augment_fewfc(fewfc_units, entity_units, schema: Schema, schema_path: str, copies: int, seed: int, max_len: int):
    """`copies` replaced copies per unit where one can be made: a list aligned with fewfc_units."""
    kinds = role_kinds(schema_path)
    pools = name_pools(fewfc_units, entity_units, kinds, schema)
    rng = random.Random(seed)
    out = []
    for u in fewfc_units:
        made = [c for c in (replace_mentions(u, kinds, pools, rng, max_len) for _ in range(copies)) if c]
        out.append(made)
    return out, {k: len(v) for k, v in pools.items()}
