"""Test vectors for the audit metrics, computed once with scikit-learn and committed beside the tests that use them.

    /usr/bin/python3 models/make_metric_vectors.py > tests/GzAiEdge.Audits.Tests/Metrics/metric-vectors.json

Needs Debian's python3-sklearn and python3-numpy. The inputs are seeded, so a rerun writes the same file.

- AUROC: sklearn.metrics.roc_auc_score.
- Accuracy and macro F1: sklearn.metrics.accuracy_score and f1_score(average="macro", labels=all classes, zero_division=0).
- Detection AP@0.5: the boxes are matched here (per image and class, detections by falling score, each to the unmatched
  labelled box of its class with the highest IoU >= 0.5); sklearn.metrics.precision_recall_curve then gives the curve
  over the matched flags. Its recall counts only the labelled boxes some detection found, so it is rescaled to all
  labelled boxes; and average_precision_score applies no precision envelope, so the envelope (the best precision at
  this recall or any higher one) is taken here, and AP is its integral over every recall step: PASCAL VOC 2010+
  all-point interpolation, not COCO's 101 sampled points.
"""
import json
import sys

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, precision_recall_curve, roc_auc_score


def iou(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def match(images, cls):
    """Per image: detections of class cls by falling score, each to the best unmatched truth at IoU >= 0.5."""
    flags, scores, truths = [], [], 0
    for image in images:
        gt = [t for t in image["truths"] if t[0] == cls]
        truths += len(gt)
        used = [False] * len(gt)
        dets = sorted([d for d in image["detections"] if d[0] == cls], key=lambda d: -d[1])
        for d in dets:
            best, best_iou = -1, 0.5
            for j, t in enumerate(gt):
                o = iou(d[2:], t[1:])
                if not used[j] and o >= best_iou:
                    best, best_iou = j, o
            if best >= 0:
                used[best] = True
            flags.append(best >= 0)
            scores.append(d[1])
    return np.array(flags, bool), np.array(scores, float), truths


def average_precision(flags, scores, truths):
    if truths == 0 or not flags.any():
        return 0.0
    precision, recall, _ = precision_recall_curve(flags, scores)
    recall = recall * flags.sum() / truths
    # sklearn orders the points by rising threshold; walk them from the highest threshold down.
    precision, recall = precision[::-1], recall[::-1]
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum(np.diff(recall) * envelope[1:]))


def detection_case(rng, images, classes, threshold):
    out = []
    for _ in range(images):
        truths, dets = [], []
        for _ in range(rng.integers(0, 6)):
            c = int(rng.integers(classes))
            x, y = rng.uniform(0, 140), rng.uniform(0, 100)
            w, h = rng.uniform(8, 30), rng.uniform(8, 30)
            truths.append([c, x, y, x + w, y + h])
            if rng.random() < 0.8:      # found, roughly in place (some too far off to reach IoU 0.5)
                j = rng.normal(0, 3, 4)
                dets.append([c, round(float(rng.uniform(0.05, 1)), 2), x + j[0], y + j[1], x + w + j[2], y + h + j[3]])
        for _ in range(rng.integers(0, 3)):  # false alarms, some doubles of a found box
            c = int(rng.integers(classes))
            x, y = rng.uniform(0, 140), rng.uniform(0, 100)
            dets.append([c, round(float(rng.uniform(0.05, 0.9)), 2), x, y, x + rng.uniform(8, 30), y + rng.uniform(8, 30)])
        out.append({"truths": [[t[0], *map(float, t[1:])] for t in truths], "detections": [[d[0], d[1], *map(float, d[2:])] for d in dets]})
    per_class, tp, predicted, total = [], 0, 0, 0
    for c in range(classes):
        flags, scores, truths = match(out, c)
        if truths > 0:
            per_class.append(average_precision(flags, scores, truths))
        kept = scores >= threshold
        tp, predicted, total = tp + int(flags[kept].sum()), predicted + int(kept.sum()), total + truths
    return {"classes": classes, "threshold": threshold, "images": out, "ap50": float(np.mean(per_class)),
            "precision": tp / predicted if predicted else 0.0, "recall": tp / total if total else 0.0}


def main():
    rng = np.random.default_rng(20240601)
    auroc = []
    for n, ties in [(40, False), (200, True), (15, True)]:
        labels = (rng.random(n) < 0.4).astype(int)
        labels[:2] = [0, 1]
        scores = rng.normal(labels * 1.2, 1)
        if ties:
            scores = np.round(scores, 1)
        auroc.append({"labels": labels.tolist(), "scores": scores.tolist(), "auroc": float(roc_auc_score(labels, scores))})
    classification = []
    for n, classes, never in [(60, 2, None), (300, 2, None), (90, 3, None), (50, 2, 1)]:
        truth = rng.integers(0, classes, n)
        pred = np.where(rng.random(n) < 0.75, truth, rng.integers(0, classes, n))
        if never is not None:
            pred[pred == never] = 0          # a classifier that never says class `never`
        labels = list(range(classes))
        classification.append({"classes": classes, "truth": truth.tolist(), "predicted": pred.tolist(),
                                "accuracy": float(accuracy_score(truth, pred)),
                                "macro_f1": float(f1_score(truth, pred, average="macro", labels=labels, zero_division=0))})
    detection = [detection_case(rng, 12, 2, 0.5), detection_case(rng, 40, 2, 0.3), detection_case(rng, 25, 3, 0.6)]
    json.dump({"made_by": "/usr/bin/python3 models/make_metric_vectors.py (scikit-learn " + __import__("sklearn").__version__ + ")",
               "auroc": auroc, "classification": classification, "detection": detection}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
