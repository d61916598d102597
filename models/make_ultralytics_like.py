"""Makes two exports of the project's traffic detector in the exact form of an Ultralytics 8.x YOLOv8 detect export.

    /usr/bin/python3 models/make_ultralytics_like.py      # Debian python3-torch, python3-onnx, python3-numpy

A site most often brings a COCO YOLOv8/YOLO11 detector exported by Ultralytics, and the Ultralytics package is not
reachable here. These files have what such an export has: input `images` float32 [1,3,640,640] (or [batch,3,height,
width] with `dynamic=True`), output `output0` float32 [1,84,N] (cx, cy, w, h in input pixels, then 80 sigmoid class
scores, no objectness), graph `torch_jit` model_version 0 from torch.onnx, opset 17, and the metadata_props keys,
order and value formats of Ultralytics' exporter (str() of each value: "32", "[640, 640]", "{0: 'person', ...}").
They also do real work: the graph is the detector in traffic-detector.onnx, rebuilt in torch from that file's
weights, its vehicle score on COCO class 2 ('car') and its pedestrian score on COCO class 0 ('person'), the other 78
scores 0. The detector was trained on 128x128 inputs (stride 8); the graph first averages 5x5 pixel blocks, so a
frame letterboxed to 640x640 reaches the detector at the scale it was trained on, and the graph's stride is 40.
"""
import datetime
import gzip
import hashlib
import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))
import detector  # noqa: E402
import scenes    # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "traffic-detector.onnx")
TRAINED_SIZE, IMGSZ, OPSET = 128, 640, 17
POOL = IMGSZ // TRAINED_SIZE                      # 5: 640 input pixels per 128 the detector saw in training
STRIDE = POOL * detector.STRIDE                   # 40 input pixels per output cell
CAR, PERSON = 2, 0                                # COCO indices the detector's vehicle and pedestrian land on
COCO = ["person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic light",
        "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep", "cow",
        "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee",
        "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard",
        "tennis racket", "bottle", "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple",
        "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair", "couch",
        "potted plant", "bed", "dining table", "toilet", "tv", "laptop", "mouse", "remote", "keyboard",
        "cell phone", "microwave", "oven", "toaster", "sink", "refrigerator", "book", "clock", "vase", "scissors",
        "teddy bear", "hair drier", "toothbrush"]
# Fixed, so that a rerun gives the same bytes (Ultralytics writes the export time here).
EXPORT_DATE = datetime.datetime(2026, 12, 6, 12, 0, 0).isoformat()


class Detector(nn.Module):
    """traffic-detector.onnx's layers (its BatchNorms are folded into the convolutions) with that file's weights."""

    def __init__(self, path):
        super().__init__()
        model = onnx.load(path)
        weights = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in model.graph.initializer}
        convs = [n for n in model.graph.node if n.op_type == "Conv"]
        layers = []
        for node in convs:
            attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
            w, b = weights[node.input[1]], weights[node.input[2]]
            conv = nn.Conv2d(w.shape[1], w.shape[0], tuple(attrs["kernel_shape"]), tuple(attrs["strides"]), tuple(attrs["pads"][:2]))
            conv.weight.data.copy_(w)
            conv.bias.data.copy_(b)
            layers.append(conv)
        relus = sum(n.op_type == "Relu" for n in model.graph.node)
        assert len(convs) == 6 and relus == 5, f"{path}: expected 5 conv+ReLU blocks and a 1x1 head, found {len(convs)} convs, {relus} ReLUs"
        self.body = nn.Sequential(*[m for conv in layers[:-1] for m in (conv, nn.ReLU())])
        self.head = layers[-1]

    def forward(self, x):
        """[B,6,h,w] raw head output: one cell per stride-8 square of x, whatever x's height and width."""
        return self.head(self.body(x))


class UltralyticsLike(nn.Module):
    def __init__(self, det, pool=POOL):
        super().__init__()
        self.det, self.pool = det, pool
        to_coco = torch.zeros(len(COCO), detector.NUM_CLASSES)
        to_coco[CAR, scenes.VEHICLE] = to_coco[PERSON, scenes.PEDESTRIAN] = 1
        self.register_buffer("to_coco", to_coco)

    def forward(self, images):
        raw = self.det(nn.functional.avg_pool2d(images, self.pool) if self.pool > 1 else images)
        # The grid comes from the feature map itself (cumulative sums of ones), not from constants of one size,
        # so that the same graph decodes any height and width: what a dynamic-axes export needs.
        ones = torch.ones_like(raw[:, :1])
        gx, gy = (ones.cumsum(3) - 1).flatten(2), (ones.cumsum(2) - 1).flatten(2)
        raw = raw.flatten(2)                               # [B, 6, N], N = h * w, row-major like the original
        # detector.TinyDetector.decode, in input pixels of the 640 image.
        stride = detector.STRIDE * self.pool
        cx = (gx + 0.5 + torch.tanh(raw[:, 0:1])) * stride
        cy = (gy + 0.5 + torch.tanh(raw[:, 1:2])) * stride
        w = torch.exp(raw[:, 2:3].clamp(-4, 4)) * (16 * self.pool)
        h = torch.exp(raw[:, 3:4].clamp(-4, 4)) * (16 * self.pool)
        scores = torch.matmul(self.to_coco, torch.sigmoid(raw[:, 4:4 + detector.NUM_CLASSES]))   # [B, 80, N]; 0 * p + 1 * p is exact
        return torch.cat([cx, cy, w, h, scores], 1)


