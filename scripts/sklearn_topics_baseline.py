#!/usr/bin/env python3
"""scikit-learn baseline for `dossier eval topics`: TF-IDF + KMeans on the same JSONL
(`title`, `text`, `label` per line), printing the same JSON fields.

Setup: pip install scikit-learn
Usage: python3 scripts/sklearn_topics_baseline.py target/synthetic_news.jsonl [--k 5] [--seeds 5]

The vectoriser mirrors Dossier's defaults (sublinear tf, English stop-words, min_df=2,
max_df=0.5). KMeans uses k-means++ with n_init=10; with --seeds S it reports the mean over S
random states, so one lucky seed does not decide the comparison.
"""
import argparse
import json
import statistics

from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("jsonl")
    parser.add_argument("--k", type=int, default=None, help="default: number of gold labels")
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()

    rows = [json.loads(line) for line in open(args.jsonl, encoding="utf-8") if line.strip()]
    texts = [f"{r['title']}\n{r['title']}\n{r['text']}" for r in rows]
    gold = [r["label"] for r in rows]
    k = args.k or len(set(gold))
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5).fit_transform(texts)
    nmis, aris = [], []
    for seed in range(args.seeds):
        pred = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(x)
        nmis.append(normalized_mutual_info_score(gold, pred))
        aris.append(adjusted_rand_score(gold, pred))
    print(json.dumps({
        "nmi": round(statistics.mean(nmis), 4),
        "nmi_min": round(min(nmis), 4),
        "nmi_max": round(max(nmis), 4),
        "ari": round(statistics.mean(aris), 4),
        "k": k,
        "articles": len(rows),
    }))


if __name__ == "__main__":
    main()
