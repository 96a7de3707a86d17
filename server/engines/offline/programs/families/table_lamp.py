"""Table lamp: a ceramic body on a small foot, a neck with a bulb and a tapered fabric shade."""
import bpy
import math

PARAMS = {
    "width": 0.3,
    "depth": 0.3,
    "height": 0.5,
    "color": "#f3e9d2",
    "material": "linen",
    "base_color": "#3f6f7a",
    "base_material": "ceramic",
}


def build(p):
    """Turned body (lathe), neck, bulb, and an open shade spanning width x depth at the top."""
    w, d, h = p["width"], p["depth"], p["height"]
    shade_mat = _mat("shade", p["color"], p["material"])
    body_mat = _mat("base", p.get("base_color", "#3f6f7a"), p.get("base_material", "ceramic"))
    bulb_mat = _glow("bulb", "#fff4d6", 8.0)
    r = w / 2.0
    rb = min(w, d) / 2.0
    shade_h = h * 0.42
    body_h = h * 0.45
    br = rb * 0.45
    body = _lathe("base", [(br * 0.6, 0.0), (br, body_h * 0.35), (br * 0.9, body_h * 0.75), (br * 0.3, body_h)],
                  (0.0, 0.0, 0.0), body_mat, segments=32, cap_top=True)
    neck_h = h - shade_h * 0.6 - body_h
    neck = _cyl("neck", 0.01, neck_h, (0.0, 0.0, body_h + neck_h / 2.0), body_mat, segments=12)
    bulb = _sphere("bulb", min(0.03, rb * 0.3), (0.0, 0.0, h - shade_h * 0.55), bulb_mat, segments=16)
    shade = _lathe("shade", [(r, h - shade_h), (r * 0.7, h)], (0.0, 0.0, 0.0), shade_mat, segments=40,
                   cap_bottom=False, scale=(1.0, d / w))
    return _done([body, neck, bulb, shade])


if __name__ == "__main__":
    build(PARAMS)
