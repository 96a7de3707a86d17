"""Crib: corner posts, slatted sides on all four sides, top rails and a raised mattress."""
import bpy
import math

PARAMS = {
    "width": 0.75,
    "depth": 1.35,
    "height": 1.0,
    "color": "#f5f5f5",
    "material": "paint",
    "secondary_color": "#f6c6a5",
    "slat_spacing": 0.07,
}


def build(p):
    """Posts, bottom and top rails, one slat mesh per side, base board and mattress."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("frame", p["color"], p["material"])
    bedding = _mat("mattress", p.get("secondary_color", "#f6c6a5"), "cotton")
    post = 0.05
    parts = _four_legs(w, d, h, post, wood, prefix="post")
    base_z = min(0.3, h * 0.3)
    parts.append(_box("base", (w - 2 * post, d - 2 * post, 0.03), (0.0, 0.0, base_z), wood))
    parts.append(_box("mattress", (w - 2 * post - 0.02, d - 2 * post - 0.02, 0.1), (0.0, 0.0, base_z + 0.065), bedding,
                      bevel=0.02, smooth=True))
    spacing = max(p.get("slat_spacing", 0.07), 0.04)
    slat_h = h - base_z - 0.06
    sides = [("front", w, (0.0, -d / 2.0 + post / 2.0), 0), ("back", w, (0.0, d / 2.0 - post / 2.0), 0),
             ("left", d, (-w / 2.0 + post / 2.0, 0.0), 1), ("right", d, (w / 2.0 - post / 2.0, 0.0), 1)]
    for name, length, (cx, cy), axis in sides:
        inner = length - 2 * post
        n = max(1, int(inner / spacing))
        slats = []
        for i in range(n):
            off = -inner / 2.0 + inner * (i + 0.5) / n
            x, y = (cx + off, cy) if axis == 0 else (cx, cy + off)
            slats.append(((0.02, 0.02, slat_h), (x, y, base_z + slat_h / 2.0)))
        parts.append(_cubes("slats_%s" % name, slats, wood))
        size = (inner, 0.04, 0.05) if axis == 0 else (0.04, inner, 0.05)
        parts.append(_box("top_rail_%s" % name, size, (cx, cy, h - 0.025), wood))
        parts.append(_box("bottom_rail_%s" % name, size, (cx, cy, base_z - 0.025), wood))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
