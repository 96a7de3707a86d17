"""Shelf: wall or standing shelf boards between two side uprights; a single floating board when very low."""
import bpy
import math

PARAMS = {
    "width": 0.8,
    "depth": 0.3,
    "height": 1.0,
    "color": "#d1a873",
    "material": "pine",
    "shelves": 4,
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
    for i, x in enumerate((-w / 2.0 + t / 2.0, w / 2.0 - t / 2.0)):
        parts.append(_box("upright_%d" % (i + 1), (t, d, h), (x, 0.0, h / 2.0), wood))
    n = max(2, int(p.get("shelves", 4)))
    for i in range(n):
        z = t / 2.0 + (h - t) * i / (n - 1)
        parts.append(_box("board_%d" % (i + 1), (w - 2 * t, d, t), (0.0, 0.0, z), wood))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
