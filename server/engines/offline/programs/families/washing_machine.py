"""Washing machine: a front-loader cabinet with a round door, a control panel and a detergent drawer."""
import bpy
import math

PARAMS = {
    "width": 0.6,
    "depth": 0.6,
    "height": 0.85,
    "color": "#f5f5f5",
    "material": "plastic",
    "door_color": "#9a9a9a",
}

JOINTS = [
    {"name": "door_hinge", "type": "revolute", "parent": "body", "children": ["door_ring", "door_glass"],
     "axis": [0, 0, -1], "origin": {"part": "door_ring", "at": [-1, 0, -0.33]}, "limits": [0, 110]},
    {"name": "detergent_drawer_slide", "type": "prismatic", "parent": "body", "children": ["detergent_drawer"],
     "axis": [0, -1, 0], "origin": {"part": "detergent_drawer", "at": [0, 1, 0]}, "limits": [0, "depth * 0.3"]},
]


def build(p):
    """Body, porthole door (ring + glass), control panel with a dial, and a drawer front."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("body", p["color"], p["material"])
    ring_mat = _mat("door_ring", p.get("door_color", "#9a9a9a"), "chrome")
    glass = _mat("door_glass", "#2a3440", "glass")
    dark = _mat("panel", "#3b3b3b", "plastic")
    door_d = 0.04
    body_d = d - door_d
    y_mid = d / 2.0 - body_d / 2.0
    front = y_mid - body_d / 2.0
    parts = [_box("body", (w, body_d, h), (0.0, y_mid, h / 2.0), body, bevel=0.01)]
    panel_h = min(0.12, h * 0.14)
    parts.append(_box("control_panel", (w - 0.02, 0.01, panel_h), (0.0, front - 0.005, h - panel_h / 2.0 - 0.01), dark))
    parts.append(_box("detergent_drawer", (w * 0.35, 0.012, panel_h * 0.7), (-w * 0.28, front - 0.016, h - panel_h / 2.0 - 0.01),
                      body))
    parts.append(_cyl("dial", 0.025, 0.02, (w * 0.25, front - 0.02, h - panel_h / 2.0 - 0.01), ring_mat,
                      rot=(math.pi / 2.0, 0.0, 0.0), segments=20))
    r = min(w * 0.36, (h - panel_h) * 0.36)
    cz = (h - panel_h) * 0.48
    rot = (math.pi / 2.0, 0.0, 0.0)
    parts.append(_torus("door_ring", r, 0.03, (0.0, front - 0.01, cz), ring_mat, rot=rot, segments=40, ring=10))
    parts.append(_cyl("door_glass", r, 0.02, (0.0, front - 0.015, cz), glass, rot=rot, segments=40))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
