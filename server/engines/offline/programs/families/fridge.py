"""Fridge: a tall cabinet body with a freezer door over a fridge door, long vertical handles and feet."""
import bpy
import math

PARAMS = {
    "width": 0.75,
    "depth": 0.7,
    "height": 1.8,
    "color": "#c0c0c0",
    "material": "stainless_steel",
    "handle_color": "#9a9a9a",
    "doors": 2,
}

JOINTS = [
    {"name": "door_{i}_hinge", "type": "revolute", "parent": "body", "repeat": "max(1, min(2, int(doors)))",
     "children": ["door_{i}", "handle_{i}"], "axis": [0, 0, -1],
     "origin": {"part": "door_{i}", "at": [-1, 1, 0]}, "limits": [0, 110]},
]


def build(p):
    """Body, one or two doors (freezer on top), handles inside the depth, kick plate at the bottom."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("body", p["color"], p["material"])
    metal = _mat("handles", p.get("handle_color", "#9a9a9a"), "brushed_steel")
    dark = _mat("kick_plate", "#2b2b2b", "plastic")
    handle_d = 0.04
    door_t = 0.04
    body_d = d - handle_d - door_t
    y_mid = d / 2.0 - body_d / 2.0
    foot = 0.04
    parts = [_box("body", (w, body_d, h - foot), (0.0, y_mid, foot + (h - foot) / 2.0), body, bevel=0.01)]
    parts.append(_box("kick_plate", (w - 0.04, body_d - 0.04, foot), (0.0, y_mid, foot / 2.0), dark))
    front = y_mid - body_d / 2.0
    doors = max(1, min(2, int(p.get("doors", 2))))
    split = foot + (h - foot) * (0.68 if doors == 2 else 1.0)
    spans = [(foot, split), (split, h)] if doors == 2 else [(foot, h)]
    for i, (z0, z1) in enumerate(spans):
        k = i + 1
        parts.append(_box("door_%d" % k, (w - 0.01, door_t, z1 - z0 - 0.008), (0.0, front - door_t / 2.0, (z0 + z1) / 2.0),
                          body, bevel=0.008))
        hl = min(0.6, (z1 - z0) * 0.6)
        hz = z1 - 0.05 - hl / 2.0 if k == 1 else z0 + 0.05 + hl / 2.0
        parts.append(_bar_handle("handle_%d" % k, w / 2.0 - 0.06, front - door_t, hz, hl, metal, vertical=True,
                                 depth=handle_d))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
