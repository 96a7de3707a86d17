"""Bar stool: padded round seat on a chrome column, footrest ring and a weighted base; optional low backrest."""
import bpy
import math

PARAMS = {
    "width": 0.4,
    "depth": 0.4,
    "height": 0.75,
    "color": "#1c1c1c",
    "material": "leather",
    "frame_color": "#c0c0c0",
    "backrest": False,
}


def build(p):
    """Base disc, column, footrest ring, seat cushion and optional backrest; seat top at height (or backrest top)."""
    w, d, h = p["width"], p["depth"], p["height"]
    pad = _mat("seat", p["color"], p["material"])
    metal = _mat("frame", p.get("frame_color", "#c0c0c0"), "chrome")
    r = min(w, d) / 2.0
    back = p.get("backrest", False)
    seat_top = h * 0.78 if back else h
    parts = []
    base = _cyl("base", r * 0.85, 0.03, (0.0, 0.0, 0.015), metal, segments=32)
    base.scale = (w / min(w, d), d / min(w, d), 1.0)
    parts.append(base)
    seat_t = min(0.08, seat_top * 0.12)
    col_h = seat_top - seat_t - 0.03
    parts.append(_cyl("column", 0.025, col_h, (0.0, 0.0, 0.03 + col_h / 2.0), metal))
    ring_r = r * 0.75
    parts.append(_torus("footrest", ring_r, 0.012, (0.0, 0.0, seat_top * 0.38), metal))
    seat = _cyl("seat", r, seat_t, (0.0, 0.0, seat_top - seat_t / 2.0), pad, segments=32)
    seat.scale = (w / min(w, d), d / min(w, d), 1.0)
    parts.append(seat)
    if back:
        back_h = h - seat_top
        parts.append(_box("back_post", (0.03, 0.02, back_h), (0.0, d / 2.0 - 0.03, seat_top + back_h / 2.0), metal))
        parts.append(_box("backrest", (w * 0.7, 0.04, back_h * 0.6), (0.0, d / 2.0 - 0.02, h - back_h * 0.3), pad,
                          bevel=0.015, smooth=True))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
