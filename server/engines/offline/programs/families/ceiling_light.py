"""Ceiling light: a canopy at the top (the ceiling side), then a cord and dome shade (pendant), a flush dome, or a chandelier's arms and candle bulbs."""
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
    if p.get("fixture", "pendant") == "chandelier":
        # Chandelier: a central stem from the canopy, a hub and arms ending in candle bulbs on a ring of radius ~w/2.
        arms = 8
        hub_r = min(0.06, rb * 0.2)
        hub_z = hub_r
        parts = [canopy, _cyl("stem", 0.01, h - canopy_h - hub_z, (0.0, 0.0, hub_z + (h - canopy_h - hub_z) / 2.0), shade_mat,
                              segments=12), _sphere("hub", hub_r, (0.0, 0.0, hub_z), shade_mat, segments=16)]
        ring = rb - 0.025
        for i in range(arms):
            a = 2.0 * math.pi * i / arms
            x, y = ring * math.cos(a) * (w / (2.0 * rb)), ring * math.sin(a) * (d / (2.0 * rb))
            ln = math.hypot(x, y)
            parts.append(_cyl("arm_%d" % (i + 1), 0.008, ln, (x / 2.0, y / 2.0, hub_z), shade_mat,
                              rot=(0.0, math.pi / 2.0, a), segments=8))
            parts.append(_cyl("cup_%d" % (i + 1), 0.025, 0.03, (x, y, hub_z + 0.015), shade_mat, segments=12))
            parts.append(_sphere("bulb_%d" % (i + 1), 0.02, (x, y, hub_z + 0.06), bulb_mat, segments=12))
        return _done(parts)
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
