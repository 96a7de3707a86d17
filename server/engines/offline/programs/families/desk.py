"""Desk: a work top on legs at the left and a drawer pedestal at the right, with a modesty panel."""
import bpy
import math

PARAMS = {
    "width": 1.2,
    "depth": 0.6,
    "height": 0.75,
    "color": "#d9b382",
    "material": "maple",
    "frame_color": "#2b2b2b",
    "knob_color": "#9a9a9a",
    "drawers": 3,
}

JOINTS = [
    {"name": "drawer_{i}_slide", "type": "prismatic", "parent": "pedestal", "repeat": "max(0, int(drawers))", "when": "drawers > 0 and width >= 0.8",
     "children": ["drawer_{i}", "knob_{i}"], "axis": [0, -1, 0],
     "origin": {"part": "drawer_{i}", "at": [0, 1, 0]}, "limits": [0, "depth * 0.6"]},
]


def build(p):
    """Top, two legs, modesty panel and a pedestal of drawers (none when drawers is 0: four legs)."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("top", p["color"], p["material"])
    frame = _mat("frame", p.get("frame_color", "#2b2b2b"), "metal")
    metal = _mat("knobs", p.get("knob_color", "#9a9a9a"), "brushed_steel")
    top_t = min(0.03, h * 0.05)
    leg = 0.05
    n = max(0, int(p.get("drawers", 3)))
    parts = [_box("top", (w, d, top_t), (0.0, 0.0, h - top_t / 2.0), wood, bevel=0.004)]
    leg_h = h - top_t
    if n == 0 or w < 0.8:
        parts += _four_legs(w, d, leg_h, leg, frame, inset=0.02)
    else:
        for i, y in enumerate((-d / 2.0 + 0.02 + leg / 2.0, d / 2.0 - 0.02 - leg / 2.0)):
            parts.append(_box("leg_%d" % (i + 1), (leg, leg, leg_h), (-w / 2.0 + 0.02 + leg / 2.0, y, leg_h / 2.0),
                              frame))
        ped_w = min(0.42, w * 0.35)
        knob_r = 0.011
        ped_d = d - 0.02 - 2 * knob_r
        x0 = w / 2.0 - ped_w
        y_mid = d / 2.0 - ped_d / 2.0
        parts.append(_box("pedestal", (ped_w, ped_d - 0.018, leg_h), (x0 + ped_w / 2.0, y_mid + 0.009, leg_h / 2.0),
                          wood))
        parts += _drawers(x0 + 0.01, w / 2.0 - 0.01, 0.05, leg_h - 0.01, n, 1, y_mid - ped_d / 2.0, wood, metal,
                          knob_r=knob_r)
    parts.append(_box("modesty_panel", (w * 0.55, 0.018, leg_h * 0.45), (-w * 0.1, d / 2.0 - 0.06, leg_h * 0.72), frame))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
