"""TV stand: a low media console on legs with an open middle shelf between two doors."""
import bpy
import math

PARAMS = {
    "width": 1.6,
    "depth": 0.45,
    "height": 0.5,
    "color": "#3b2a20",
    "material": "walnut",
    "handle_color": "#1c1c1c",
    "doors": 2,
    "leg_height": 0.1,
}


def build(p):
    """Legs, carcass, a divider pair around an open bay with a shelf, and doors on both sides."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    metal = _mat("handles", p.get("handle_color", "#1c1c1c"), "metal")
    handle_d = 0.024
    body_d = d - handle_d - 0.018
    y_mid = d / 2.0 - body_d / 2.0
    leg_h = min(max(p.get("leg_height", 0.1), 0.0), h * 0.3)
    t = 0.02
    parts = []
    if leg_h > 0.005:
        legs = _four_legs(w, body_d, leg_h, 0.04, wood, inset=0.03)
        for obj in legs:
            obj.location.y += y_mid
        parts += legs
    parts += _carcass(w, body_d, h - leg_h, t, wood, z0=leg_h, y0=y_mid)
    doors = max(0, int(p.get("doors", 2)))
    front = y_mid - body_d / 2.0 - 0.018
    bay = w * 0.4 if doors else w - 2 * t
    for i, x in enumerate((-bay / 2.0 - t / 2.0, bay / 2.0 + t / 2.0)):
        if doors:
            parts.append(_box("divider_%d" % (i + 1), (t, body_d - t, h - leg_h - 2 * t), (x, y_mid, (leg_h + h) / 2.0),
                              wood))
    parts.append(_box("open_shelf", (bay, body_d - t, t), (0.0, y_mid, (leg_h + h) / 2.0), wood))
    if doors:
        side_w = (w - bay - 2 * t) / 2.0
        half = max(1, doors // 2)
        parts += _doors(-w / 2.0 + t / 2.0, -w / 2.0 + t / 2.0 + side_w, leg_h + t, h - t, half, front, wood, metal)
        parts += _doors(w / 2.0 - t / 2.0 - side_w, w / 2.0 - t / 2.0, leg_h + t, h - t, max(1, doors - half), front, wood,
                        metal, first=half + 1)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