def metadata():
    """Ultralytics' exporter metadata (keys in its order), each value written as str(value) as it does."""
    return {
        "description": "Ultralytics gzaiedge-traffic-coco model trained on GzAiEdge synthetic road frames",
        "author": "GzAiEdge (Ultralytics export layout; not an Ultralytics model)",
        "date": EXPORT_DATE,
        "version": "1.0.0",
        "license": "GzAiEdge demonstration model, made by models/make_ultralytics_like.py",
        "docs": "models/README.md",
        "stride": STRIDE,
        "task": "detect",
        "batch": 1,
        "imgsz": [IMGSZ, IMGSZ],
        "names": dict(enumerate(COCO)),
    }


def export(model, name, dynamic):
    path = os.path.join(HERE, f"{name}.onnx")
    axes = {"images": {0: "batch", 2: "height", 3: "width"}, "output0": {0: "batch", 2: "anchors"}} if dynamic else None
    torch.onnx.export(model, torch.zeros(1, 3, IMGSZ, IMGSZ), path, opset_version=OPSET, do_constant_folding=True,
                      input_names=["images"], output_names=["output0"], dynamic_axes=axes)
    m = onnx.load(path)
    rows = m.graph.output[0].type.tensor_type.shape.dim[1]
    if dynamic and not rows.HasField("dim_value"):
        # torch's shape inference loses the row count through the dynamic grid; an Ultralytics export declares
        # [batch, 84, anchors], and 4 + 80 is what the graph computes at every size.
        rows.Clear()
        rows.dim_value = 4 + len(COCO)
    for key, value in metadata().items():
        entry = m.metadata_props.add()
        entry.key, entry.value = key, str(value)
    onnx.checker.check_model(m)
    onnx.save(m, path)
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def replay_frames():
    folder = os.path.join(HERE, "replay", "traffic")
    with open(os.path.join(folder, "manifest.json")) as f:
        manifest = json.load(f)
    with gzip.open(os.path.join(folder, manifest["file"])) as f:
        delta = np.frombuffer(f.read(), np.uint8).reshape(manifest["count"], manifest["height"], manifest["width"], 3)
    frames = np.cumsum(delta, axis=0, dtype=np.uint8)   # undoes the byte-wise differences mod 256
    return frames, manifest["labels"]


def evaluate(model, size):
    """Precision and recall on the replay, as make_models.py measures the detector (truth classes mapped to COCO)."""
    frames, labels = replay_frames()
    coco = {scenes.VEHICLE: CAR, scenes.PEDESTRIAN: PERSON}
    tp = npred = ntruth = 0
    with torch.no_grad():
        for frame, truth in zip(frames, labels):
            lb, s, px, py = scenes.letterbox(frame, size)
            x = torch.from_numpy(np.ascontiguousarray(np.round(lb).transpose(2, 0, 1), np.float32)[None] / 255)
            out = model(x)[0].numpy()
            pred = [(c, (x1 - px) / s, (y1 - py) / s, (x2 - px) / s, (y2 - py) / s, sc)
                    for c, x1, y1, x2, y2, sc in detector.nms_decode(out)]
            a, b, c = detector.match(pred, [(coco[t[0]], *t[1:]) for t in truth])
            tp, npred, ntruth = tp + a, npred + b, ntruth + c
    return {"frames": len(frames), "precision": round(tp / max(npred, 1), 4), "recall": round(tp / max(ntruth, 1), 4), "objects": ntruth}


def make(metrics):
    det = Detector(SOURCE).eval()
    # The rebuilt layers at the detector's own input size must score exactly what make_models.py measured for
    # traffic-detector.onnx: that proves the weights were read into the right places.
    own, measured = evaluate(UltralyticsLike(det, pool=1).eval(), TRAINED_SIZE), metrics["traffic-detector"]["replay"]
    assert (own["precision"], own["recall"]) == (measured["precision"], measured["recall"]), f"rebuilt detector scores {own}, the file {measured}"
    model = UltralyticsLike(det).eval()
    replay = evaluate(model, IMGSZ)
    for name, dynamic in [("traffic-yolov8-coco", False), ("traffic-yolov8-coco-dynamic", True)]:
        metrics[name] = {"replay": replay, "sha256": export(model, name, dynamic)}
    return replay


def main():
    torch.set_num_threads(2)
    path = os.path.join(HERE, "metrics.json")
    with open(path) as f:
        metrics = json.load(f)
    print(json.dumps(make(metrics)))
    with open(path, "w") as f:
        json.dump(metrics, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
