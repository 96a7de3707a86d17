"""Kitchen counter: a run of base cabinets on a recessed plinth, doors with bar handles, a stone worktop."""
import bpy
import math

PARAMS = {
    "width": 1.8,
    "depth": 0.62,
    "height": 0.92,
    "color": "#f1efe8",
    "material": "lacquer",
    "top_color": "#e8e6e1",
    "top_material": "marble",
    "handle_color": "#9a9a9a",
    "doors": 3,
    "drawers": 3,
}

JOINTS = [
    {"name": "drawer_{i}_slide", "type": "prismatic", "parent": "side_left", "repeat": "max(0, int(drawers))",
     "children": ["drawer_{i}", "knob_{i}"], "axis": [0, -1, 0],
     "origin": {"part": "drawer_{i}", "at": [0, 1, 0]}, "limits": [0, "depth * 0.55"]},
    {"name": "door_{i}_hinge", "type": "revolute", "parent": "side_left", "repeat": "max(1, int(doors))",
     "children": ["door_{i}", "handle_{i}", "door_{i}_glass?"], "axis": [0, 0, "-1 if doors == 1 or i % 2 == 1 else 1"],
     "origin": {"part": "door_{i}", "at": ["-1 if doors == 1 or i % 2 == 1 else 1", 1, 0]}, "limits": [0, 100]},
]


def build(p):
    """Plinth, carcass, a drawer row, doors, handles and an overhanging worktop that defines the box."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("cabinets", p["color"], p["material"])
    top = _mat("worktop", p.get("top_color", "#e8e6e1"), p.get("top_material", "marble"))
    metal = _mat("handles", p.get("handle_color", "#9a9a9a"), "brushed_steel")
    top_t = min(0.04, h * 0.05)
    plinth = min(0.1, h * 0.12)
    body_d = d - 0.06
    y_mid = d / 2.0 - body_d / 2.0
    t = 0.018
    parts = [_box("worktop", (w, d, top_t), (0.0, 0.0, h - top_t / 2.0), top, bevel=0.004)]
    parts.append(_box("plinth", (w - 0.02, body_d - 0.06, plinth), (0.0, y_mid + 0.03, plinth / 2.0), body))
    parts += _carcass(w, body_d, h - top_t - plinth, t, body, z0=plinth, y0=y_mid)
    front = y_mid - body_d / 2.0 - 0.018
    z_top = h - top_t
    n_dr = max(0, int(p.get("drawers", 3)))
    split = z_top - min(0.18, (z_top - plinth) * 0.25) if n_dr else z_top
    if n_dr:
        parts += _drawers(-w / 2.0 + 0.002, w / 2.0 - 0.002, split, z_top - 0.002, 1, n_dr, front, body, metal,
                          knob_r=0.012)
    doors = max(1, int(p.get("doors", 3)))
    parts += _doors(-w / 2.0 + 0.002, w / 2.0 - 0.002, plinth + 0.002, split - 0.002, doors, front, body, metal)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
