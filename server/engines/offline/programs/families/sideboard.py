"""Sideboard: a long low case on legs, a row of drawers over hinged doors, with handles."""
import bpy
import math

PARAMS = {
    "width": 1.6,
    "depth": 0.45,
    "height": 0.8,
    "color": "#9a6a3c",
    "material": "teak",
    "handle_color": "#c9a34a",
    "drawers": 3,
    "doors": 3,
    "leg_height": 0.15,
}


def build(p):
    """Tapered legs, carcass, drawer row at the top and doors below it."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    brass = _mat("handles", p.get("handle_color", "#c9a34a"), "brass")
    handle_d = 0.024
    body_d = d - handle_d - 0.018
    y_mid = d / 2.0 - body_d / 2.0
    leg_h = min(max(p.get("leg_height", 0.15), 0.0), h * 0.35)
    t = 0.02
    parts = []
    if leg_h > 0.005:
        legs = _four_legs(w, body_d, leg_h, 0.04, wood, inset=0.04, round_legs=True)
        for obj in legs:
            obj.location.y += y_mid
        parts += legs
    parts += _carcass(w, body_d, h - leg_h, t, wood, z0=leg_h, y0=y_mid)
    front = y_mid - body_d / 2.0 - 0.018
    n_dr = max(0, int(p.get("drawers", 3)))
    split = h - t - (h - leg_h) * 0.22 if n_dr else h - t
    if n_dr:
        parts += _drawers(-w / 2.0 + t, w / 2.0 - t, split, h - t, 1, n_dr, front, wood, brass, knob_r=handle_d / 2.0)
    n_do = max(1, int(p.get("doors", 3)))
    parts += _doors(-w / 2.0 + t, w / 2.0 - t, leg_h + t, split, n_do, front, wood, brass)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
