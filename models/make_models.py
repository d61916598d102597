"""Makes the GzAiEdge demo models: synthetic data, training, ONNX export, held-out accuracy, replay data.

Run from the repository root with Debian's Python (torch 1.13, onnx 1.12):  /usr/bin/python3 models/make_models.py
Everything is seeded: a rerun writes the same data and very nearly the same weights.
"""
import gzip
import hashlib
import json
import os
import sys
import time

import numpy as np
import onnx
import torch
from onnx import helper, TensorProto
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))
import cards     # noqa: E402
import detector  # noqa: E402
import load      # noqa: E402
import make_ultralytics_like  # noqa: E402
import scenes    # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DET_SIZE, OPSET = 128, 17
torch.manual_seed(7)
torch.set_num_threads(2)
METRICS = {}


def export(model, example, name, inputs, outputs, doc):
    path = os.path.join(HERE, f"{name}.onnx")
    model.eval()
    torch.onnx.export(model, example, path, input_names=inputs, output_names=outputs, opset_version=OPSET)
    m = onnx.load(path)
    m.doc_string, m.model_version, m.producer_name = doc, 1, "gzaiedge-models"
    m.graph.name = name
    onnx.checker.check_model(m)
    onnx.save(m, path)
    return path


def train(model, batches, epochs, lr, step):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=epochs * len(batches))
    model.train()
    for _ in range(epochs):
        for batch in batches:
            opt.zero_grad()
            loss = step(*batch)
            loss.backward()
            opt.step()
            sched.step()
    model.eval()


def batches_of(arrays, size, rng):
    order = rng.permutation(len(arrays[0]))
    return [tuple(a[order[i:i + size]] for a in arrays) for i in range(0, len(order), size)]


def to_chw(images):
    return torch.from_numpy(np.ascontiguousarray(images.transpose(0, 3, 1, 2), np.float32) / 255)


# ---------------------------------------------------------------- traffic detector
def make_detector(rng):
    def sample(n):
        imgs, boxes = np.empty((n, DET_SIZE, DET_SIZE, 3), np.uint8), []
        for i in range(n):
            frame, b = scenes.random_scene(rng)
            lb, s, px, py = scenes.letterbox(frame, DET_SIZE)
            imgs[i] = np.clip(np.round(lb), 0, 255)
            boxes.append([(c, x1 * s + px, y1 * s + py, x2 * s + px, y2 * s + py) for c, x1, y1, x2, y2 in b])
        return imgs, boxes

    train_x, train_b = sample(1200)
    test_x, test_b = sample(300)
    model = detector.TinyDetector(DET_SIZE)
    index = np.arange(len(train_x))

    def step(idx):
        x = to_chw(train_x[idx])
        if torch.rand(()) < 0.5:                 # brightness jitter beyond what the scenes have
            x = (x * torch.empty(x.shape[0], 1, 1, 1).uniform_(0.85, 1.15)).clamp(0, 1)
        cls_t, box_t, pos = detector.targets([train_b[i] for i in idx], DET_SIZE)
        return detector.loss(model, model.raw(x), cls_t, box_t, pos)

    train(model, batches_of([index], 32, rng), 12, 3e-3, step)
    with torch.no_grad():
        out = model(to_chw(test_x)).numpy()
    tp = npred = ntruth = 0
    for o, truth in zip(out, test_b):
        a, b, c = detector.match(detector.nms_decode(o), truth)
        tp, npred, ntruth = tp + a, npred + b, ntruth + c
    METRICS["traffic-detector"] = {"heldout_images": len(test_x), "precision": round(tp / max(npred, 1), 4),
                                   "recall": round(tp / max(ntruth, 1), 4), "objects": ntruth}
    export(model, torch.zeros(1, 3, DET_SIZE, DET_SIZE), "traffic-detector", ["images"], ["output0"],
           "Vehicle/pedestrian detector on 128x128 letterboxed RGB road frames; YOLOv8 output layout.")
    return model


