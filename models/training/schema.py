"""schemas/events.json -> label orders used by the model (types, roles, entity types)."""
from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np


@dataclass
class Schema:
    event_types: list[str]  # FewFC Chinese names, model order
    event_keys: list[str]
    roles: list[str]  # roleOrder
    entity_types: list[str]
    valid_roles: list[list[str]]  # per event type
    trained_on: list[list[str]]  # per event type: the datasets that label it (fewfc, team-events)
    document_types: list[str]  # per event type: the document-level record type (企业收购 for 收购)
    document_roles: list[dict[str, str]]  # per event type: model role -> the document role it fills

    @staticmethod
    def load(path: str) -> "Schema":
        s = json.load(open(path, encoding="utf-8"))
        types = [t for t in s["eventTypes"] if t.get("trainedOn")]  # untrained types are not model labels
        return Schema(event_types=[t["name"] for t in types], event_keys=[t["key"] for t in types],
                      roles=list(s["roleOrder"]), entity_types=list(s["entityTypes"]),
                      valid_roles=[[r["name"] for r in t["roles"]] for t in types],
                      trained_on=[list(t["trainedOn"]) for t in types],
                      document_types=[t.get("documentType", t["name"]) for t in types],
                      document_roles=[{r["name"]: r["documentRole"] for r in t["roles"] if r.get("documentRole")}
                                      for t in types])

    @property
    def type_index(self):
        return {t: i for i, t in enumerate(self.event_types)}

    @property
    def role_index(self):
        return {r: i for i, r in enumerate(self.roles)}

    @property
    def entity_index(self):
        return {e: i for i, e in enumerate(self.entity_types)}

    def labelled_by(self, dataset: str) -> np.ndarray:
        """[T] 1 for the types `dataset` labels: its units say nothing about the others."""
        return np.array([dataset in d for d in self.trained_on], dtype=np.float32)

    def role_mask(self) -> np.ndarray:
        """[T, R] 1 where the role is valid for the type."""
        m = np.zeros((len(self.event_types), len(self.roles)), dtype=np.float32)
        for t, rs in enumerate(self.valid_roles):
            for r in rs:
                m[t, self.role_index[r]] = 1
        return m

    def entity_mask(self, types) -> np.ndarray:
        m = np.zeros(len(self.entity_types), dtype=np.float32)
        for t in types:
            m[self.entity_index[t]] = 1
        return m
