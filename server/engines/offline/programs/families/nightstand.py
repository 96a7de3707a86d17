"""Nightstand: a small case on short legs with stacked drawers and round knobs."""
import bpy
import math

PARAMS = {
    "width": 0.5,
    "depth": 0.4,
    "height": 0.55,
    "color": "#b58a55",
    "material": "oak",
    "knob_color": "#c9a34a",
    "drawers": 2,
    "leg_height": 0.08,
}

JOINTS = [
    {"name": "drawer_{i}_slide", "type": "prismatic", "parent": "side_left", "repeat": "max(0, int(drawers))",
     "children": ["drawer_{i}", "knob_{i}"], "axis": [0, -1, 0],
     "origin": {"part": "drawer_{i}", "at": [0, 1, 0]}, "limits": [0, "depth * 0.6"]},
]


def build(p):
    """Legs, carcass, drawer fronts with knobs; the knobs end at the front of the bounding box."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    brass = _mat("knobs", p.get("knob_color", "#c9a34a"), "brass")
    knob_r = 0.012
    body_d = d - 2 * knob_r - 0.018
    y_mid = d / 2.0 - body_d / 2.0
    leg_h = min(max(p.get("leg_height", 0.08), 0.0), h * 0.3)
    t = 0.018
    parts = []
    if leg_h > 0.005:
        legs = _four_legs(w, body_d, leg_h, 0.035, wood, inset=0.015)
        for obj in legs:
            obj.location.y += y_mid
        parts += legs
    parts += _carcass(w, body_d, h - leg_h, t, wood, z0=leg_h, y0=y_mid)
    n = max(0, int(p.get("drawers", 2)))
    front = y_mid - body_d / 2.0 - 0.018
    if n:
        parts += _drawers(-w / 2.0 + t, w / 2.0 - t, leg_h + t, h - t, n, 1, front, wood, brass, knob_r=knob_r)
    else:
        parts.append(_box("shelf", (w - 2 * t, body_d - t, t), (0.0, y_mid, leg_h + (h - leg_h) / 2.0), wood))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
