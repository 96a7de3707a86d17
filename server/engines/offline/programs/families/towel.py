"""Towel: a towel hanging over a wall bar when tall, or a folded stack lying flat when low."""
import bpy
import math

PARAMS = {
    "width": 0.5,
    "depth": 0.08,
    "height": 0.6,
    "color": "#f5f5f5",
    "material": "cotton",
    "bar_color": "#c0c0c0",
}


def build(p):
    """Hanging: bar with two brackets and the towel folded over it. Flat: three stacked folded layers."""
    w, d, h = p["width"], p["depth"], p["height"]
    cloth = _mat("towel", p["color"], p["material"])
    if h <= max(w, d) * 0.5:
        layers = 3 if h > 0.03 else 1
        lh = h / layers
        return _done([_box("fold_%d" % (i + 1), (w * (1.0 - 0.02 * i), d * (1.0 - 0.02 * i), lh), (0.0, 0.0, lh * (i + 0.5)), cloth,
                     bevel=min(lh * 0.45, 0.02), smooth=True) for i in range(layers)])
    metal = _mat("bar", p.get("bar_color", "#c0c0c0"), "chrome")
    bar_r = min(0.012, d * 0.15)
    cloth_t = min(0.012, d * 0.2)
    bar_y = -d / 2.0 + bar_r + cloth_t
    bar_z = h - bar_r - cloth_t
    parts = [_cyl("bar", bar_r, w, (0.0, bar_y, bar_z), metal, rot=(0.0, math.pi / 2.0, 0.0), segments=16)]
    for i, x in enumerate((-w / 2.0 + 0.01, w / 2.0 - 0.01)):
        parts.append(_box("bracket_%d" % (i + 1), (0.02, d / 2.0 - bar_y, 0.03), (x, (bar_y + d / 2.0) / 2.0, bar_z), metal))
    tw = w * 0.8
    drop_back = bar_z * 0.7
    parts.append(_box("towel_front", (tw, cloth_t, bar_z), (0.0, bar_y - bar_r - cloth_t / 2.0, bar_z / 2.0), cloth))
    parts.append(_box("towel_back", (tw, cloth_t, drop_back), (0.0, bar_y + bar_r + cloth_t / 2.0, bar_z - drop_back / 2.0), cloth))
    parts.append(_cyl("towel_fold", bar_r + cloth_t, tw, (0.0, bar_y, bar_z), cloth, rot=(0.0, math.pi / 2.0, 0.0), segments=16))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
