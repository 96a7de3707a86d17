"""Basket: a woven, slightly tapered open basket with horizontal bands and two side handles."""
import bpy
import math

PARAMS = {
    "width": 0.4,
    "depth": 0.3,
    "height": 0.3,
    "color": "#c19a5b",
    "material": "wicker",
    "bands": 4,
    "handles": 2,
}


def build(p):
    """Open tapered shell (lathe, scaled to the footprint), woven bands and loop handles inside the box."""
    w, d, h = p["width"], p["depth"], p["height"]
    weave = _mat("weave", p["color"], p["material"])
    n_h = max(0, int(p.get("handles", 2)))
    handle_h = min(0.06, h * 0.2) if n_h else 0.0
    body_h = h - handle_h
    r = w / 2.0
    sy = d / w
    t = min(0.01, r * 0.06)
    prof = [(r * 0.85, 0.0), (r, body_h), (r - t, body_h), (r * 0.85 - t, t)]
    parts = [_lathe("shell", prof, (0.0, 0.0, 0.0), weave, segments=40, cap_bottom=True, cap_top=True, scale=(1.0, sy))]
    bands = max(0, int(p.get("bands", 4)))
    for i in range(bands):
        z = body_h * (i + 0.5) / (bands + 0.5)
        rr = r * (0.85 + 0.15 * z / body_h)
        band = _torus("band_%d" % (i + 1), rr, 0.004, (0.0, 0.0, z), weave, segments=40, ring=6)
        band.scale = (1.0, sy, 1.0)
        parts.append(band)
    for i in range(min(n_h, 2)):
        x = (r - t) * (-1 if i == 0 else 1)
        parts.append(_torus("handle_%d" % (i + 1), handle_h - 0.006, 0.006, (x * 0.98, 0.0, body_h), weave,
                            rot=(math.pi / 2.0, 0.0, math.pi / 2.0), arc=math.pi, segments=12, ring=6))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
