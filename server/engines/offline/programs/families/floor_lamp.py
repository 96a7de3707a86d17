"""Floor lamp: a weighted round base, a slim pole and a drum shade with a bulb inside; arc and tripod forms."""
import bpy
import math

PARAMS = {
    "width": 0.4,
    "depth": 0.4,
    "height": 1.6,
    "color": "#f3e9d2",
    "material": "linen",
    "frame_color": "#2b2b2b",
    "frame_material": "metal",
    "form": "standard",
}


def build(p):
    """Base disc, pole, bulb and an open shade whose rim spans width x depth at the top."""
    w, d, h = p["width"], p["depth"], p["height"]
    shade_mat = _mat("shade", p["color"], p["material"])
    metal = _mat("frame", p.get("frame_color", "#2b2b2b"), p.get("frame_material", "metal"))
    bulb_mat = _glow("bulb", "#fff4d6", 8.0)
    r = w / 2.0
    rb = min(w, d) / 2.0
    shade_h = min(0.35, h * 0.25)
    base_h = 0.03
    form = p.get("form", "standard")
    if form == "arc" and d > 0.6:
        # Arc lamp: heavy base at the back (+Y), a bent pole of straight segments reaching forward, shade hung at its end.
        rr = min(0.18, w / 2.0)
        rs = w / 2.0
        parts = [_cyl("base", rr, 0.05, (0.0, d / 2.0 - rr, 0.025), metal, segments=32)]
        y_end = -d / 2.0 + rs
        top = h - 0.02
        pts = []
        for i in range(9):
            a = math.pi / 2.0 * i / 8.0
            pts.append((d / 2.0 - rr - (d / 2.0 - rr - y_end) * (1.0 - math.cos(a)), 0.05 + (top - 0.05) * math.sin(a)))
        for i in range(8):
            (y0, z0), (y1, z1) = pts[i], pts[i + 1]
            ln = math.hypot(y1 - y0, z1 - z0)
            parts.append(_cyl("pole_%d" % (i + 1), 0.012, ln, (0.0, (y0 + y1) / 2.0, (z0 + z1) / 2.0), metal,
                              rot=(math.atan2(y0 - y1, z1 - z0), 0.0, 0.0), segments=12))
        parts.append(_sphere("bulb", 0.035, (0.0, y_end, h - 0.28), bulb_mat, segments=16))
        parts.append(_lathe("shade", [(rs, h - 0.32), (rs * 0.3, h)], (0.0, y_end, 0.0), shade_mat, segments=40,
                            cap_bottom=False))
        return _done(parts)
    if form == "tripod":
        spread = min(w, d) / 2.0 * 0.9
        leg_h = h - shade_h * 0.5
        parts = []
        for i in range(3):
            a = 2.0 * math.pi * i / 3.0 + math.pi / 2.0
            x, y = spread * 0.5 * math.cos(a), spread * 0.5 * math.sin(a)
            ln = math.hypot(spread, leg_h)
            tilt = math.atan2(spread, leg_h)
            parts.append(_cyl("tripod_leg_%d" % (i + 1), 0.012, ln, (x, y, leg_h / 2.0), metal,
                              rot=(tilt * math.sin(a), -tilt * math.cos(a), 0.0), segments=10))
        parts.append(_sphere("bulb", 0.035, (0.0, 0.0, h - shade_h * 0.55), bulb_mat, segments=16))
        parts.append(_lathe("shade", [(r, h - shade_h), (r * 0.8, h)], (0.0, 0.0, 0.0), shade_mat, segments=40,
                            cap_bottom=False, scale=(1.0, d / w)))
        return _done(parts)
    base = _cyl("base", rb * 0.7, base_h, (0.0, 0.0, base_h / 2.0), metal, segments=32)
    pole_h = h - shade_h * 0.5 - base_h
    pole = _cyl("pole", 0.012, pole_h, (0.0, 0.0, base_h + pole_h / 2.0), metal, segments=12)
    bulb = _sphere("bulb", 0.035, (0.0, 0.0, h - shade_h * 0.55), bulb_mat, segments=16)
    shade = _lathe("shade", [(r, h - shade_h), (r * 0.8, h)], (0.0, 0.0, 0.0), shade_mat, segments=40,
                   cap_bottom=False, scale=(1.0, d / w))
    return _done([base, pole, bulb, shade])


if __name__ == "__main__":
    build(PARAMS)
