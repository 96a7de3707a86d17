"""Bookshelf: a case with evenly spaced shelves, optionally filled with rows of books, open or closed by doors."""
import bpy
import math
import random

PARAMS = {
    "width": 0.9,
    "depth": 0.35,
    "height": 1.9,
    "color": "#b58a55",
    "material": "oak",
    "shelves": 5,
    "books": True,
    "doors": 0,
}

_BOOK_COLORS = ["#7b2d26", "#1f3a5f", "#2f5e3a", "#c8a24a", "#3b3b3b", "#8c5a8a", "#d9d4c7", "#a6492c"]


def build(p):
    """Sides, top, bottom, back, shelves, and one mesh of books per shelf (fixed seed, so rebuilds match)."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    t = 0.02
    parts = _carcass(w, d, h, t, wood)
    n = max(1, int(p.get("shelves", 5)))
    gap = (h - t) / n
    for i in range(1, n):
        parts.append(_box("shelf_%d" % i, (w - 2 * t, d - t, t), (0.0, -t / 2.0, i * gap + t / 2.0), wood))
    if p.get("books", True):
        rng = random.Random(7)
        mats = [_mat("book_%d" % i, c, "paper") for i, c in enumerate(_BOOK_COLORS)]
        for i in range(n):
            z0 = i * gap + t
            room = gap - t - 0.02
            if room < 0.08:
                continue
            x = -w / 2.0 + t + 0.01
            boxes = {}
            while x < w / 2.0 - t - 0.06 and x < -w / 2.0 + t + (w - 2 * t) * 0.8:
                bw = rng.uniform(0.02, 0.045)
                bh = min(room, rng.uniform(0.17, 0.26))
                bd = min(d - t - 0.03, rng.uniform(0.14, 0.22))
                boxes.setdefault(rng.randrange(len(mats)), []).append(
                    ((bw, bd, bh), (x + bw / 2.0, -d / 2.0 + 0.02 + bd / 2.0, z0 + bh / 2.0)))
                x += bw + 0.002
            for k, items in sorted(boxes.items()):
                parts.append(_cubes("books_%d_%d" % (i + 1, k + 1), items, mats[k]))
    doors = max(0, int(p.get("doors", 0)))
    if doors:
        # Closed bookcase: doors over the lower half (or the whole front when there are no books).
        handle = _mat("handles", "#8a8a8a", "metal")
        z1 = h - t if not p.get("books", True) else max(gap * (n // 2) + t, 0.5)
        parts += _doors(-w / 2.0 + t, w / 2.0 - t, t, z1, doors, -d / 2.0 + 0.025, wood, handle)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
