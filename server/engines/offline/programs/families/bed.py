"""Bed: frame on legs, mattress, duvet, pillows, optional headboard at the back (+Y), canopy posts and storage drawers."""
import bpy
import math

PARAMS = {
    "width": 1.6,
    "depth": 2.1,
    "height": 1.0,
    "color": "#8b5a2b",
    "material": "wood",
    "secondary_color": "#f1efe8",
    "headboard": True,
    "footboard": False,
    "pillows": 2,
    "leg_height": 0.12,
    "mattress": "queen",
    "canopy": False,
    "storage": False,
}


def build(p):
    """Builds the bed; the headboard defines the height, without it the mattress top does."""
    w, d, h = p["width"], p["depth"], p["height"]
    frame = _mat("frame", p["color"], p["material"])
    bedding = _mat("bedding", p.get("secondary_color", "#f1efe8"), "cotton")
    board_t = min(0.06, d * 0.05) if p.get("headboard", True) else 0.0
    base_top = min(max(p.get("leg_height", 0.12), 0.03) + 0.2, h * 0.55 if board_t else h * 0.6)
    leg_h = max(base_top - 0.2, 0.02)
    mattress_h = (min(0.24, h - base_top) if board_t else h - base_top)
    body_d = d - board_t
    y_mid = -board_t / 2.0
    parts = _four_legs(w, body_d, leg_h, 0.07, frame, inset=0.03)
    for leg in parts:
        leg.location.y += y_mid
    parts.append(_box("frame", (w, body_d, base_top - leg_h), (0.0, y_mid, (leg_h + base_top) / 2.0), frame))
    parts.append(_box("mattress", (w - 0.04, body_d - 0.04, mattress_h * 0.8),
                      (0.0, y_mid, base_top + mattress_h * 0.4), bedding, bevel=0.04, smooth=True))
    duvet_d = (body_d - 0.04) * 0.7
    parts.append(_box("duvet", (w - 0.02, duvet_d, mattress_h * 0.2),
                      (0.0, y_mid - (body_d - 0.04) / 2.0 + duvet_d / 2.0, base_top + mattress_h * 0.9),
                      bedding, bevel=0.03, smooth=True))
    n = max(0, int(p.get("pillows", 2)))
    pw = max(0.08, min(0.6, (w - 0.1) / max(n, 1) - 0.04))
    pillow_h = min(0.12, max(h - base_top - mattress_h * 0.8, 0.02))
    for i in range(n):
        x = -w / 2.0 + 0.05 + (i + 0.5) * (w - 0.1) / n
        y = y_mid + body_d / 2.0 - 0.04 - 0.22
        parts.append(_box("pillow_%d" % (i + 1), (pw, 0.38, pillow_h),
                          (x, y, base_top + mattress_h * 0.8 + pillow_h / 2.0), bedding, bevel=0.04, smooth=True))
    if board_t:
        parts.append(_box("headboard", (w, board_t, h), (0.0, d / 2.0 - board_t / 2.0, h / 2.0), frame, bevel=0.01))
    if p.get("canopy", False) and h > 1.2:
        post = 0.06
        for i, (x, y) in enumerate(((-w / 2.0 + post / 2.0, -d / 2.0 + post / 2.0), (w / 2.0 - post / 2.0, -d / 2.0 + post / 2.0),
                                    (-w / 2.0 + post / 2.0, d / 2.0 - post / 2.0), (w / 2.0 - post / 2.0, d / 2.0 - post / 2.0))):
            parts.append(_box("canopy_post_%d" % (i + 1), (post, post, h), (x, y, h / 2.0), frame))
        for i, y in enumerate((-d / 2.0 + post / 2.0, d / 2.0 - post / 2.0)):
            parts.append(_box("canopy_rail_%d" % (i + 1), (w, post, post), (0.0, y, h - post / 2.0), frame))
        for i, x in enumerate((-w / 2.0 + post / 2.0, w / 2.0 - post / 2.0)):
            parts.append(_box("canopy_rail_%d" % (i + 3), (post, d, post), (x, 0.0, h - post / 2.0), frame))
    if p.get("storage", False):
        dh = max(0.05, base_top - leg_h - 0.02)
        dw = w * 0.42
        for i, x in enumerate((-w * 0.24, w * 0.24)):
            parts.append(_box("storage_drawer_%d" % (i + 1), (dw, 0.02, dh), (x, y_mid - body_d / 2.0 - 0.01, (leg_h + base_top) / 2.0),
                              frame, bevel=0.003))
    if p.get("footboard", False):
        fh = min(base_top + mattress_h * 0.6, h)
        parts.append(_box("footboard", (w, 0.04, fh), (0.0, -d / 2.0 + 0.02, fh / 2.0), frame))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
