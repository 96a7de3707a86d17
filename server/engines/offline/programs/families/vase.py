"""Vase: a turned vessel with a round belly, a narrow neck and a flared lip."""
import bpy
import math

PARAMS = {
    "width": 0.15,
    "depth": 0.15,
    "height": 0.3,
    "color": "#1f7a7a",
    "material": "ceramic",
    "stems": 0,
}


def build(p):
    """Lathe profile scaled to width x depth; optional flower stems rising to the top."""
    w, d, h = p["width"], p["depth"], p["height"]
    glaze = _mat("glaze", p["color"], p["material"])
    r = w / 2.0
    n = max(0, int(p.get("stems", 0)))
    body_h = h * 0.7 if n else h
    prof = [(r * 0.55, 0.0), (r * 0.95, body_h * 0.25), (r, body_h * 0.4), (r * 0.7, body_h * 0.7),
            (r * 0.42, body_h * 0.85), (r * 0.6, body_h)]
    parts = [_lathe("body", prof, (0.0, 0.0, 0.0), glaze, segments=40, scale=(1.0, d / w))]
    stem = _mat("stems", "#3f7a3a", "foliage")
    bloom = _mat("blooms", "#e8b4b8", "fabric")
    for i in range(n):
        a = 2.0 * math.pi * i / n
        x, y = math.cos(a) * r * 0.25, math.sin(a) * r * 0.25 * d / w
        parts.append(_cyl("stem_%d" % (i + 1), 0.003, h - body_h * 0.5 - 0.02, (x, y, body_h * 0.5 + (h - body_h * 0.5 - 0.02) / 2.0),
                          stem, segments=6))
        parts.append(_sphere("bloom_%d" % (i + 1), 0.02, (x, y, h - 0.02), bloom, segments=12))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
