"""Synthetic data for the GzAiEdge demo models: road frames, product images, vibration and vital signs.

Every generator takes a numpy Generator so that a run can be repeated exactly (make_models.py seeds them).
"""
import numpy as np

FRAME_W, FRAME_H = 160, 120          # the camera frame the replay source delivers
LANES_DOWN, LANES_UP = (44, 70), (96, 122)   # lane centres (x) of a four-lane road seen from above
SIDEWALKS = (8, 152)                 # pedestrians walk along both edges
VEHICLE, PEDESTRIAN = 0, 1


def road(rng):
    """An empty road: grey asphalt with texture, dashed lane lines, light sidewalks."""
    img = np.empty((FRAME_H, FRAME_W, 3), np.float32)
    img[:] = rng.uniform(85, 110)
    img += rng.normal(0, 3, (FRAME_H, FRAME_W, 1))
    img[:, :18] = img[:, 142:] = rng.uniform(150, 175)
    img[:, 18:20] = img[:, 140:142] = 230
    for x in (57, 109):
        for y in range(0, FRAME_H, 16):
            img[y:y + 8, x - 1:x + 1] = 225
    img[:, 82:84] = (220, 190, 40)    # the yellow centre line
    return img


def draw_vehicle(img, cx, cy, w, h, color, rng):
    w, h = int(w), int(h)
    x1, y1 = int(cx - w / 2), int(cy - h / 2)
    x2, y2 = x1 + w, y1 + h
    img[max(y1, 0):max(y2, 0), max(x1, 0):max(x2, 0)] = color
    wy = y1 + h // 4                   # dark windscreen and rear window
    img[max(wy, 0):max(wy + 4, 0), max(x1 + 3, 0):max(x2 - 3, 0)] = 40
    ry = y2 - h // 4 - 3
    img[max(ry, 0):max(ry + 3, 0), max(x1 + 3, 0):max(x2 - 3, 0)] = 55
    return clip_box(x1, y1, x2, y2)


def draw_pedestrian(img, cx, cy, color):
    x1, y1, x2, y2 = int(cx - 5), int(cy - 7), int(cx + 5), int(cy + 7)
    img[max(y1 + 4, 0):max(y2, 0), max(x1 + 1, 0):max(x2 - 1, 0)] = color     # body
    img[max(y1, 0):max(y1 + 5, 0), max(x1 + 3, 0):max(x2 - 3, 0)] = (60, 40, 30)  # head
    return clip_box(x1, y1, x2, y2)


def clip_box(x1, y1, x2, y2):
    x1, y1, x2, y2 = max(x1, 0), max(y1, 0), min(x2, FRAME_W), min(y2, FRAME_H)
    return (x1, y1, x2, y2) if (x2 - x1) >= 6 and (y2 - y1) >= 8 else None


def vehicle_color(rng):
    palette = [(200, 30, 30), (230, 230, 235), (30, 60, 170), (20, 20, 25), (200, 200, 60), (140, 140, 150), (60, 140, 60)]
    return np.array(palette[rng.integers(len(palette))], np.float32) + rng.normal(0, 8, 3)


def pedestrian_color(rng):
    return np.array([rng.uniform(20, 250), rng.uniform(20, 200), rng.uniform(20, 250)], np.float32)


def random_scene(rng):
    """One frame with vehicles in lanes and pedestrians on sidewalks at random places; boxes in frame pixels."""
    img, boxes = road(rng), []
    for lane in LANES_DOWN + LANES_UP:
        y = rng.uniform(-30, 10)
        while y < FRAME_H + 20:
            if rng.random() < 0.55:
                w, h = rng.uniform(16, 22), rng.uniform(26, 36)
                box = draw_vehicle(img, lane + rng.normal(0, 1.5), y, w, h, vehicle_color(rng), rng)
                if box:
                    boxes.append((VEHICLE, *box))
                y += h + rng.uniform(6, 30)
            else:
                y += rng.uniform(20, 50)
    for side in SIDEWALKS:
        for _ in range(rng.integers(0, 3)):
            box = draw_pedestrian(img, side + rng.normal(0, 1), rng.uniform(0, FRAME_H), pedestrian_color(rng))
            if box:
                boxes.append((PEDESTRIAN, *box))
    return finish(img, rng), boxes