def replay_traffic(model, rng):
    folder = os.path.join(HERE, "replay", "traffic")
    os.makedirs(folder, exist_ok=True)
    seq = scenes.TrafficSequence(rng)
    frames, labels, ids_y = [], [], []
    for _ in range(16):                        # let traffic fill the road before recording
        next(seq.frames(1))
    for frame, boxes in seq.frames(120):
        frames.append(frame)
        labels.append([[c, x1, y1, x2, y2] for c, x1, y1, x2, y2, _, _ in boxes])
        ids_y.append({i: (c, y) for c, _, _, _, _, i, y in boxes})
    line = 60.0
    crossings = [0, 0]
    for prev, cur in zip(ids_y, ids_y[1:]):
        for i, (c, y) in cur.items():
            if i in prev and (prev[i][1] < line) != (y < line):
                crossings[c] += 1
    # Frames as byte-wise differences to the previous frame (mod 256), then gzip: the road is static, so this
    # keeps 120 frames in a few hundred kilobytes. The C# replay source undoes it.
    stack = np.stack(frames)
    delta = np.concatenate([stack[:1], (stack[1:].astype(np.int16) - stack[:-1]) % 256]).astype(np.uint8)
    with gzip_writer(os.path.join(folder, "frames.rgb.gz")) as f:
        f.write(delta.tobytes())
    tp = npred = ntruth = 0
    with torch.no_grad():
        for frame, truth in zip(frames, labels):
            lb, s, px, py = scenes.letterbox(frame, DET_SIZE)
            out = model(to_chw(np.round(lb)[None]))[0].numpy()
            pred = [(c, (x1 - px) / s, (y1 - py) / s, (x2 - px) / s, (y2 - py) / s, sc)
                    for c, x1, y1, x2, y2, sc in detector.nms_decode(out)]
            a, b, c = detector.match(pred, truth)
            tp, npred, ntruth = tp + a, npred + b, ntruth + c
    manifest = {"kind": "frames", "encoding": "rgb24-delta-gzip", "file": "frames.rgb.gz", "width": scenes.FRAME_W,
                "height": scenes.FRAME_H, "framesPerSecond": 5, "count": len(frames), "classes": ["vehicle", "pedestrian"],
                "countingLineY": line, "crossings": {"vehicle": crossings[0], "pedestrian": crossings[1]}, "labels": labels}
    write_json(os.path.join(folder, "manifest.json"), manifest)
    METRICS["traffic-detector"]["replay"] = {"frames": len(frames), "precision": round(tp / max(npred, 1), 4),
                                             "recall": round(tp / max(ntruth, 1), 4), "objects": ntruth,
                                             "vehicle_crossings": crossings[0], "pedestrian_crossings": crossings[1]}


# ---------------------------------------------------------------- visual inspection
class Inspector(nn.Module):
    def __init__(self):
        super().__init__()
        def block(i, o, s):
            return nn.Sequential(nn.Conv2d(i, o, 3, s, 1), nn.BatchNorm2d(o), nn.ReLU())
        # Stride 2 from the start keeps training cheap; 3x3 kernels still see a 2 px pit at full resolution.
        self.body = nn.Sequential(block(3, 16, 2), block(16, 24, 2), block(24, 32, 1), nn.MaxPool2d(2), block(32, 32, 1))
        self.fc = nn.Linear(32, 2)

    def forward(self, x):
        return self.fc(torch.amax(self.body(x), dim=(2, 3)))


