"""Stool: round seat on four legs joined by stretchers."""
import bpy
import math

PARAMS = {
    "width": 0.4,
    "depth": 0.4,
    "height": 0.45,
    "color": "#b58a55",
    "material": "oak",
    "legs": 4,
}


def build(p):
    """Seat disc (elliptic when width != depth), legs on a circle, a stretcher ring at 1/3 height."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("frame", p["color"], p["material"])
    seat_t = min(0.04, h * 0.12)
    seat = _cyl("seat", w / 2.0, seat_t, (0.0, 0.0, h - seat_t / 2.0), wood, segments=32)
    seat.scale = (1.0, d / w, 1.0)
    parts = [seat]
    n = max(3, int(p.get("legs", 4)))
    leg_r = max(0.012, min(w, d) * 0.045)
    leg_h = h - seat_t
    for i in range(n):
        a = 2.0 * math.pi * (i + 0.5) / n
        x = math.cos(a) * (w / 2.0 - leg_r * 2.0)
        y = math.sin(a) * (d / 2.0 - leg_r * 2.0)
        parts.append(_cyl("leg_%d" % (i + 1), leg_r, leg_h, (x, y, leg_h / 2.0), wood, segments=12))
    ring_rx = w / 2.0 - leg_r * 2.0
    ring_ry = d / 2.0 - leg_r * 2.0
    ring = _torus("stretcher", ring_rx, leg_r * 0.6, (0.0, 0.0, leg_h * 0.33), wood)
    ring.scale = (1.0, ring_ry / ring_rx, 1.0)
    parts.append(ring)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
