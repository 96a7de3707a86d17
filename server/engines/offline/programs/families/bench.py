"""Bench: a slatted seat on two panel ends with a lower stretcher; optional backrest."""
import bpy
import math

PARAMS = {
    "width": 1.2,
    "depth": 0.4,
    "height": 0.45,
    "color": "#9a6a3c",
    "material": "wood",
    "backrest": False,
    "slats": 4,
}


def build(p):
    """Two end panels, seat slats, stretcher; with a backrest the seat sits at 45% of the height."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("frame", p["color"], p["material"])
    back = p.get("backrest", False)
    seat_top = min(0.46, h * 0.5) if back else h
    seat_t = min(0.035, seat_top * 0.1)
    end_t = min(0.05, w * 0.06)
    parts = []
    for i, x in enumerate((-w / 2.0 + end_t / 2.0, w / 2.0 - end_t / 2.0)):
        parts.append(_box("end_panel_%d" % (i + 1), (end_t, d * 0.9, seat_top - seat_t),
                          (x, 0.0, (seat_top - seat_t) / 2.0), wood))
    parts.append(_box("stretcher", (w - 2 * end_t, 0.04, 0.06), (0.0, 0.0, (seat_top - seat_t) * 0.3), wood))
    n = max(1, int(p.get("slats", 4)))
    gap = 0.01
    slat_d = (d - gap * (n - 1)) / n
    for i in range(n):
        y = -d / 2.0 + slat_d / 2.0 + i * (slat_d + gap)
        parts.append(_box("slat_%d" % (i + 1), (w, slat_d, seat_t), (0.0, y, seat_top - seat_t / 2.0), wood,
                          bevel=0.004))
    if back:
        back_h = h - seat_top
        for i, x in enumerate((-w / 2.0 + end_t / 2.0, w / 2.0 - end_t / 2.0)):
            parts.append(_box("back_post_%d" % (i + 1), (end_t, 0.04, back_h), (x, d / 2.0 - 0.02, seat_top + back_h / 2.0),
                              wood))
        parts.append(_box("backrest", (w - 2 * end_t, 0.03, back_h * 0.5), (0.0, d / 2.0 - 0.02, h - back_h * 0.25),
                          wood))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