def make_inspector(rng):
    def sample(n):
        y = rng.integers(0, 2, n)
        return np.stack([scenes.product(rng, bool(v)) for v in y]), y

    tx, ty = sample(1600)
    vx, vy = sample(400)
    model = Inspector()
    ce = nn.CrossEntropyLoss()
    train(model, batches_of([tx, ty], 32, rng), 8, 4e-3, lambda x, y: ce(model(to_chw(x)), torch.from_numpy(y)))
    with torch.no_grad():
        pred = model(to_chw(vx)).argmax(1).numpy()
    METRICS["inspection-classifier"] = {"heldout_images": len(vx), **classification(pred, vy)}
    export(model, torch.zeros(1, 3, 64, 64), "inspection-classifier", ["images"], ["logits"],
           "Defect / no-defect classifier for 64x64 RGB product images; logits [ok, defect].")

    folder = os.path.join(HERE, "replay", "inspection")
    os.makedirs(folder, exist_ok=True)
    ry = (rng.random(80) < 0.25).astype(int)
    images = np.stack([scenes.product(rng, bool(v)) for v in ry])
    with gzip_writer(os.path.join(folder, "images.rgb.gz")) as f:
        f.write(images.tobytes())
    with torch.no_grad():
        rpred = model(to_chw(images)).argmax(1).numpy()
    write_json(os.path.join(folder, "manifest.json"), {
        "kind": "images", "encoding": "rgb24-gzip", "file": "images.rgb.gz", "width": 64, "height": 64,
        "framesPerSecond": 2, "count": len(images), "classes": ["ok", "defect"], "labels": ry.tolist()})
    METRICS["inspection-classifier"]["replay"] = {"images": len(images), **classification(rpred, ry)}


def classification(pred, truth):
    tp = int(((pred == 1) & (truth == 1)).sum())
    fp = int(((pred == 1) & (truth == 0)).sum())
    fn = int(((pred == 0) & (truth == 1)).sum())
    f1 = 2 * tp / max(2 * tp + fp + fn, 1)
    return {"accuracy": round(float((pred == truth).mean()), 4), "f1": round(f1, 4), "positives": int(truth.sum())}


# ---------------------------------------------------------------- vibration autoencoder
class AutoEncoder(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n, 64), nn.Tanh(), nn.Linear(64, 12), nn.Tanh(), nn.Linear(12, 64), nn.Tanh(),
                                 nn.Linear(64, n))

    def forward(self, x):
        return self.net(x)


def windows(signal):
    n, hop = scenes.VIB_WINDOW, scenes.VIB_HOP
    return np.stack([signal[i:i + n] for i in range(0, len(signal) - n + 1, hop)])


def make_autoencoder(rng):
    normal = np.concatenate([windows(scenes.vibration(rng, 20)) for _ in range(16)])
    model = AutoEncoder(scenes.VIB_WINDOW)
    train(model, batches_of([normal], 64, rng), 30, 3e-3, lambda x: ((model(torch.from_numpy(x)) - torch.from_numpy(x)) ** 2).mean())

    def error(x):
        with torch.no_grad():
            return ((model(torch.from_numpy(x)) - torch.from_numpy(x)) ** 2).mean(1).numpy()

    held_normal = np.concatenate([windows(scenes.vibration(rng, 20)) for _ in range(4)])
    held_fault = np.concatenate([windows(scenes.vibration(rng, 20, [(0, 20)])) for _ in range(4)])
    threshold = float(np.quantile(error(held_normal), 0.999) * 1.5)
    en, ef = error(held_normal), error(held_fault)
    METRICS["vibration-autoencoder"] = {"threshold": round(threshold, 6), "heldout_normal_windows": len(en),
                                        "heldout_fault_windows": len(ef), "false_positive_rate": round(float((en > threshold).mean()), 4),
                                        "detection_rate": round(float((ef > threshold).mean()), 4),
                                        "error_normal_mean": round(float(en.mean()), 6), "error_fault_mean": round(float(ef.mean()), 6)}
    export(model, torch.zeros(1, scenes.VIB_WINDOW), "vibration-autoencoder", ["window"], ["reconstruction"],
           "Autoencoder over 128-sample accelerometer windows (512 Hz, g); anomaly = mean squared error over threshold.")

    folder = os.path.join(HERE, "replay", "vibration")
    os.makedirs(folder, exist_ok=True)
    faults = [(12.0, 16.0), (28.0, 33.0)]
    signal = scenes.vibration(rng, 40, faults)
    with gzip_writer(os.path.join(folder, "signal.f32.gz")) as f:
        f.write(signal.astype("<f4").tobytes())
    write_json(os.path.join(folder, "manifest.json"), {
        "kind": "signal", "encoding": "f32le-gzip", "file": "signal.f32.gz", "sampleHz": scenes.VIB_HZ, "channels": ["acceleration_g"],
        "count": len(signal), "events": [{"start": a, "end": b, "kind": "bearing-fault"} for a, b in faults]})
    flagged = error(windows(signal)) > threshold
    ends = (np.arange(len(flagged)) * scenes.VIB_HOP + scenes.VIB_WINDOW) / scenes.VIB_HZ
    delays = [float(ends[(ends > a) & flagged][0] - a) for a, _ in faults]
    METRICS["vibration-autoencoder"]["replay"] = {"windows": len(flagged), "flagged": int(flagged.sum()),
                                                  "detection_delay_s": [round(d, 4) for d in delays]}


