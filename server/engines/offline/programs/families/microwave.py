"""Microwave: a countertop box with a glass door window, a control strip, a handle and small feet."""
import bpy
import math

PARAMS = {
    "width": 0.5,
    "depth": 0.38,
    "height": 0.3,
    "color": "#2b2b2b",
    "material": "metal",
}

JOINTS = [
    {"name": "door_hinge", "type": "revolute", "parent": "body", "children": ["door", "window", "handle"],
     "axis": [0, 0, -1], "origin": {"part": "door", "at": [-1, 1, 0]}, "limits": [0, 100]},
]


def build(p):
    """Body on four feet, door with a dark window, control strip with buttons and a vertical handle."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("body", p["color"], p["material"])
    glass = _mat("window", "#101418", "glass")
    panel = _mat("controls", "#1c1c1c", "plastic")
    foot_h = min(0.012, h * 0.05)
    door_t = 0.02
    body_d = d - door_t
    y_mid = d / 2.0 - body_d / 2.0
    front = y_mid - body_d / 2.0
    parts = _four_legs(w, body_d, foot_h, 0.03, panel, inset=0.03, prefix="foot")
    for obj in parts:
        obj.location.y += y_mid
    bh = h - foot_h
    parts.append(_box("body", (w, body_d, bh), (0.0, y_mid, foot_h + bh / 2.0), body, bevel=0.006))
    door_w = w * 0.72
    x_door = -w / 2.0 + door_w / 2.0
    parts.append(_box("door", (door_w - 0.01, door_t * 0.5, bh - 0.02), (x_door, front - door_t * 0.25, foot_h + bh / 2.0),
                      body))
    parts.append(_box("window", (door_w * 0.7, 0.004, bh * 0.6), (x_door - 0.02, front - door_t * 0.5 - 0.002,
                                                                  foot_h + bh / 2.0), glass))
    parts.append(_box("control_panel", (w - door_w - 0.02, door_t * 0.5, bh - 0.02),
                      (w / 2.0 - (w - door_w) / 2.0, front - door_t * 0.25, foot_h + bh / 2.0), panel))
    parts.append(_bar_handle("handle", x_door + door_w / 2.0 - 0.03, front - door_t * 0.5, foot_h + bh / 2.0, bh * 0.6, body,
                             vertical=True, depth=door_t * 0.5))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
