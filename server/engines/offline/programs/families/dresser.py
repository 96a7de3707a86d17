"""Dresser: a chest of drawers on a plinth, drawers in one or two columns, knobs on every drawer."""
import bpy
import math

PARAMS = {
    "width": 1.2,
    "depth": 0.5,
    "height": 0.85,
    "color": "#f1efe8",
    "material": "paint",
    "knob_color": "#c9a34a",
    "drawers": 6,
    "plinth_height": 0.08,
}

JOINTS = [
    {"name": "drawer_{i}_slide", "type": "prismatic", "parent": "side_left", "repeat": "max(1, int(drawers))",
     "children": ["drawer_{i}", "knob_{i}"], "axis": [0, -1, 0],
     "origin": {"part": "drawer_{i}", "at": [0, 1, 0]}, "limits": [0, "depth * 0.6"]},
]


def build(p):
    """Plinth, carcass, top, and a drawer grid (two columns when wide enough and the count is even)."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("body", p["color"], p["material"])
    brass = _mat("knobs", p.get("knob_color", "#c9a34a"), "brass")
    knob_r = 0.013
    body_d = d - 2 * knob_r - 0.018
    y_mid = d / 2.0 - body_d / 2.0
    plinth = min(max(p.get("plinth_height", 0.08), 0.0), h * 0.2)
    t = 0.02
    parts = []
    if plinth > 0.005:
        parts.append(_box("plinth", (w - 0.04, body_d - 0.04, plinth), (0.0, y_mid, plinth / 2.0), body))
    parts += _carcass(w, body_d, h - plinth, t, body, z0=plinth, y0=y_mid)
    n = max(1, int(p.get("drawers", 6)))
    cols = 2 if (w >= 0.9 and n >= 4 and n % 2 == 0) else 1
    rows = max(1, n // cols)
    front = y_mid - body_d / 2.0 - 0.018
    parts += _drawers(-w / 2.0 + t, w / 2.0 - t, plinth + t, h - t, rows, cols, front, body, brass, knob_r=knob_r)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
