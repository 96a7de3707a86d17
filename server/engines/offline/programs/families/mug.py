"""Mug: a cylindrical cup with a rolled lip and a loop handle on the +X side."""
import bpy
import math

PARAMS = {
    "width": 0.09,
    "depth": 0.09,
    "height": 0.1,
    "color": "#f4f1ea",
    "material": "ceramic",
    "handle": True,
}


def build(p):
    """Cup (lathe with inner wall) sized so cup plus handle span the width; handle is half a torus."""
    w, d, h = p["width"], p["depth"], p["height"]
    glaze = _mat("glaze", p["color"], p["material"])
    handle = p.get("handle", True)
    hr = min(h * 0.28, w * 0.18) if handle else 0.0
    tube = hr * 0.25
    r = (w - hr - tube) / 2.0 if handle else w / 2.0
    cx = -(w / 2.0 - r) if handle else 0.0
    t = min(0.005, r * 0.1)
    prof = [(r * 0.92, 0.0), (r, h * 0.05), (r, h), (r - t, h), (r - t, h * 0.08)]
    cup = _lathe("cup", prof, (cx, 0.0, 0.0), glaze, segments=32, cap_top=True, scale=(1.0, (d / 2.0) / r))
    parts = [cup]
    if handle:
        # A half torus turned upright so that its arc bulges toward +X.
        parts.append(_torus("handle", hr, tube, (cx + r, 0.0, h * 0.52), glaze, rot=(math.pi / 2.0, math.pi / 2.0, 0.0),
                            arc=math.pi, segments=16, ring=8))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