# ---------------------------------------------------------------- vital signs classifier
class VitalsNet(nn.Module):
    """Takes raw heart rate (bpm) and SpO2 (%); the normalisation is part of the graph."""

    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor([[75.0], [96.0]]))
        self.register_buffer("scale", torch.tensor([[20.0], [4.0]]))
        self.conv = nn.Sequential(nn.Conv1d(2, 16, 5, padding=2), nn.ReLU(), nn.Conv1d(16, 16, 5, padding=2), nn.ReLU())
        self.fc = nn.Linear(32, 2)

    def forward(self, x):
        h = self.conv((x - self.mean) / self.scale)
        return self.fc(torch.cat([h.mean(2), h.amax(2)], 1))


def vitals_windows(signal, in_episode):
    n, hop = scenes.VIT_WINDOW, scenes.VIT_HOP
    starts = range(0, signal.shape[1] - n + 1, hop)
    return (np.stack([signal[:, i:i + n] for i in starts]),
            np.array([scenes.window_label(in_episode[i:i + n]) for i in starts]))


def episode_mask(seconds, episodes):
    t = np.arange(int(seconds))
    return np.any([(t >= a) & (t < b) for a, b, _ in episodes], axis=0) if episodes else np.zeros(len(t), bool)


def vitals_set(rng, patients, seconds):
    xs, ys = [], []
    for _ in range(patients):
        ep = scenes.random_episodes(rng, seconds, 3)
        x, y = vitals_windows(scenes.vitals(rng, seconds, ep), episode_mask(seconds, ep))
        xs.append(x)
        ys.append(y)
    return np.concatenate(xs), np.concatenate(ys)


def make_vitals(rng):
    tx, ty = vitals_set(rng, 60, 900)
    vx, vy = vitals_set(rng, 15, 900)
    model = VitalsNet()
    ce = nn.CrossEntropyLoss()
    train(model, batches_of([tx, ty], 64, rng), 12, 4e-3, lambda x, y: ce(model(torch.from_numpy(x)), torch.from_numpy(y)))
    with torch.no_grad():
        pred = model(torch.from_numpy(vx)).argmax(1).numpy()
    METRICS["vitals-classifier"] = {"heldout_windows": len(vx), **classification(pred, vy)}
    export(model, torch.zeros(1, 2, scenes.VIT_WINDOW), "vitals-classifier", ["vitals"], ["logits"],
           "Normal / abnormal classifier over 30 s of 1 Hz vital signs [heart rate bpm, SpO2 %]; logits [normal, abnormal].")

    folder = os.path.join(HERE, "replay", "vitals")
    os.makedirs(folder, exist_ok=True)
    seconds = 900
    episodes = scenes.random_episodes(rng, seconds, 4)
    signal = scenes.vitals(rng, seconds, episodes)
    with gzip_writer(os.path.join(folder, "signal.f32.gz")) as f:
        f.write(np.ascontiguousarray(signal.T).astype("<f4").tobytes())   # interleaved: hr, spo2, hr, spo2, ...
    write_json(os.path.join(folder, "manifest.json"), {
        "kind": "signal", "encoding": "f32le-gzip", "file": "signal.f32.gz", "sampleHz": 1, "channels": ["heart_rate", "spo2"],
        "count": seconds, "events": [{"start": round(a, 3), "end": round(b, 3), "kind": k} for a, b, k in episodes]})
    rx, ry = vitals_windows(signal, episode_mask(seconds, episodes))
    with torch.no_grad():
        rpred = model(torch.from_numpy(rx)).argmax(1).numpy()
    METRICS["vitals-classifier"]["replay"] = {"windows": len(rx), **classification(rpred, ry)}


