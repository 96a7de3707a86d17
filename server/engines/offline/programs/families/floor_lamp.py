"""Floor lamp: a weighted round base, a slim pole and a drum shade with a bulb inside."""
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
    base = _cyl("base", rb * 0.7, base_h, (0.0, 0.0, base_h / 2.0), metal, segments=32)
    pole_h = h - shade_h * 0.5 - base_h
    pole = _cyl("pole", 0.012, pole_h, (0.0, 0.0, base_h + pole_h / 2.0), metal, segments=12)
    bulb = _sphere("bulb", 0.035, (0.0, 0.0, h - shade_h * 0.55), bulb_mat, segments=16)
    shade = _lathe("shade", [(r, h - shade_h), (r * 0.8, h)], (0.0, 0.0, 0.0), shade_mat, segments=40,
                   cap_bottom=False, scale=(1.0, d / w))
    return _done([base, pole, bulb, shade])


if __name__ == "__main__":
    build(PARAMS)
