"""Writes a model card (models/<name>.md) per model from the figures make_models.py measured (metrics.json)."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

COMMON = """
## Use

Made by `models/make_models.py` (run with Debian's `/usr/bin/python3`: torch 1.13, onnx 1.12; ONNX opset 17), trained
on synthetic data the script generates with a fixed seed (`models/scenes.py`). It is a demonstration model for
synthetic data: it shows the pipeline working end to end with a model that measurably does its job, and it has
the input/output signature of the real models a site drops in instead. It has not seen real sensor data.

SHA-256 of the file: `{sha256}` (every KPI report from this model carries it).
"""

CARDS = {
    "traffic-detector": lambda m: f"""# traffic-detector (version 1)

Vehicle and pedestrian detector for road frames, in the YOLOv8 export layout so that a real YOLOv8/YOLO11
export drops in (edge pipeline `traffic-detection`, `Pipeline:Layout yolov8`).

| | |
| --- | --- |
| input | `images` float32 [1,3,128,128]: RGB, 0..1, letterboxed (scale to fit, centred, grey 114 bars) |
| output | `output0` float32 [1,6,256]: per grid cell (stride 8) box centre x, centre y, width, height in input pixels, then p(vehicle), p(pedestrian) (sigmoid) |
| post-processing | best class per cell, score ≥ 0.5, class-wise NMS at IoU 0.45, boxes mapped back through the letterbox |
| architecture | 5 conv layers (3x3, BN, ReLU; strides 2, 2, 2, 1, 1) and a 1x1 head; decoding (tanh offsets, exp sizes) inside the graph |

## Training data

Synthetic top-down frames of a four-lane road (160x120, as the replay camera delivers them): asphalt with
texture, lane markings, sidewalks; cars of seven colours (16–22 x 26–36 px) in lanes, pedestrians (10x14 px)
on the sidewalks, brightness jitter and noise. 1200 random frames, letterboxed to 128x128; 12 epochs, Adam,
one-cycle schedule. Loss: weighted BCE on class scores at the cell holding each box centre, L1 on the box.

## Measured accuracy

| set | frames | objects | precision | recall |
| --- | --- | --- | --- | --- |
| held-out random frames | {m['heldout_images']} | {m['objects']} | {m['precision']:.3f} | {m['recall']:.3f} |
| replay (`models/replay/traffic`, moving traffic) | {m['replay']['frames']} | {m['replay']['objects']} | {m['replay']['precision']:.3f} | {m['replay']['recall']:.3f} |

A detection is correct at IoU ≥ 0.5 with a ground-truth box of its class (greedy by score), boxes in frame pixels.
The replay's 120 frames (5 fps, 24 s) hold {m['replay']['vehicle_crossings']} vehicle and {m['replay']['pedestrian_crossings']} pedestrian
crossings of the counting line y = 60 (ground truth, from the generator's object ids).
""",
    "inspection-classifier": lambda m: f"""# inspection-classifier (version 1)

Defect / no-defect classifier for product images (edge pipeline `visual-inspection`).

| | |
| --- | --- |
| input | `images` float32 [1,3,64,64]: RGB, 0..1 |
| output | `logits` float32 [1,2]: [ok, defect]; softmax, defect when p(defect) ≥ 0.5 |
| architecture | 4 conv layers (3x3, BN, ReLU), max pooling, global max pool, linear |

## Training data

Synthetic 64x64 images of a machined washer on a ribbed conveyor belt, position, size and brightness varying.
Half are defective, one of: a thin scratch (dark or bright), a pit (dark spot of 2–3 px radius), a chipped rim.
1600 images, 8 epochs, Adam, one-cycle schedule, cross-entropy.

## Measured accuracy

| set | images | defective | accuracy | F1 (defect) |
| --- | --- | --- | --- | --- |
| held-out | {m['heldout_images']} | {m['positives']} | {m['accuracy']:.3f} | {m['f1']:.3f} |
| replay (`models/replay/inspection`) | {m['replay']['images']} | {m['replay']['positives']} | {m['replay']['accuracy']:.4f} | {m['replay']['f1']:.4f} |
""",
    "vibration-autoencoder": lambda m: f"""# vibration-autoencoder (version 1)

Anomaly detector for motor vibration (edge pipeline `vibration-anomaly`): an autoencoder trained on healthy
vibration only; a window it cannot reconstruct is anomalous.

| | |
| --- | --- |
| input | `window` float32 [1,128]: 128 accelerometer samples (g) at 512 Hz (0.25 s) |
| output | `reconstruction` float32 [1,128] |
| post-processing | mean squared error input vs reconstruction; anomalous when over **{m['threshold']}** (`Pipeline:AnomalyThreshold`) |
| architecture | MLP 128 → 64 → 12 → 64 → 128, tanh |

## Training data

Synthetic healthy vibration: 25 Hz rotation (±2 %) with 2nd and 3rd harmonics, slow amplitude modulation,
noise σ 0.05 g; windows of 128 samples every 64. Faults (for evaluation only): a bearing defect adding
ringing impacts (190 Hz, decaying) 80–95 times a second. 16 x 20 s of healthy signal, 30 epochs, Adam.
Threshold: 1.5 x the 99.9th percentile of the error on held-out healthy windows.

## Measured accuracy

| set | windows | result |
| --- | --- | --- |
| held-out healthy | {m['heldout_normal_windows']} | false-positive rate {m['false_positive_rate']:.3f} (mean error {m['error_normal_mean']}) |
| held-out faulty | {m['heldout_fault_windows']} | detection rate {m['detection_rate']:.3f} (mean error {m['error_fault_mean']}) |
| replay (`models/replay/vibration`, 40 s, faults at 12–16 s and 28–33 s) | {m['replay']['windows']} | {m['replay']['flagged']} flagged; detection delay {', '.join(f'{d} s' for d in m['replay']['detection_delay_s'])} |
""",
    "vitals-classifier": lambda m: f"""# vitals-classifier (version 1)

Normal / abnormal classifier for bedside vital signs (edge pipeline `vitals-classification`).

| | |
| --- | --- |
| input | `vitals` float32 [1,2,30]: heart rate (bpm) and SpO2 (%) at 1 Hz over 30 s, raw values (normalised in the graph) |
| output | `logits` float32 [1,2]: [normal, abnormal]; softmax, abnormal when p(abnormal) ≥ 0.5 |
| architecture | two 1-D convolutions (k 5, 16 channels, ReLU), mean and max pooling, linear |

## Training data

Synthetic patients (900 s each): heart rate around 72 bpm with drift, SpO2 around 97 %, with probe artefacts
(single-sample SpO2 dips to 70–86 %, 2 s heart-rate spikes) that a plain threshold would alarm on. Three
episodes per patient: desaturation (SpO2 down 8–14 points, heart rate up), tachycardia (+45–70 bpm) or
bradycardia (−28–35 bpm), 30–90 s, with an 8 s ramp. Windows of 30 s every 5 s; a window is abnormal when at
least 8 of its samples lie in an episode (the edge's labelled evaluation uses the same rule). 60 patients,
12 epochs, Adam, cross-entropy.

## Measured accuracy

| set | windows | abnormal | accuracy | F1 (abnormal) |
| --- | --- | --- | --- | --- |
| held-out (15 patients) | {m['heldout_windows']} | {m['positives']} | {m['accuracy']:.4f} | {m['f1']:.4f} |
| replay (`models/replay/vitals`, 900 s, 4 episodes) | {m['replay']['windows']} | {m['replay']['positives']} | {m['replay']['accuracy']:.4f} | {m['replay']['f1']:.4f} |
""",
    "load-forecaster": lambda m: f"""# load-forecaster (version 1)

One-hour-ahead load forecast for a building or feeder (edge pipeline `load-forecasting`, sector 能源环保 energy).

| | |
| --- | --- |
| input | `history` float32 [1,2,{m['history_hours']}]: the last {m['history_hours']} hourly readings of load (kW) and outdoor temperature (°C), oldest first, raw values (normalised in the graph) |
| output | `forecast_kw` float32 [1,1]: the next hour's load in kW |
| architecture | MLP over the flattened history: 96 → 64 → 32 → 1, ReLU |

## Training data

Synthetic hourly load of an office building in Guangzhou's warm season (`models/load.py`): a base load of
180 kW, occupancy on weekdays 08:00–19:00 with 1.5 h ramps (Saturday 35 %, Sunday 8 %) adding up to 320 kW,
and a cooling load of 9–23 kW per °C above 22 °C that grows with occupancy; outdoor temperature around 28 °C
with a daily cycle of ±4 °C (warmest at 14:00) on a slowly wandering mean; 2.5 % multiplicative noise.
40 weeks, 30 epochs, Adam, mean squared error.

## Measured accuracy

CV(RMSE) = sqrt(mean((m − f)²)) / mean(m) and NMBE = Σ(m − f) / (n · mean(m)) over one-hour-ahead forecasts,
as the cloud scores them from later truth (n in both denominators; docs/evaluation.md). ASHRAE Guideline 14's
hourly criteria, the scenario type's thresholds, are CV(RMSE) ≤ 30 % and |NMBE| ≤ 10 %.

| set | forecasts | CV(RMSE) | NMBE |
| --- | --- | --- | --- |
| held-out ({m['heldout_weeks']} weeks) | {m['pairs']} | {m['cv_rmse']:.4f} | {m['nmbe']:.4f} |
| persistence on the same weeks (next hour = this hour), for comparison | {m['persistence']['pairs']} | {m['persistence']['cv_rmse']:.4f} | {m['persistence']['nmbe']:.4f} |
| replay (`models/replay/load`, {m['replay']['weeks']} weeks) | {m['replay']['pairs']} | {m['replay']['cv_rmse']:.4f} | {m['replay']['nmbe']:.4f} |
""",
}


def write_cards(metrics):
    for name, card in CARDS.items():
        if name in metrics and "replay" in metrics[name]:
            with open(os.path.join(HERE, f"{name}.md"), "w") as f:
                f.write(card(metrics[name]) + COMMON.format(sha256=metrics[name]["sha256"]))


if __name__ == "__main__":
    with open(os.path.join(HERE, "metrics.json")) as f:
        write_cards(json.load(f))
