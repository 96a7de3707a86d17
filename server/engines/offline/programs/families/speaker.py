"""Speaker: a cabinet with a woofer and a tweeter on the front baffle (a soundbar when wide and low)."""
import bpy
import math

PARAMS = {
    "width": 0.2,
    "depth": 0.2,
    "height": 0.3,
    "color": "#2b2b2b",
    "material": "wood",
    "driver_color": "#1c1c1c",
}


def build(p):
    """Cabinet, then drivers on the -Y face: one woofer and one tweeter, or a row of small drivers for soundbars."""
    w, d, h = p["width"], p["depth"], p["height"]
    cab = _mat("cabinet", p["color"], p["material"])
    cone = _mat("drivers", p.get("driver_color", "#1c1c1c"), "rubber")
    face = 0.006
    parts = [_box("cabinet", (w, d - face, h), (0.0, face / 2.0, h / 2.0), cab, bevel=min(0.005, min(w, d, h) * 0.1))]
    front = -d / 2.0 + face
    rot = (math.pi / 2.0, 0.0, 0.0)
    if w > h * 2.5:
        n = max(2, int(w / 0.12))
        r = min(h * 0.35, w / n * 0.35)
        for i in range(n):
            x = -w / 2.0 + w * (i + 0.5) / n
            parts.append(_cyl("driver_%d" % (i + 1), r, face, (x, front - face / 2.0, h / 2.0), cone, rot=rot, segments=20))
        return _done(parts)
    wr = min(w * 0.38, h * 0.25)
    tr = min(w * 0.15, h * 0.08)
    parts.append(_cyl("woofer", wr, face, (0.0, front - face / 2.0, h * 0.35), cone, rot=rot, segments=32))
    parts.append(_cyl("tweeter", tr, face, (0.0, front - face / 2.0, h * 0.75), cone, rot=rot, segments=20))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
