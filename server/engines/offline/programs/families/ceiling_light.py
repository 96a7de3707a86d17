"""Ceiling light: a canopy at the top (the ceiling side), a cord or rod, and a dome shade with a bulb."""
import bpy
import math

PARAMS = {
    "width": 0.5,
    "depth": 0.5,
    "height": 0.5,
    "color": "#2b2b2b",
    "material": "metal",
    "fixture": "pendant",
}


def build(p):
    """Canopy at z = height, cord down to a dome shade whose rim spans width x depth at z = 0."""
    w, d, h = p["width"], p["depth"], p["height"]
    shade_mat = _mat("shade", p["color"], p["material"])
    cord_mat = _mat("cord", "#1c1c1c", "rubber")
    bulb_mat = _glow("bulb", "#fff4d6", 8.0)
    r = w / 2.0
    rb = min(w, d) / 2.0
    flush = p.get("fixture", "pendant") == "flush" or h < 0.2
    canopy_h = min(0.03, h * 0.15)
    canopy = _cyl("canopy", min(0.06, rb * 0.5), canopy_h, (0.0, 0.0, h - canopy_h / 2.0), shade_mat, segments=24)
    shade_h = h - canopy_h if flush else min(h * 0.45, rb * 1.2)
    steps = 8
    prof = [(max(r * math.cos(math.pi / 2.0 * i / steps), 0.015), shade_h * math.sin(math.pi / 2.0 * i / steps))
            for i in range(steps + 1)]
    shade = _lathe("shade", prof, (0.0, 0.0, 0.0), shade_mat, segments=40, cap_bottom=False, cap_top=True,
                   scale=(1.0, d / w))
    parts = [canopy, shade]
    bulb_z = min(shade_h * 0.4, 0.08)
    parts.append(_sphere("bulb", min(0.04, rb * 0.3), (0.0, 0.0, bulb_z + 0.01), bulb_mat, segments=16))
    cord_h = h - canopy_h - shade_h
    if cord_h > 0.005:
        parts.append(_cyl("cord", 0.004, cord_h, (0.0, 0.0, shade_h + cord_h / 2.0), cord_mat, segments=8))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
