"""Desk: a work top on legs at the left and a drawer pedestal at the right, with a modesty panel; ``layout``
"l_shaped" adds a return along the left side (a corner desk), both runs ``run_depth`` deep."""
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
    "layout": "straight",
    "run_depth": 0.6,
}

JOINTS = [
    {"name": "drawer_{i}_slide", "type": "prismatic", "parent": "pedestal", "repeat": "max(0, int(drawers))", "when": "drawers > 0 and width >= 0.8",
     "children": ["drawer_{i}", "knob_{i}"], "axis": [0, -1, 0],
     "origin": {"part": "drawer_{i}", "at": [0, 1, 0]}, "limits": [0, "(min(depth, run_depth) if layout == 'l_shaped' else depth) * 0.6"]},
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
    leg_h = h - top_t
    # An L-shaped desk needs room for two runs; a footprint too shallow for that stays straight.
    rd = min(float(p.get("run_depth", 0.6)), d * 0.6, w * 0.6)
    corner = p.get("layout", "straight") == "l_shaped" and d - rd >= 0.35 and w >= 0.8
    md = rd if corner else d
    y_back = d / 2.0
    parts = [_box("top", (w, md, top_t), (0.0, y_back - md / 2.0, h - top_t / 2.0), wood, bevel=0.004)]
    if corner:
        ret = d - md
        parts.append(_box("return_top", (rd, ret, top_t), (-w / 2.0 + rd / 2.0, -d / 2.0 + ret / 2.0, h - top_t / 2.0),
                          wood, bevel=0.004))
        for i, (x, y) in enumerate(((-w / 2.0 + 0.02 + leg / 2.0, -d / 2.0 + 0.02 + leg / 2.0),
                                    (-w / 2.0 + rd - 0.02 - leg / 2.0, -d / 2.0 + 0.02 + leg / 2.0))):
            parts.append(_box("return_leg_%d" % (i + 1), (leg, leg, leg_h), (x, y, leg_h / 2.0), frame))
    if n == 0 or w < 0.8:
        if corner:
            for i, x in enumerate((-w / 2.0 + 0.02 + leg / 2.0, w / 2.0 - 0.02 - leg / 2.0)):
                parts.append(_box("leg_%d" % (i + 1), (leg, leg, leg_h), (x, y_back - 0.02 - leg / 2.0, leg_h / 2.0), frame))
            parts.append(_box("leg_3", (leg, leg, leg_h), (w / 2.0 - 0.02 - leg / 2.0, y_back - md + 0.02 + leg / 2.0, leg_h / 2.0), frame))
        else:
            parts += _four_legs(w, d, leg_h, leg, frame, inset=0.02)
    else:
        ys = (y_back - 0.02 - leg / 2.0,) if corner else (-d / 2.0 + 0.02 + leg / 2.0, d / 2.0 - 0.02 - leg / 2.0)
        for i, y in enumerate(ys):
            parts.append(_box("leg_%d" % (i + 1), (leg, leg, leg_h), (-w / 2.0 + 0.02 + leg / 2.0, y, leg_h / 2.0),
                              frame))
        ped_w = min(0.42, w * 0.35)
        knob_r = 0.011
        ped_d = md - 0.02 - 2 * knob_r
        x0 = w / 2.0 - ped_w
        y_mid = y_back - ped_d / 2.0
        parts.append(_box("pedestal", (ped_w, ped_d - 0.018, leg_h), (x0 + ped_w / 2.0, y_mid + 0.009, leg_h / 2.0),
                          wood))
        parts += _drawers(x0 + 0.01, w / 2.0 - 0.01, 0.05, leg_h - 0.01, n, 1, y_mid - ped_d / 2.0, wood, metal,
                          knob_r=knob_r)
    parts.append(_box("modesty_panel", (w * 0.55, 0.018, leg_h * 0.45), (-w * 0.1, d / 2.0 - 0.06, leg_h * 0.72), frame))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
