#!/usr/bin/env python3
"""Reproducible SYNTHETIC labelled news corpus for `dossier eval topics`.

No real labelled news dataset was obtainable offline (no network except package registries), so
this generates one: 5 sections x 400 articles, each word drawn from the article's section
vocabulary (Zipf), another section's vocabulary (cross-talk), or a large shared news vocabulary
(Zipf). Sections overlap on purpose (business/politics share economy words, tech/business share
company words, ...), and the share of topical words varies per article (3%-15%), so clustering
is not trivial. Deterministic: same seed, same bytes.

Usage: python3 scripts/gen_synthetic_news.py [OUT.jsonl] [--per-section N] [--seed S]
"""
import argparse
import json
import random

SECTIONS = {
    "business": """market shares profit bank economy growth investors company sales prices oil
        dollar interest rates inflation stock exchange firm deal merger revenue earnings quarter
        chief executive debt tax budget trade exports imports retail consumer demand spending
        shareholders takeover analysts forecast jobs unemployment industry manufacturing airline
        insurance pension fund bonds currency euro yen losses chairman board""",
    "politics": """government minister election party vote labour tory conservative liberal
        democrats parliament mp leader campaign prime policy tax budget reform law bill commons
        lords chancellor secretary opposition manifesto voters poll council immigration asylum
        police crime home office cabinet spokesman constituency blair howard brown kennedy
        referendum europe economy war iraq""",
    "sport": """match game team win player coach season league cup final goal champion title
        club injury striker football rugby tennis cricket olympic race victory defeat score
        half squad manager fans stadium tournament england wales ireland scotland france
        champions open seed set round athlete medal world record penalty""",
    "tech": """technology software computer users internet online mobile phone digital web
        broadband network microsoft apple google data security virus email search games console
        device firms service video music download chips processor research system program
        site websites spam hackers wireless gadget screen camera laptop""",
    "entertainment": """film music award star actor actress band album show singer director
        oscar movie festival box office chart hollywood comedy drama theatre television tv
        series role stage song rock pop prize nominated best novel book record hit dvd fans
        premiere concert tour cast studio""",
}

GENERAL = """people time year government world way day man thing woman life child number
    part place case week company system program question work point home water room mother area
    money story fact month lot right study book eye job word business issue side kind head house
    service friend father power hour game line end member law car city community name president
    team minute idea kid body information back parent face others level office door health
    person art war history party result change morning reason research girl guy moment air
    teacher force education foot boy age policy process music market sense nation plan college
    interest death experience effect use class control care field development role effort rate
    heart drug show leader light voice wife police mind price report decision son view
    relationship town road arm difference value building action model season society tax
    director position player record paper space ground form event official matter center couple
    site project activity star table need court american oil situation cost industry figure
    street image phone data picture practice piece land product doctor wall patient worker news
    test movie north love support technology step baby computer type attention film republican
    tree source organization hair look science window evidence population campaign""".split()


def zipf_weights(n, s=1.05):
    return [1.0 / (rank + 1) ** s for rank in range(n)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="target/synthetic_news.jsonl")
    parser.add_argument("--per-section", type=int, default=400)
    parser.add_argument("--seed", type=int, default=20241217)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    vocab = {name: words.split() for name, words in SECTIONS.items()}
    for words in vocab.values():
        rng.shuffle(words)
    section_weights = {name: zipf_weights(len(words)) for name, words in vocab.items()}
    general = GENERAL[:]
    rng.shuffle(general)
    general_weights = zipf_weights(len(general), 0.9)
    names = sorted(vocab)

    def draw(section, topical_share):
        roll = rng.random()
        if roll < topical_share:
            return rng.choices(vocab[section], section_weights[section])[0]
        if roll < topical_share + 0.08:
            other = rng.choice([n for n in names if n != section])
            return rng.choices(vocab[other], section_weights[other])[0]
        return rng.choices(general, general_weights)[0]

    rows = []
    for section in names:
        for _ in range(args.per_section):
            share = rng.uniform(0.03, 0.15)
            length = rng.randint(60, 300)
            title = " ".join(draw(section, share + 0.2) for _ in range(6)).capitalize()
            words = [draw(section, share) for _ in range(length)]
            sentences = [" ".join(words[i:i + 12]).capitalize() + "." for i in range(0, length, 12)]
            rows.append({"title": title, "text": " ".join(sentences), "label": section})
    rng.shuffle(rows)
    with open(args.out, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    print(f"wrote {len(rows)} articles to {args.out}")


if __name__ == "__main__":
    main()