def finish(img, rng):
    img = img * rng.uniform(0.8, 1.15) + rng.normal(0, 2, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


class TrafficSequence:
    """Consecutive frames of moving traffic (5 fps): vehicles keep their lane and speed, so a counting line can count them."""

    def __init__(self, rng):
        self.rng, self.objects, self.next_id = rng, [], 0

    def _spawn(self):
        rng = self.rng
        for lane in LANES_DOWN + LANES_UP:
            down = lane in LANES_DOWN
            entry = -20 if down else FRAME_H + 20
            clear = all(abs(o["y"] - entry) > o["h"] + 14 for o in self.objects if o["x0"] == lane)
            if clear and rng.random() < 0.12:
                self.objects.append(dict(kind=VEHICLE, id=self.next_id, x0=lane, x=lane + rng.normal(0, 1), y=entry,
                                         v=rng.uniform(6, 9) * (1 if down else -1), w=rng.uniform(16, 22),
                                         h=rng.uniform(26, 34), color=vehicle_color(rng)))
                self.next_id += 1
        for side in SIDEWALKS:
            if rng.random() < 0.04:
                down = rng.random() < 0.5
                self.objects.append(dict(kind=PEDESTRIAN, id=self.next_id, x0=side, x=side + rng.normal(0, 1),
                                         y=-10 if down else FRAME_H + 10, v=rng.uniform(2, 3.5) * (1 if down else -1),
                                         w=10, h=14, color=pedestrian_color(rng)))
                self.next_id += 1

    def frames(self, count):
        # One camera: fixed gain and a fixed sensor-noise pattern, so only moving objects change between frames.
        base = road(self.rng) * self.rng.uniform(0.9, 1.1) + self.rng.normal(0, 2, (FRAME_H, FRAME_W, 3))
        for _ in range(count):
            self._spawn()
            img, boxes = base.copy(), []
            for o in self.objects:
                box = (draw_vehicle(img, o["x"], o["y"], o["w"], o["h"], o["color"], self.rng) if o["kind"] == VEHICLE
                       else draw_pedestrian(img, o["x"], o["y"], o["color"]))
                if box:
                    boxes.append((o["kind"], *box, o["id"], o["y"]))
            yield np.clip(img, 0, 255).astype(np.uint8), boxes
            for o in self.objects:
                o["y"] += o["v"]
            self.objects = [o for o in self.objects if -40 < o["y"] < FRAME_H + 40]


def letterbox(img, size, pad=114):
    """Bilinear resize with half-pixel centres into a size x size canvas, centred; the C# Letterbox does the same."""
    h, w = img.shape[:2]
    scale = min(size / w, size / h)
    nw, nh = int(round(w * scale)), int(round(h * scale))
    px, py = (size - nw) // 2, (size - nh) // 2
    xs = np.clip((np.arange(nw) + 0.5) / scale - 0.5, 0, w - 1)
    ys = np.clip((np.arange(nh) + 0.5) / scale - 0.5, 0, h - 1)
    x0, y0 = np.floor(xs).astype(int), np.floor(ys).astype(int)
    x1, y1 = np.minimum(x0 + 1, w - 1), np.minimum(y0 + 1, h - 1)
    fx, fy = (xs - x0)[None, :, None], (ys - y0)[:, None, None]
    src = img.astype(np.float32)
    top = src[y0][:, x0] * (1 - fx) + src[y0][:, x1] * fx
    bottom = src[y1][:, x0] * (1 - fx) + src[y1][:, x1] * fx
    out = np.full((size, size, 3), pad, np.float32)
    out[py:py + nh, px:px + nw] = top * (1 - fy) + bottom * fy
    return out, scale, px, py


# Products on a conveyor: a machined washer, seen from above. Defects: scratch, pit, chipped rim.
def product(rng, defective):
    s = 64
    img = np.empty((s, s, 3), np.float32)
    img[:] = rng.uniform(40, 60)
    img[:, :] += (np.arange(s) % 8 < 1)[None, :, None] * 15          # conveyor belt ribs
    cx, cy, r = s / 2 + rng.normal(0, 3), s / 2 + rng.normal(0, 3), rng.uniform(19, 24)
    yy, xx = np.mgrid[0:s, 0:s]
    d = np.hypot(xx - cx, yy - cy)
    metal = rng.uniform(150, 200) + (xx - cx) * 1.2
    part = (d < r) & (d > r * 0.35)
    img[part] = metal[part][:, None] * np.array([1.0, 1.0, 1.05])
    if defective:
        kind = rng.integers(3)
        if kind == 0:   # scratch: a thin line across the face
            a = rng.uniform(0, np.pi)
            t = (xx - cx) * np.sin(a) - (yy - cy) * np.cos(a) - rng.uniform(-r / 2, r / 2)
            along = np.abs((xx - cx) * np.cos(a) + (yy - cy) * np.sin(a)) < rng.uniform(6, 14)
            img[part & (np.abs(t) < 0.9) & along] = rng.choice([30.0, 245.0])
        elif kind == 1:  # pit: a dark spot
            ang, rr = rng.uniform(0, 2 * np.pi), rng.uniform(0.5, 0.85) * r
            px, py = cx + rr * np.cos(ang), cy + rr * np.sin(ang)
            img[part & (np.hypot(xx - px, yy - py) < rng.uniform(1.8, 3.2))] = rng.uniform(20, 60)
        else:            # chip: a bite out of the rim shows the belt
            ang = rng.uniform(0, 2 * np.pi)
            bx, by = cx + r * np.cos(ang), cy + r * np.sin(ang)
            img[part & (np.hypot(xx - bx, yy - by) < rng.uniform(4, 7))] = 50
    img = img * rng.uniform(0.85, 1.15) + rng.normal(0, 4, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


# Accelerometer on a motor (512 Hz): 25 Hz rotation with harmonics; a bearing fault adds ringing impacts.
VIB_HZ, VIB_WINDOW, VIB_HOP = 512, 128, 64


def vibration(rng, seconds, faults=()):
    t = np.arange(int(seconds * VIB_HZ)) / VIB_HZ
    f = 25 * rng.uniform(0.98, 1.02)
    x = (1.0 * np.sin(2 * np.pi * f * t + rng.uniform(0, 6.3)) + 0.4 * np.sin(4 * np.pi * f * t + rng.uniform(0, 6.3))
         + 0.15 * np.sin(6 * np.pi * f * t + rng.uniform(0, 6.3)))
    x *= 1 + 0.05 * np.sin(2 * np.pi * 0.1 * t)
    x += rng.normal(0, 0.05, t.size)
    for start, end in faults:
        period = 1 / rng.uniform(80, 95)
        for hit in np.arange(start, end, period):
            k = (t >= hit) & (t < hit + 0.03)
            x[k] += rng.uniform(0.5, 0.9) * np.exp(-(t[k] - hit) * 150) * np.sin(2 * np.pi * 190 * (t[k] - hit))
    return x.astype(np.float32)


# Vital signs at 1 Hz: heart rate (bpm) and SpO2 (%). Episodes: desaturation, tachycardia, bradycardia.
# Normal data has probe artefacts (single-sample dips and spikes) that a plain threshold would alarm on.
VIT_WINDOW, VIT_HOP, VIT_MIN_EPISODE_SAMPLES = 30, 5, 8


def vitals(rng, seconds, episodes=()):
    n = int(seconds)
    hr = 72 + rng.normal(0, 6) + np.cumsum(rng.normal(0, 0.4, n)) * 0.3 + rng.normal(0, 1.5, n)
    spo2 = 97 + rng.normal(0, 0.8) + rng.normal(0, 0.5, n)
    for _ in range(int(n / 40)):                      # artefacts
        i = rng.integers(n)
        if rng.random() < 0.5:
            spo2[i] = rng.uniform(70, 86)
        else:
            hr[i:i + 2] = rng.uniform(130, 170)
    for start, end, kind in episodes:
        k = np.arange(n)
        ramp = np.clip((k - start) / 8, 0, 1) * (k < end)
        if kind == "desaturation":
            spo2 -= ramp * rng.uniform(8, 14)
            hr += ramp * rng.uniform(5, 15)
        elif kind == "tachycardia":
            hr += ramp * rng.uniform(45, 70)
        else:
            hr -= ramp * rng.uniform(28, 35)
    return np.stack([hr, np.minimum(spo2, 100)]).astype(np.float32)


def random_episodes(rng, seconds, count):
    out, kinds = [], ["desaturation", "tachycardia", "bradycardia"]
    for slot in range(count):
        span = seconds / count
        start = slot * span + rng.uniform(5, span / 2)
        out.append((start, start + rng.uniform(30, min(90, span / 2 - 5)), kinds[rng.integers(3)]))
    return out


def window_label(in_episode):
    """A vital-sign window is abnormal when enough of its samples lie in an episode (the C# evaluation uses the same rule)."""
    return int(in_episode.sum() >= VIT_MIN_EPISODE_SAMPLES)
