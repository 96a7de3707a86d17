"""Books: a row of upright books (between optional bookends), or a flat stack when the box is low."""
import bpy
import math
import random

PARAMS = {
    "width": 0.25,
    "depth": 0.18,
    "height": 0.22,
    "color": "#7b2d26",
    "material": "paper",
    "books": 6,
}

_COLORS = ["#1f3a5f", "#2f5e3a", "#c8a24a", "#3b3b3b", "#8c5a8a", "#d9d4c7", "#a6492c"]


def build(p):
    """Upright: books side by side along X with varied heights (the tallest reaches the height). Flat: a stack."""
    w, d, h = p["width"], p["depth"], p["height"]
    n = max(1, int(p.get("books", 6)))
    rng = random.Random(5)
    mats = [_mat("cover_1", p["color"], p["material"])] + [_mat("cover_%d" % (i + 2), c, "paper") for i, c in enumerate(_COLORS)]
    parts = []
    if h < min(w, d) * 0.6:
        n = max(1, min(n, int(h / 0.02)))
        bh = h / n
        for i in range(n):
            s = 1.0 if i == 0 else rng.uniform(0.85, 0.98)
            parts.append(_box("book_%d" % (i + 1), (w * s, d * s, bh * 0.98), (0.0, 0.0, bh * (i + 0.5)), mats[i % len(mats)],
                              bevel=0.002))
        return _done(parts)
    gap = 0.002
    bw = (w - gap * (n - 1)) / n
    for i in range(n):
        bh = h if i == 0 else h * rng.uniform(0.78, 0.97)
        bd = d if i == 0 else d * rng.uniform(0.8, 1.0)
        x = -w / 2.0 + (bw + gap) * i + bw / 2.0
        parts.append(_box("book_%d" % (i + 1), (bw, bd, bh), (x, d / 2.0 - bd / 2.0, bh / 2.0), mats[i % len(mats)],
                          bevel=0.002))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
