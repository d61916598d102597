"""Makes the sealed audit test sets, one per pipeline, in the import format of docs/testsets.md.

Run from the repository root with Debian's Python (numpy only):
    /usr/bin/python3 models/make_testsets.py                          # all four into models/testsets/
    /usr/bin/python3 models/make_testsets.py traffic --count 500 --out DIR --version bench   # a larger traffic set

The scenes are those the models were trained on (scenes.py), drawn with seeds of their own (101-104): training used
1-4 and the replay data 11 and the training streams, so no test item is a training or replay item. Everything is
seeded, so a rerun writes the same files. `gz testset import FOLDER` reads them.
"""
import argparse
import csv
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import scenes  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
VERSION = "2026.1"
SEEDS = {"traffic": 101, "inspection": 102, "vibration": 103, "vitals": 104}


def write_ppm(path, img):
    h, w = img.shape[:2]
    with open(path, "wb") as f:
        f.write(b"P6\n%d %d\n255\n" % (w, h))
        f.write(np.ascontiguousarray(img, np.uint8).tobytes())


def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=1)
        f.write("\n")


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def manifest(folder, name, version, pipeline, description, seed, **files):
    write_json(os.path.join(folder, "manifest.json"), {
        "format": "gz-testset/1", "name": name, "version": version, "pipeline": pipeline, "description": description,
        "source": f"models/make_testsets.py, seed {seed}", **files})


def traffic(folder, count, version, seed):
    """Road frames with vehicles and pedestrians at random places (the detector's training scenes); COCO boxes."""
    rng = np.random.default_rng(seed)
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    images, annotations = [], []
    for i in range(1, count + 1):
        img, boxes = scenes.random_scene(rng)
        name = f"images/{i:06d}.ppm"
        write_ppm(os.path.join(folder, name), img)
        images.append({"id": i, "file_name": name, "width": scenes.FRAME_W, "height": scenes.FRAME_H})
        for c, x1, y1, x2, y2 in boxes:
            annotations.append({"id": len(annotations) + 1, "image_id": i, "category_id": c + 1,
                                "bbox": [x1, y1, x2 - x1, y2 - y1], "area": (x2 - x1) * (y2 - y1), "iscrowd": 0})
    write_json(os.path.join(folder, "annotations.json"), {
        "images": images, "annotations": annotations,
        "categories": [{"id": 1, "name": "vehicle"}, {"id": 2, "name": "pedestrian"}]})
    manifest(folder, "gz-traffic", version, "traffic-detection",
             f"{count} road frames 160x120 with every vehicle and pedestrian boxed (COCO JSON)", seed, annotations="annotations.json")


def inspection(folder, count, version, seed):
    """Washers on the belt, about 40 % with a scratch, pit or chipped rim."""
    rng = np.random.default_rng(seed)
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    rows = []
    for i in range(1, count + 1):
        defective = bool(rng.random() < 0.4)
        name = f"images/{i:06d}.ppm"
        write_ppm(os.path.join(folder, name), scenes.product(rng, defective))
        rows.append((f"p{i:06d}", name, "defect" if defective else "ok"))
    write_csv(os.path.join(folder, "labels.csv"), ["id", "file", "label"], rows)
    manifest(folder, "gz-inspection", version, "visual-inspection", f"{count} product images 64x64 labelled ok or defect",
             seed, classes=["ok", "defect"], labels="labels.csv")


def vibration(folder, count, version, seed):
    """Half normal windows, half with bearing-fault impacts, each from a motor of its own (2 s recordings)."""
    rng = np.random.default_rng(seed)
    n, hop, per = scenes.VIB_WINDOW, scenes.VIB_HOP, 10
    windows, rows = [], []
    while len(windows) < count:
        fault = (len(windows) // per) % 2 == 1
        signal = scenes.vibration(rng, 2, [(0, 2)] if fault else ())
        starts = rng.choice(np.arange(0, len(signal) - n + 1, hop), per, replace=False)
        for s in sorted(starts)[:count - len(windows)]:
            rows.append((f"w{len(windows) + 1:05d}", len(windows), "anomaly" if fault else "normal"))
            windows.append(signal[s:s + n])
    np.save(os.path.join(folder, "windows.npy"), np.stack(windows).astype("<f4"))
    write_csv(os.path.join(folder, "labels.csv"), ["id", "row", "label"], rows)
    manifest(folder, "gz-vibration", version, "vibration-anomaly",
             f"{count} accelerometer windows of {n} samples at {scenes.VIB_HZ} Hz, normal or with bearing-fault impacts", seed,
             windows="windows.npy", labels="labels.csv")


def vitals(folder, count, version, seed):
    """Patients of 300 s each at 1 Hz; three in four have one desaturation, tachycardia or bradycardia episode."""
    rng = np.random.default_rng(seed)
    os.makedirs(os.path.join(folder, "series"), exist_ok=True)
    seconds, series, episodes = 300, [], []
    for i in range(1, count + 1):
        ep = scenes.random_episodes(rng, seconds, 1) if rng.random() < 0.75 else []
        signal = scenes.vitals(rng, seconds, ep)
        name = f"series/s{i:04d}.npy"
        np.save(os.path.join(folder, name), np.ascontiguousarray(signal.T).astype("<f4"))   # [T, 2]: hr, spo2
        series.append((f"s{i:04d}", name, 1))
        episodes += [(f"s{i:04d}", round(a, 3), round(b, 3), k) for a, b, k in ep]
    write_csv(os.path.join(folder, "series.csv"), ["id", "file", "sample_hz"], series)
    write_csv(os.path.join(folder, "episodes.csv"), ["series", "start_s", "end_s", "kind"], episodes)
    manifest(folder, "gz-vitals", version, "vitals-classification",
             f"{count} patients, {seconds} s of heart rate and SpO2 at 1 Hz, episodes labelled", seed,
             channels=["heart_rate", "spo2"], series="series.csv", episodes="episodes.csv",
             minEpisodeSamples=scenes.VIT_MIN_EPISODE_SAMPLES)


SETS = {"traffic": (traffic, 100), "inspection": (inspection, 200), "vibration": (vibration, 400), "vitals": (vitals, 40)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", help=f"which sets of {', '.join(SETS)} (default all)")
    parser.add_argument("--count", type=int, help="items of each set made (default: 100, 200, 400, 40)")
    parser.add_argument("--out", help="folder for a single set (default models/testsets/<set>)")
    parser.add_argument("--version", default=VERSION)
    args = parser.parse_args()
    chosen = args.sets or list(SETS)
    if set(chosen) - set(SETS):
        parser.error(f"unknown set {', '.join(sorted(set(chosen) - set(SETS)))}; the sets are {', '.join(SETS)}")
    if args.out and len(chosen) != 1:
        parser.error("--out takes one set")
    for name in chosen:
        make, count = SETS[name]
        folder = args.out or os.path.join(HERE, "testsets", name)
        os.makedirs(folder, exist_ok=True)
        make(folder, args.count or count, args.version, SEEDS[name])
        print(f"{name}: {folder}")


if __name__ == "__main__":
    main()
