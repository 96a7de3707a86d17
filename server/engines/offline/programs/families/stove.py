"""Stove: a range with an oven door and window, a cooktop with burners, control knobs and a back guard."""
import bpy
import math

PARAMS = {
    "width": 0.6,
    "depth": 0.6,
    "height": 0.9,
    "color": "#c0c0c0",
    "material": "stainless_steel",
    "burners": 4,
}

JOINTS = [
    {"name": "oven_door_hinge", "type": "revolute", "parent": "body",
     "children": ["oven_door", "oven_window", "oven_handle"], "axis": [1, 0, 0],
     "origin": {"part": "oven_door", "at": [0, 1, -1]}, "limits": [0, 90]},
]


def build(p):
    """Body, oven door (glass window + bar handle), cooktop, burner rings, knobs and back guard."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("body", p["color"], p["material"])
    black = _mat("cooktop", "#1c1c1c", "glass")
    glass = _mat("oven_window", "#20242a", "glass")
    metal = _mat("handle", "#b4b4b4", "chrome")
    handle_d = 0.04
    body_d = d - handle_d - 0.02
    y_mid = d / 2.0 - body_d / 2.0
    guard_h = min(0.1, h * 0.12)
    top = h - guard_h
    parts = [_box("body", (w, body_d, top - 0.02), (0.0, y_mid, (top - 0.02) / 2.0), body)]
    parts.append(_box("cooktop", (w, body_d, 0.02), (0.0, y_mid, top - 0.01), black))
    parts.append(_box("back_guard", (w, 0.04, guard_h), (0.0, d / 2.0 - 0.02, top + guard_h / 2.0), body))
    front = y_mid - body_d / 2.0
    door_h = (top - 0.02) * 0.62
    door_z = 0.08 + door_h / 2.0
    parts.append(_box("oven_door", (w - 0.02, 0.02, door_h), (0.0, front - 0.01, door_z), body, bevel=0.004))
    parts.append(_box("oven_window", (w * 0.6, 0.004, door_h * 0.45), (0.0, front - 0.021, door_z), glass))
    parts.append(_cyl("oven_handle", 0.01, w * 0.75, (0.0, front - handle_d, door_z + door_h / 2.0 - 0.04), metal,
                      rot=(0.0, math.pi / 2.0, 0.0), segments=12))
    n = max(1, int(p.get("burners", 4)))
    cols = 2 if n >= 2 else 1
    rows = (n + cols - 1) // cols
    br = min(w / cols, body_d / rows) * 0.28
    for i in range(n):
        cx = -w / 2.0 + w * ((i % cols) + 0.5) / cols
        cy = y_mid - body_d / 2.0 + body_d * ((i // cols) + 0.5) / rows
        parts.append(_torus("burner_%d" % (i + 1), br, 0.006, (cx, cy, top + 0.002), metal, segments=24, ring=6))
    for i in range(n):
        x = -w / 2.0 + w * (i + 0.5) / n
        parts.append(_cyl("knob_%d" % (i + 1), 0.018, 0.02, (x, front - 0.01, top - 0.07), metal,
                          rot=(math.pi / 2.0, 0.0, 0.0), segments=16))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