# ---------------------------------------------------------------- a tiny model for call-overhead benchmarks
def make_tiny():
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 16])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 16])
    one = helper.make_tensor("one", TensorProto.FLOAT, [1, 16], [1.0] * 16)
    graph = helper.make_graph([helper.make_node("Add", ["x", "one"], ["y"])], "tiny-add", [x], [y], [one])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="gzaiedge-models")
    m.ir_version = 8
    onnx.checker.check_model(m)
    onnx.save(m, os.path.join(HERE, "tiny-add.onnx"))
    # The same with dynamic dimensions and an int64 side input, for the binding's dynamic-output and dtype tests.
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", "n"])
    k = helper.make_tensor_value_info("k", TensorProto.INT64, [1])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", "n"])
    nodes = [helper.make_node("Cast", ["k"], ["kf"], to=TensorProto.FLOAT), helper.make_node("Mul", ["x", "kf"], ["y"])]
    m = helper.make_model(helper.make_graph(nodes, "tiny-scale", [x, k], [y]), opset_imports=[helper.make_opsetid("", OPSET)],
                          producer_name="gzaiedge-models")
    m.ir_version = 8
    onnx.checker.check_model(m)
    onnx.save(m, os.path.join(HERE, "tiny-scale.onnx"))


def gzip_writer(path):
    # mtime=0: the same data gives the same bytes, so a rerun does not show as a change.
    return gzip.GzipFile(path, "wb", mtime=0)


def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=1)
        f.write("\n")


def main():
    started = time.time()
    only = set(sys.argv[1:])
    path = os.path.join(HERE, "metrics.json")
    if only and os.path.exists(path):       # a partial run keeps the figures of the models it does not make
        with open(path) as f:
            METRICS.update(json.load(f))
    for name, make in [("detector", lambda: replay_traffic(make_detector(np.random.default_rng(1)), np.random.default_rng(11))),
                       # After the detector: these exports wrap its weights.
                       ("ultralytics", lambda: make_ultralytics_like.make(METRICS)),
                       ("inspection", lambda: make_inspector(np.random.default_rng(2))),
                       ("vibration", lambda: make_autoencoder(np.random.default_rng(3))),
                       ("vitals", lambda: make_vitals(np.random.default_rng(4))),
                       ("load", lambda: load.make(np.random.default_rng(5), HERE, train, export, METRICS)),
                       ("tiny", make_tiny)]:
        if only and name not in only:
            continue
        t = time.time()
        make()
        print(f"{name}: {time.time() - t:.1f} s", flush=True)
    for f in sorted(os.listdir(HERE)):
        if f.endswith(".onnx"):
            with open(os.path.join(HERE, f), "rb") as fh:
                METRICS.setdefault(f[:-5], {})["sha256"] = hashlib.sha256(fh.read()).hexdigest()
    write_json(path, METRICS)
    cards.write_cards(METRICS)
    print(json.dumps(METRICS, indent=1))
    print(f"total {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()
