"""Tray: a serving tray with a flat base, low rim walls and two cut-out handles at the short ends."""
import bpy
import math

PARAMS = {
    "width": 0.45,
    "depth": 0.3,
    "height": 0.05,
    "color": "#5d3a1f",
    "material": "walnut",
}


def build(p):
    """Base board, four rim walls and two handle bars on the left and right walls."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    t = min(0.01, min(w, d) * 0.05)
    base_t = min(0.01, h * 0.3)
    parts = [_box("base", (w, d, base_t), (0.0, 0.0, base_t / 2.0), wood)]
    wall_h = h - base_t
    parts.append(_box("rim_front", (w, t, wall_h), (0.0, -d / 2.0 + t / 2.0, base_t + wall_h / 2.0), wood))
    parts.append(_box("rim_back", (w, t, wall_h), (0.0, d / 2.0 - t / 2.0, base_t + wall_h / 2.0), wood))
    for i, x in enumerate((-w / 2.0 + t / 2.0, w / 2.0 - t / 2.0)):
        parts.append(_box("rim_%s" % ("left" if i == 0 else "right"), (t, d - 2 * t, wall_h), (x, 0.0, base_t + wall_h / 2.0), wood))
        parts.append(_box("handle_%d" % (i + 1), (t * 1.2, d * 0.35, min(0.012, wall_h * 0.3)), (x, 0.0, h - min(0.006, wall_h * 0.15)),
                          wood))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
