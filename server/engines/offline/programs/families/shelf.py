"""Shelf: standing boards between two side uprights, wall-mounted boards on a rail, or a leaning ladder shelf; a single floating board when very low."""
import bpy
import math

PARAMS = {
    "width": 0.8,
    "depth": 0.3,
    "height": 1.0,
    "color": "#d1a873",
    "material": "pine",
    "shelves": 4,
    "style": "open",
    "mount": "floor",
}


def build(p):
    """Uprights and boards; below 0.15 m height one board with hidden brackets fills the box."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    if h < 0.15:
        board_t = min(h, 0.04)
        parts = [_box("board_1", (w, d, board_t), (0.0, 0.0, h - board_t / 2.0), wood, bevel=0.003)]
        if h - board_t > 0.005:
            for i, x in enumerate((-w * 0.35, w * 0.35)):
                parts.append(_box("bracket_%d" % (i + 1), (0.02, d * 0.8, h - board_t),
                                  (x, d * 0.1, (h - board_t) / 2.0), wood))
        return _done(parts)
    t = 0.02
    parts = []
    n = max(2, int(p.get("shelves", 4)))
    if p.get("style", "open") == "ladder":
        # Ladder shelf: two rails leaning back against the wall, boards getting deeper towards the floor.
        lean = math.atan2(d - 0.05, h)
        rail_l = h / math.cos(lean)
        for i, x in enumerate((-w / 2.0 + t / 2.0, w / 2.0 - t / 2.0)):
            parts.append(_box("rail_%d" % (i + 1), (t, 0.04, rail_l), (x, 0.0, h / 2.0), wood, rot=(-lean, 0.0, 0.0)))
        for i in range(n):
            z = 0.15 + (h - 0.3) * i / (n - 1)
            front = -d / 2.0 + 0.025 + (d - 0.05) * z / h
            bd = max(0.1, d / 2.0 - 0.02 - front)
            parts.append(_box("board_%d" % (i + 1), (w - 2 * t, bd, t), (0.0, d / 2.0 - 0.02 - bd / 2.0, z), wood))
        return _done(parts)
    if p.get("mount", "floor") == "wall":
        # Wall-mounted: boards on brackets fixed to a back rail, nothing reaches the floor.
        parts.append(_box("wall_rail", (w, 0.015, h), (0.0, d / 2.0 - 0.0075, h / 2.0), wood))
        for i in range(n):
            z = t / 2.0 + (h - t) * i / (n - 1)
            parts.append(_box("board_%d" % (i + 1), (w, d - 0.015, t), (0.0, -0.0075, z), wood))
        return _done(parts)
    for i, x in enumerate((-w / 2.0 + t / 2.0, w / 2.0 - t / 2.0)):
        parts.append(_box("upright_%d" % (i + 1), (t, d, h), (x, 0.0, h / 2.0), wood))
    for i in range(n):
        z = t / 2.0 + (h - t) * i / (n - 1)
        parts.append(_box("board_%d" % (i + 1), (w - 2 * t, d, t), (0.0, 0.0, z), wood))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
