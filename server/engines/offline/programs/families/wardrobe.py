"""Wardrobe: a tall case on a plinth with full-height doors, long vertical handles, hanging rail and a top shelf."""
import bpy
import math

PARAMS = {
    "width": 1.2,
    "depth": 0.6,
    "height": 2.0,
    "color": "#f1efe8",
    "material": "paint",
    "handle_color": "#9a9a9a",
    "doors": 2,
    "drawers": 0,
    "plinth_height": 0.08,
    "sliding": False,
}

JOINTS = [
    {"name": "drawer_{i}_slide", "type": "prismatic", "parent": "side_left", "repeat": "max(0, int(drawers))",
     "children": ["drawer_{i}", "knob_{i}"], "axis": [0, -1, 0],
     "origin": {"part": "drawer_{i}", "at": [0, 1, 0]}, "limits": [0, "depth * 0.55"]},
    {"name": "door_{i}_hinge", "type": "revolute", "parent": "side_left", "repeat": "max(1, int(doors))", "when": "not sliding",
     "children": ["door_{i}", "handle_{i}", "door_{i}_glass?"], "axis": [0, 0, "-1 if doors == 1 or i % 2 == 1 else 1"],
     "origin": {"part": "door_{i}", "at": ["-1 if doors == 1 or i % 2 == 1 else 1", 1, 0]}, "limits": [0, 100]},
    {"name": "door_1_slide", "type": "prismatic", "parent": "side_left", "when": "sliding",
     "children": ["door_1", "handle_1"], "axis": [1, 0, 0], "origin": {"part": "door_1", "at": [0, 1, 0]},
     "limits": [0, "width / 2 - 0.06"]},
    {"name": "door_2_slide", "type": "prismatic", "parent": "side_left", "when": "sliding",
     "children": ["door_2", "handle_2"], "axis": [-1, 0, 0], "origin": {"part": "door_2", "at": [0, 1, 0]},
     "limits": [0, "width / 2 - 0.06"]},
]


def build(p):
    """Plinth, carcass, interior rail and shelf, optional bottom drawers, doors and handles."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("body", p["color"], p["material"])
    metal = _mat("handles", p.get("handle_color", "#9a9a9a"), "brushed_steel")
    handle_d = 0.024
    body_d = d - handle_d - 0.02
    y_mid = d / 2.0 - body_d / 2.0
    plinth = min(max(p.get("plinth_height", 0.08), 0.0), h * 0.1)
    t = 0.02
    parts = []
    if plinth > 0.005:
        parts.append(_box("plinth", (w - 0.04, body_d - 0.04, plinth), (0.0, y_mid, plinth / 2.0), body))
    parts += _carcass(w, body_d, h - plinth, t, body, z0=plinth, y0=y_mid)
    parts.append(_box("top_shelf", (w - 2 * t, body_d - t, t), (0.0, y_mid, h - 0.3), body))
    parts.append(_cyl("hanging_rail", 0.012, w - 2 * t, (0.0, y_mid, h - 0.38), metal, rot=(0.0, math.pi / 2.0, 0.0)))
    front = y_mid - body_d / 2.0 - 0.02
    n_dr = max(0, int(p.get("drawers", 0)))
    door_z0 = plinth
    if n_dr:
        door_z0 = plinth + min(0.2 * n_dr, (h - plinth) * 0.4)
        parts += _drawers(-w / 2.0 + t, w / 2.0 - t, plinth, door_z0, n_dr, 1, front, body, metal,
                          knob_r=handle_d / 2.0)
    if p.get("sliding", False):
        parts += _sliding_doors(w, door_z0 + 0.002, h - 0.002, front, body, metal)
    else:
        parts += _doors(-w / 2.0 + 0.002, w / 2.0 - 0.002, door_z0 + 0.002, h - 0.002,
                        max(1, int(p.get("doors", 2))), front, body, metal)
    return _done(parts)


def _sliding_doors(w, z0, z1, front, mat, handle_mat):
    """Two bypass doors on two tracks in front of the case: door_1 (left, outer track), door_2 (right, inner)."""
    dw = w / 2.0 + 0.02
    t = 0.018
    zc = (z0 + z1) / 2.0
    parts = [
        _box("door_1", (dw, t, z1 - z0), (-w / 2.0 + dw / 2.0 + 0.002, front - t / 2.0, zc), mat, bevel=0.002),
        _box("door_2", (dw, t, z1 - z0), (w / 2.0 - dw / 2.0 - 0.002, front + t / 2.0 + 0.001, zc), mat, bevel=0.002),
    ]
    hl = min(0.5, (z1 - z0) * 0.3)
    parts.append(_bar_handle("handle_1", -w / 2.0 + 0.04, front - t, zc, hl, handle_mat, vertical=True, depth=0.004))
    parts.append(_bar_handle("handle_2", w / 2.0 - 0.04, front + 0.001, zc, hl, handle_mat, vertical=True, depth=0.001))
    return parts


if __name__ == "__main__":
    build(PARAMS)
