"""Hourly building load with daily and weekly seasonality and a cooling load that rises with temperature, and the
one-hour-ahead forecaster trained on it (edge pipeline `load-forecasting`). Used by make_models.py (step `load`)."""
import gzip
import json
import os

import numpy as np
import torch
from torch import nn

HISTORY = 48             # hours of load and temperature the forecaster reads
TRAIN_WEEKS, HELD_OUT_WEEKS, REPLAY_WEEKS = 40, 8, 3


def series(rng, hours):
    """[2, hours]: load kW and outdoor temperature °C of an office building in Guangzhou's warm season, hour 0 a Monday 00:00."""
    t = np.arange(hours)
    hour, day = t % 24, (t // 24) % 7
    # Weather: a daily cycle (coolest at 05:00, warmest at 14:00) on a slowly wandering mean (AR(1) per hour).
    drift = np.zeros(hours)
    for i in range(1, hours):
        drift[i] = 0.995 * drift[i - 1] + rng.normal(0, 0.25)
    temperature = 28 + drift + 4 * np.cos((hour - 14) / 24 * 2 * np.pi) + rng.normal(0, 0.4, hours)
    # Occupancy: weekdays 08:00-19:00 with ramps, Saturday a third of it, Sunday almost none.
    occupied = np.clip(np.minimum(hour - 6.5, 19.5 - hour) / 1.5, 0, 1)
    occupancy = occupied * np.select([day < 5, day == 5], [1.0, 0.35], 0.08)
    base = 180 + 320 * occupancy
    cooling = (9 + 14 * occupancy) * np.maximum(temperature - 22, 0)
    load = (base + cooling) * (1 + rng.normal(0, 0.025, hours))
    return np.stack([load, temperature]).astype(np.float32)


def windows(signal):
    """Inputs [n, 2, HISTORY] of the hours before each target, and the next hour's load."""
    n = signal.shape[1] - HISTORY
    return (np.stack([signal[:, i:i + HISTORY] for i in range(n)]), signal[0, HISTORY:HISTORY + n].copy())


class LoadForecaster(nn.Module):
    """Takes raw load (kW) and temperature (°C) of the last HISTORY hours; normalisation is part of the graph."""

    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor([[330.0], [28.0]]))
        self.register_buffer("scale", torch.tensor([[150.0], [4.0]]))
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(2 * HISTORY, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        return self.net((x - self.mean) / self.scale) * 150.0 + 330.0


def accuracy(forecast, measured):
    """CV(RMSE) and NMBE as the cloud scores them (n in the denominators; docs/evaluation.md)."""
    e = measured - forecast
    return {"pairs": int(len(e)), "cv_rmse": round(float(np.sqrt(np.mean(e ** 2)) / measured.mean()), 4),
            "nmbe": round(float(e.sum() / (len(e) * measured.mean())), 4) + 0.0}


def make(rng, here, train, export, metrics):
    hours = 24 * 7
    tx, ty = windows(series(rng, TRAIN_WEEKS * hours))
    vx, vy = windows(series(rng, HELD_OUT_WEEKS * hours))
    model = LoadForecaster()
    mse = nn.MSELoss()
    order = rng.permutation(len(tx))
    batches = [(tx[order[i:i + 64]], ty[order[i:i + 64]]) for i in range(0, len(order), 64)]
    train(model, batches, 30, 3e-3, lambda x, y: mse(model(torch.from_numpy(x))[:, 0], torch.from_numpy(y)))
    with torch.no_grad():
        pred = model(torch.from_numpy(vx))[:, 0].numpy()
    persistence = vx[:, 0, -1]
    metrics["load-forecaster"] = {"history_hours": HISTORY, "heldout_weeks": HELD_OUT_WEEKS, **accuracy(pred, vy),
                                  "persistence": accuracy(persistence, vy)}
    export(model, torch.zeros(1, 2, HISTORY), "load-forecaster", ["history"], ["forecast_kw"],
           f"One-hour-ahead building load forecast from the last {HISTORY} h of [load kW, temperature °C]; output the next hour's load in kW.")

    folder = os.path.join(here, "replay", "load")
    os.makedirs(folder, exist_ok=True)
    signal = series(rng, REPLAY_WEEKS * hours)
    with gzip.GzipFile(os.path.join(folder, "signal.f32.gz"), "wb", mtime=0) as f:
        f.write(np.ascontiguousarray(signal.T).astype("<f4").tobytes())     # interleaved: load, temperature, ...
    with open(os.path.join(folder, "manifest.json"), "w") as f:
        json.dump({"kind": "signal", "encoding": "f32le-gzip", "file": "signal.f32.gz", "sampleHz": 1 / 3600,
                   "channels": ["load_kw", "temperature_c"], "count": signal.shape[1]}, f, indent=1)
        f.write("\n")
    with open(os.path.join(folder, "load.csv"), "w") as f:                # the same data, readable
        f.write("time,load_kw,temperature_c\n")
        for i in range(signal.shape[1]):
            f.write(f"{np.datetime64('2026-06-01T00:00') + np.timedelta64(i, 'h')},{signal[0, i]:.2f},{signal[1, i]:.2f}\n")
    rx, ry = windows(signal)
    with torch.no_grad():
        rpred = model(torch.from_numpy(rx))[:, 0].numpy()
    metrics["load-forecaster"]["replay"] = {"weeks": REPLAY_WEEKS, **accuracy(rpred, ry)}
