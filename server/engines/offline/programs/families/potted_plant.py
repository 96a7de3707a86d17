"""Potted plant: a tapered pot with soil, a few stems and clustered leafy crowns filling the box."""
import bpy
import math
import random

PARAMS = {
    "width": 0.45,
    "depth": 0.45,
    "height": 1.0,
    "color": "#e0d6c8",
    "material": "ceramic",
    "foliage_color": "#3f7a3a",
    "plant": "leafy",
}


def build(p):
    """Pot (lathe), soil disc, stems and leaf clusters (ellipsoids) with a fixed seed for stable rebuilds."""
    w, d, h = p["width"], p["depth"], p["height"]
    pot_mat = _mat("pot", p["color"], p["material"])
    soil = _mat("soil", "#3b2a1e", "soil")
    leaf = _mat("foliage", p.get("foliage_color", "#3f7a3a"), "foliage")
    stem_mat = _mat("stems", "#5b4a2a", "wood")
    r = min(w, d) / 2.0
    pot_r = r * 0.6
    pot_h = min(h * 0.3, pot_r * 2.2)
    parts = [_lathe("pot", [(pot_r * 0.75, 0.0), (pot_r, pot_h * 0.92), (pot_r * 1.04, pot_h)], (0.0, 0.0, 0.0),
                    pot_mat, segments=32, cap_top=False)]
    parts.append(_cyl("soil", pot_r * 0.98, 0.01, (0.0, 0.0, pot_h * 0.9), soil, segments=32))
    rng = random.Random(11)
    crown_h = h - pot_h * 0.9
    tall = p.get("plant", "leafy") == "tall"
    n = 3 if tall else 5
    ry, rz = d / 2.0, crown_h * (0.22 if tall else 0.3)
    for i in range(n):
        a = 2.0 * math.pi * (i - 1) / (n - 1) + rng.uniform(-0.3, 0.3)
        spread = 0.0 if i == 0 else 0.45
        cx, cy = math.cos(a) * spread * w / 2.0, math.sin(a) * spread * d / 2.0
        cz = h - rz if i == 0 else pot_h + crown_h * rng.uniform(0.35, 0.6)
        parts.append(_cyl("stem_%d" % (i + 1), 0.006, cz - pot_h * 0.9, (cx * 0.5, cy * 0.5, (cz + pot_h * 0.9) / 2.0),
                          stem_mat, segments=6))
        sx = (w / 2.0 - abs(cx)) if i else w / 2.0 * 0.7
        sy = (d / 2.0 - abs(cy)) if i else d / 2.0 * 0.7
        parts.append(_sphere("leaves_%d" % (i + 1), 1.0, (cx, cy, cz), leaf, scale=(sx, sy, min(rz, cz - pot_h * 0.5)),
                             segments=16))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
