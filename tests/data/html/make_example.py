"""Make tests/data/html/daily-papers-sep-11.jsonl from the bundled example by transparent rules."""
import hashlib
import json
import re
import sys
from pathlib import Path

from kg.model import Paper, Entity, EntityType, Evidence, Field, ExtractedPaper
lines = open(Path(__file__).resolve().parents[3] / "examples" / "daily-papers-sep-11.txt", encoding="utf-8").read().split("\n")
start = lines.index("Sep 11") + 1
blocks = [l.strip() for l in lines[start:] if l.strip()]
assert len(blocks) % 2 == 0, len(blocks)
pairs = [(blocks[i], blocks[i+1]) for i in range(0, len(blocks), 2)]
print(len(pairs), file=sys.stderr)
DATASETS = ["CIFAR10", "CIFAR-10", "CIFAR-100", "ImageNet", "Imagenette", "MNIST", "BEIR", "MTEB", "LongEmbed", "COCO", "MS MARCO", "Kinetics-400", "Something-Something v2", "UCF101", "HMDB51", "SHD", "SSC", "GSC", "MOABB", "ShapeNet", "GLUE", "SQuAD", "WikiText-103", "LibriSpeech", "ADE20K", "Cityscapes", "KITTI"]
METRICS = ["accuracy", "recall", "latency", "F1", "BLEU", "FID", "perplexity", "mAP", "top-1 accuracy", "speedup", "throughput", "nDCG@10", "AUC", "PSNR", "SSIM", "R2"]
TASKS = ["image classification", "information retrieval", "speech recognition", "question answering", "semantic segmentation", "object detection", "motor imagery classification", "timing prediction", "language modeling", "retrieval", "video understanding", "image clustering", "self-supervised learning", "representation learning", "text embedding", "machine translation", "image generation", "reinforcement learning", "action recognition", "clustering"]
URL = re.compile(r"https?://[^\s)\]>,;]+[^\s)\]>,;.]")
ACR = re.compile(r"\b([A-Z][A-Za-z-]+(?: [A-Za-z-]+){0,6}) \(([A-Z][A-Za-z0-9-]{1,12})\)")
SENT = re.compile(r"[^.!?]+(?:[.!?]+|$)")
def sentence(text, start):
    for m in SENT.finditer(text):
        if m.start() <= start < m.end():
            return m.group().strip()
    return text
def ev(text, start, end):
    return Evidence(Field.ABSTRACT, start, end, sentence(text, start))
out = []
for title, abstract in pairs:
    pid = "daily-" + hashlib.sha1(title.encode()).hexdigest()[:8]
    ents = {}
    def add(t, name, e, proposed=False, kind=None, rule=""):
        key = (t, name.lower())
        if key not in ents:
            ents[key] = Entity(t, name, (), proposed, e, 0.9, rule, kind)
    if ":" in title:
        head = title.split(":")[0].strip()
        if 0 < len(head.split()) <= 3:
            add(EntityType.METHOD, head, Evidence(Field.TITLE, 0, len(head), title), True, rule="title-head")
    for m in ACR.finditer(abstract):
        add(EntityType.METHOD, m.group(2), ev(abstract, m.start(2), m.end(2)), "propose" in sentence(abstract, m.start()).lower(), rule="acronym")
    for m in URL.finditer(abstract):
        url = m.group()
        kind = "repository" if re.search(r"github\.com|gitlab\.com|huggingface\.co", url) else "project_page" if "github.io" in url else "other"
        add(EntityType.CODE, url, ev(abstract, m.start(), m.end()), kind=kind, rule="url")
    for t, names in ((EntityType.DATASET, DATASETS), (EntityType.METRIC, METRICS), (EntityType.TASK, TASKS)):
        for name in names:
            m = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", abstract, re.I if t is not EntityType.DATASET else 0)
            if m:
                add(t, name, ev(abstract, m.start(), m.end()), rule="lexicon")
    paper = Paper(id=pid, title=title, abstract=abstract, source="daily-papers")
    out.append(ExtractedPaper(paper, tuple(ents.values())).to_dict())
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    for r in out:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
