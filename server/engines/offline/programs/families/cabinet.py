"""Cabinet: a case on a plinth with hinged doors (solid or glazed), inner shelves and bar handles."""
import bpy
import math

PARAMS = {
    "width": 0.8,
    "depth": 0.45,
    "height": 0.9,
    "color": "#e6e3dc",
    "material": "paint",
    "handle_color": "#9a9a9a",
    "doors": 2,
    "shelves": 2,
    "glass_doors": False,
    "plinth_height": 0.06,
}

JOINTS = [
    {"name": "door_{i}_hinge", "type": "revolute", "parent": "side_left", "repeat": "max(1, int(doors))",
     "children": ["door_{i}", "handle_{i}", "door_{i}_glass?"], "axis": [0, 0, "-1 if doors == 1 or i % 2 == 1 else 1"],
     "origin": {"part": "door_{i}", "at": ["-1 if doors == 1 or i % 2 == 1 else 1", 1, 0]}, "limits": [0, 100]},
]


def build(p):
    """Plinth, carcass, shelves, doors (with glass panes when glass_doors) and handles inside the depth."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("body", p["color"], p["material"])
    metal = _mat("handles", p.get("handle_color", "#9a9a9a"), "brushed_steel")
    glass = _mat("glass", "#dfeff2", "glass") if p.get("glass_doors", False) else None
    handle_d = 0.024
    body_d = d - handle_d - 0.018
    y_mid = d / 2.0 - body_d / 2.0
    plinth = min(max(p.get("plinth_height", 0.06), 0.0), h * 0.2)
    t = 0.018
    parts = []
    if plinth > 0.005:
        parts.append(_box("plinth", (w - 0.04, body_d - 0.03, plinth), (0.0, y_mid, plinth / 2.0), body))
    parts += _carcass(w, body_d, h - plinth, t, body, z0=plinth, y0=y_mid)
    n_sh = max(0, int(p.get("shelves", 2)))
    for i in range(n_sh):
        z = plinth + (h - plinth) * (i + 1) / (n_sh + 1)
        parts.append(_box("shelf_%d" % (i + 1), (w - 2 * t, body_d - 2 * t, t), (0.0, y_mid, z), body))
    doors = max(1, int(p.get("doors", 2)))
    front = y_mid - body_d / 2.0 - 0.018
    parts += _doors(-w / 2.0 + 0.002, w / 2.0 - 0.002, plinth + 0.002, h - 0.002, doors, front, body, metal,
                    glass=glass)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
