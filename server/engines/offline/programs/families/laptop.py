"""Laptop: a base with a keyboard deck and a screen lid opened about 105 degrees (closed when very flat)."""
import bpy
import math

PARAMS = {
    "width": 0.34,
    "depth": 0.24,
    "height": 0.22,
    "color": "#b4b4b4",
    "material": "aluminum",
    "open": True,
}

JOINTS = [
    {"name": "lid_hinge", "type": "revolute", "parent": "base", "when": "open and height >= 0.05",
     "children": ["lid", "screen"], "axis": [-1, 0, 0], "origin": {"part": "lid", "at": [0, -1, -1]},
     "limits": [-105, 10]},
]


def build(p):
    """Base slab, keyboard inset, lid hinged at the back edge and tilted 15 degrees past vertical."""
    w, d, h = p["width"], p["depth"], p["height"]
    shell = _mat("shell", p["color"], p["material"])
    keys = _mat("keys", "#2b2b2b", "plastic")
    screen = _mat("screen", "#0b0d12", "glass")
    base_t = min(0.018, h * 0.45)
    if not p.get("open", True) or h < 0.05:
        return _done([_box("base", (w, d, h * 0.55), (0.0, 0.0, h * 0.275), shell, bevel=0.003),
                _box("lid", (w, d, h * 0.45), (0.0, 0.0, h * 0.775), shell, bevel=0.003)])
    tilt = math.radians(15.0)
    lid_t = 0.008
    lid_len = (h - base_t) / math.cos(tilt)
    back = lid_len * math.sin(tilt) + lid_t
    base_d = max(d - back, d * 0.5)
    y_base = -d / 2.0 + base_d / 2.0
    parts = [_box("base", (w, base_d, base_t), (0.0, y_base, base_t / 2.0), shell, bevel=0.003)]
    parts.append(_box("keyboard", (w * 0.85, base_d * 0.45, 0.002), (0.0, y_base + base_d * 0.12, base_t + 0.001), keys))
    parts.append(_box("touchpad", (w * 0.3, base_d * 0.25, 0.001), (0.0, y_base - base_d * 0.3, base_t + 0.0005), keys))
    hinge_y = -d / 2.0 + base_d
    cy = hinge_y + math.sin(tilt) * lid_len / 2.0
    cz = base_t + math.cos(tilt) * lid_len / 2.0
    parts.append(_box("lid", (w, lid_t, lid_len), (0.0, cy + lid_t / 2.0, cz), shell, rot=(-tilt, 0.0, 0.0)))
    parts.append(_box("screen", (w * 0.92, 0.001, lid_len * 0.85), (0.0, cy - 0.0005, cz), screen, rot=(-tilt, 0.0, 0.0)))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
