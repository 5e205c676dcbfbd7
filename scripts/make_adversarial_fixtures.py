#!/usr/bin/env python3
"""Writes the generated part of tests/fixtures/adversarial/ (the big and binary files).

The hand-written fixtures sit beside them; this script makes the ones too large or too binary to
write by hand, deterministically, so re-running it changes nothing.
"""
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "adversarial"
rng = random.Random(20261123)

# A 1 MB single line: a title line, then one enormous paragraph with no newline.
words = ["cyber", "treaty", "Islamabad", "<b>bold</b>", "zero\u200bwidth", "naïve", "🙂", "الأمن", "security"]
line = " ".join(rng.choice(words) for _ in range(140_000)).encode("utf-8")[:1_000_000].decode("utf-8", "ignore")
(HERE / "huge-line.txt").write_text("A one-megabyte single line\n\n" + line, encoding="utf-8")

# 10,000 articles in one JSONL file, a few with payloads.
with open(HERE / "ten-thousand.jsonl", "w", encoding="utf-8") as out:
    topics = ["cyber security", "water treaty", "finance ministry", "militant violence", "UN debate"]
    for i in range(10_000):
        topic = topics[i % len(topics)]
        title = f"Bulk article {i}: {topic}"
        if i % 1000 == 7:
            title = f"<script>window.__pwned = {i}</script> bulk {i}"
        text = f"Article {i} about {topic}. " + " ".join(rng.choice(words) for _ in range(12))
        out.write(json.dumps({"id": f"bulk-{i}", "title": title, "text": text, "date": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 9}"}) + "\n")

# Invalid UTF-8 (Windows-1252 bytes), a binary file, an empty file.
(HERE / "latin1.txt").write_bytes("Caf\xe9 society and the \x93smart\x94 quotes of 1252\n\nA na\xefve body paragraph about the caf\xe9.".encode("latin-1"))
(HERE / "binary.bin").write_bytes(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(rng.randrange(256) for _ in range(4096)))
(HERE / "empty.txt").write_bytes(b"")
# CRLF line endings and a UTF-8 byte-order mark.
(HERE / "crlf-bom.txt").write_bytes("\ufeffWindows line endings and a BOM\r\n\r\nISLAMABAD: The body uses CRLF.\r\nA second paragraph.\r\n".encode("utf-8"))
