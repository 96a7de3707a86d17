"""Wardrobe: a tall case on a plinth with full-height doors, long vertical handles, hanging rail and a top shelf."""
import bpy
import math

PARAMS = {
    "width": 1.2,
    "depth": 0.6,
    "height": 2.0,
    "color": "#f1efe8",
    "material": "paint",
    "handle_color": "#9a9a9a",
    "doors": 2,
    "drawers": 0,
    "plinth_height": 0.08,
}


def build(p):
    """Plinth, carcass, interior rail and shelf, optional bottom drawers, doors and handles."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("body", p["color"], p["material"])
    metal = _mat("handles", p.get("handle_color", "#9a9a9a"), "brushed_steel")
    handle_d = 0.024
    body_d = d - handle_d - 0.02
    y_mid = d / 2.0 - body_d / 2.0
    plinth = min(max(p.get("plinth_height", 0.08), 0.0), h * 0.1)
    t = 0.02
    parts = []
    if plinth > 0.005:
        parts.append(_box("plinth", (w - 0.04, body_d - 0.04, plinth), (0.0, y_mid, plinth / 2.0), body))
    parts += _carcass(w, body_d, h - plinth, t, body, z0=plinth, y0=y_mid)
    parts.append(_box("top_shelf", (w - 2 * t, body_d - t, t), (0.0, y_mid, h - 0.3), body))
    parts.append(_cyl("hanging_rail", 0.012, w - 2 * t, (0.0, y_mid, h - 0.38), metal, rot=(0.0, math.pi / 2.0, 0.0)))
    front = y_mid - body_d / 2.0 - 0.02
    n_dr = max(0, int(p.get("drawers", 0)))
    door_z0 = plinth
    if n_dr:
        door_z0 = plinth + min(0.2 * n_dr, (h - plinth) * 0.4)
        parts += _drawers(-w / 2.0 + t, w / 2.0 - t, plinth, door_z0, n_dr, 1, front, body, metal,
                          knob_r=handle_d / 2.0)
    parts += _doors(-w / 2.0 + 0.002, w / 2.0 - 0.002, door_z0 + 0.002, h - 0.002, max(1, int(p.get("doors", 2))),
                    front, body, metal)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
