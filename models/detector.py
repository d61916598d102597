"""A tiny anchor-free detector exported with the YOLOv8 output layout: images [1,3,S,S] -> output0 [1,4+nc,N].

Rows 0-3 of output0 are box centre x, centre y, width and height in input pixels; rows 4.. are class
probabilities (sigmoid), one column per grid cell (N = (S/8)^2), exactly what YOLOv8 exports carry.
"""
import numpy as np
import torch
from torch import nn

STRIDE, NUM_CLASSES = 8, 2


class TinyDetector(nn.Module):
    def __init__(self, size):
        super().__init__()
        def block(i, o, s):
            return nn.Sequential(nn.Conv2d(i, o, 3, s, 1), nn.BatchNorm2d(o), nn.ReLU())
        self.body = nn.Sequential(block(3, 16, 2), block(16, 32, 2), block(32, 48, 2), block(48, 48, 1), block(48, 48, 1))
        self.head = nn.Conv2d(48, 4 + NUM_CLASSES, 1)
        g = size // STRIDE
        gy, gx = torch.meshgrid(torch.arange(g), torch.arange(g), indexing="ij")
        self.register_buffer("gx", gx.float().reshape(1, 1, -1))
        self.register_buffer("gy", gy.float().reshape(1, 1, -1))

    def raw(self, x):
        out = self.head(self.body(x))
        return out.flatten(2)                       # [B, 4+nc, N]

    def decode(self, raw):
        cx = (self.gx + 0.5 + torch.tanh(raw[:, 0:1])) * STRIDE
        cy = (self.gy + 0.5 + torch.tanh(raw[:, 1:2])) * STRIDE
        w = torch.exp(raw[:, 2:3].clamp(-4, 4)) * 16
        h = torch.exp(raw[:, 3:4].clamp(-4, 4)) * 16
        return torch.cat([cx, cy, w, h, torch.sigmoid(raw[:, 4:])], 1)

    def forward(self, x):
        return self.decode(self.raw(x))


def targets(boxes_per_image, size):
    """Centre assignment: the cell holding a box centre predicts it (class 1, box); every other cell is background."""
    g = size // STRIDE
    cls = np.zeros((len(boxes_per_image), NUM_CLASSES, g * g), np.float32)
    box = np.zeros((len(boxes_per_image), 4, g * g), np.float32)
    pos = np.zeros((len(boxes_per_image), g * g), bool)
    for i, boxes in enumerate(boxes_per_image):
        for c, x1, y1, x2, y2 in boxes:
            cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
            k = min(int(cy // STRIDE), g - 1) * g + min(int(cx // STRIDE), g - 1)
            cls[i, c, k], pos[i, k] = 1, True
            box[i, :, k] = (cx, cy, x2 - x1, y2 - y1)
    return torch.from_numpy(cls), torch.from_numpy(box), torch.from_numpy(pos)


def loss(model, raw, cls_t, box_t, pos):
    bce = nn.functional.binary_cross_entropy_with_logits(raw[:, 4:], cls_t, reduction="none")
    weight = 1 + 9 * cls_t                          # positives are rare: 1 cell of 256 per object
    cls_loss = (bce * weight).sum() / max(1, pos.sum().item())
    dec = model.decode(raw)[:, :4]
    box_loss = ((dec - box_t).abs() / STRIDE).sum(1)[pos].mean() if pos.any() else raw.sum() * 0
    return cls_loss + box_loss


def nms_decode(out, score=0.5, iou=0.45):
    """Reference decoding for the held-out evaluation (same rule as the C# YoloDecoder): class-wise greedy NMS."""
    boxes, result = out[:4].T, []
    for c in range(out.shape[0] - 4):
        s = out[4 + c]
        keep = np.where(s >= score)[0]
        keep = keep[np.argsort(-s[keep], kind="stable")]
        b = np.stack([boxes[keep, 0] - boxes[keep, 2] / 2, boxes[keep, 1] - boxes[keep, 3] / 2,
                      boxes[keep, 0] + boxes[keep, 2] / 2, boxes[keep, 1] + boxes[keep, 3] / 2], 1)
        chosen = []
        for i in range(len(keep)):
            if all(box_iou(b[i], b[j]) <= iou for j in chosen):
                chosen.append(i)
        result += [(c, *b[i], s[keep[i]]) for i in chosen]
    return result


def box_iou(a, b):
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def match(pred, truth, iou=0.5):
    """Greedy matching by score at IoU >= iou, same class: (true positives, predictions, ground truths)."""
    used, tp = set(), 0
    for p in sorted(pred, key=lambda p: -p[5]):
        best, best_iou = None, iou
        for j, t in enumerate(truth):
            if j not in used and t[0] == p[0]:
                v = box_iou(p[1:5], t[1:5])
                if v >= best_iou:
                    best, best_iou = j, v
        if best is not None:
            used.add(best)
            tp += 1
    return tp, len(pred), len(truth)
