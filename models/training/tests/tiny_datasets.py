"""Small generated datasets in the shapes prepare.py reads, so the tiny recipe runs without ../shared.

  .venv/bin/python -m models.training.tests.tiny_datasets OUT_DIR

Writes OUT_DIR/{fewfc/{train,dev}.json, cluener2020/train.json, finner-bbt/{train,eval}_list.json,
corpus/fin_corpus_00.jsonl}. The sentences are made from templates with a fixed seed: they exercise the
recipe end to end, not the model's quality.
"""
from __future__ import annotations

import json
import os
import random
import sys

COMPANIES = ["华夏科技股份有限公司", "东方电气股份有限公司", "金桥信息技术有限公司", "长江实业集团有限公司",
             "远景能源有限公司", "南山铝业股份有限公司", "新城控股集团股份有限公司", "星河电子有限公司"]
BANKS = ["中信证券股份有限公司", "招商银行股份有限公司深圳分行", "上海浦东发展银行股份有限公司", "国泰君安证券股份有限公司"]
PEOPLE = ["张伟", "李娜", "王强", "刘洋", "陈静", "赵磊", "周敏", "孙涛"]
COURTS = ["北京市第一中级人民法院", "上海市高级人民法院", "深圳市中级人民法院"]
TITLES = ["董事长", "总经理", "董事", "财务总监"]

# A template is a list of parts: text, ("@trigger", word) or (role, pool).
TEMPLATES = {
    "质押": [[("date", "date"), "，", ("sub-org", "company"), "将其持有的", ("number", "shares"), "股",
              ("@trigger", "质押"), "给", ("obj-org", "bank"), "，占公司总股本的", ("proportion", "percent"), "。"],
             [("sub-per", "person"), "于", ("date", "date"), ("@trigger", "质押"), "所持", ("number", "shares"),
              "股股份，质权人为", ("obj-org", "bank"), "。"]],
    "股份股权转让": [[("sub-org", "company"), "拟将所持", ("target-company", "company"), ("proportion", "percent"),
                    "的股权", ("@trigger", "转让"), "给", ("obj-per", "person"), "，转让价款", ("money", "money"), "。"]],
    "投资": [[("sub", "company"), "于", ("date", "date"), ("@trigger", "投资"), ("money", "money"), "设立",
              ("obj", "company"), "。"]],
    "减持": [[("title", "title"), ("sub", "person"), "于", ("date", "date"), ("@trigger", "减持"), "公司股份",
              ("share-per", "percent"), "。"]],
    "起诉": [[("sub-org", "company"), "于", ("date", "date"), "向法院", ("@trigger", "起诉"), ("obj-org", "company"),
              "，要求其偿还货款。"]],
    "收购": [[("sub-org", "company"), "以", ("money", "money"), ("@trigger", "收购"), ("obj-org", "company"),
              ("proportion", "percent"), "的股权。"]],
    "判决": [[("institution", "court"), "于", ("date", "date"), ("@trigger", "判决"), ("obj-org", "company"),
              "向", ("sub-org", "company"), "支付", ("money", "money"), "。"]],
    "签署合同": [[("sub-org", "company"), "与", ("obj-org", "company"), "于", ("date", "date"), ("@trigger", "签署"),
                "采购合同，合同金额", ("amount", "money"), "。"]],
    "担保": [[("sub-org", "company"), "为", ("obj-org", "company"), "提供", ("amount", "money"), "的",
              ("way", "way"), ("@trigger", "担保"), "。"]],
    "中标": [[("sub", "company"), "于", ("date", "date"), ("@trigger", "中标"), ("obj", "company"), "的项目，中标金额",
              ("amount", "money"), "。"]],
}


def value(pool: str, rng: random.Random) -> str:
    if pool == "company":
        return rng.choice(COMPANIES)
    if pool == "bank":
        return rng.choice(BANKS)
    if pool == "person":
        return rng.choice(PEOPLE)
    if pool == "court":
        return rng.choice(COURTS)
    if pool == "title":
        return rng.choice(TITLES)
    if pool == "way":
        return rng.choice(["连带责任", "抵押"])
    if pool == "date":
        return f"20{rng.randint(15, 23)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    if pool == "shares":
        return f"{rng.randint(100, 9000)}万"
    if pool == "percent":
        return f"{rng.randint(1, 30)}.{rng.randint(10, 99)}%"
    if pool == "money":
        return f"{rng.randint(1, 900)}万元"
    raise ValueError(pool)


def fewfc_record(i: int, rng: random.Random) -> dict:
    event_type = rng.choice(sorted(TEMPLATES))
    text, trigger, args = "", None, {}
    for part in rng.choice(TEMPLATES[event_type]):
        if isinstance(part, str):
            text += part
            continue
        role, pool = part
        word = pool if role == "@trigger" else value(pool, rng)
        span = [len(text), len(text) + len(word)]
        text += word
        if role == "@trigger":
            trigger = {"span": span, "word": word}
        else:
            args.setdefault(role, []).append({"span": span, "word": word})
    return {"id": f"tiny-{i}", "content": text, "events": [{"type": event_type, "trigger": trigger, "args": args}]}


def entity_sentence(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    company, person, bank = rng.choice(COMPANIES), rng.choice(PEOPLE), rng.choice(BANKS)
    text = f"{company}{rng.choice(TITLES)}{person}表示，公司与{bank}的合作进展顺利。"
    return text, [(company, "company"), (person, "person"), (bank, "company")]


def write_jsonl(path: str, rows: list) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_json(path: str, value_: object) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value_, f, ensure_ascii=False)


def main(out: str, seed: int = 7) -> None:
    rng = random.Random(seed)
    write_jsonl(os.path.join(out, "fewfc", "train.json"), [fewfc_record(i, rng) for i in range(120)])
    write_jsonl(os.path.join(out, "fewfc", "dev.json"), [fewfc_record(1000 + i, rng) for i in range(30)])

    cluener, finner = [], []
    finner_type = {"company": "公司", "person": "人物"}
    cluener_type = {"company": "company", "person": "name"}
    for _ in range(100):
        text, names = entity_sentence(rng)
        label: dict = {}
        for name, kind in names:
            start = text.index(name)
            label.setdefault(cluener_type[kind], {})[name] = [[start, start + len(name) - 1]]  # inclusive end
        cluener.append({"text": text, "label": label})
        finner.append({"text": text, "labels": sorted({f"{name}:{finner_type[kind]}" for name, kind in names})})
    write_jsonl(os.path.join(out, "cluener2020", "train.json"), cluener)
    write_json(os.path.join(out, "finner-bbt", "train_list.json"), finner[:80])
    write_json(os.path.join(out, "finner-bbt", "eval_list.json"), finner[80:])

    corpus = [{"text": "".join(fewfc_record(2000 + i, rng)["content"] for _ in range(4))} for i in range(60)]
    write_jsonl(os.path.join(out, "corpus", "fin_corpus_00.jsonl"), corpus)


if __name__ == "__main__":
    main(sys.argv[1])
