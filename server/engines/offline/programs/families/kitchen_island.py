"""Kitchen island: base cabinets facing -Y under a worktop that overhangs at the back for bar seating."""
import bpy
import math

PARAMS = {
    "width": 1.8,
    "depth": 0.9,
    "height": 0.92,
    "color": "#1f2a44",
    "material": "lacquer",
    "top_color": "#e8e6e1",
    "top_material": "marble",
    "handle_color": "#c9a34a",
    "doors": 3,
    "overhang": 0.25,
}


def build(p):
    """Plinth, carcass, doors and handles on the front, worktop over the whole footprint."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("cabinets", p["color"], p["material"])
    top = _mat("worktop", p.get("top_color", "#e8e6e1"), p.get("top_material", "marble"))
    metal = _mat("handles", p.get("handle_color", "#c9a34a"), "brass")
    top_t = min(0.04, h * 0.05)
    over = min(max(p.get("overhang", 0.25), 0.0), d * 0.4)
    plinth = min(0.1, h * 0.12)
    body_d = d - over - 0.05
    body_w = w - 0.04
    y_mid = -d / 2.0 + 0.045 + body_d / 2.0
    t = 0.018
    parts = [_box("worktop", (w, d, top_t), (0.0, 0.0, h - top_t / 2.0), top, bevel=0.004)]
    parts.append(_box("plinth", (body_w - 0.04, body_d - 0.06, plinth), (0.0, y_mid, plinth / 2.0), body))
    parts += _carcass(body_w, body_d, h - top_t - plinth, t, body, z0=plinth, y0=y_mid)
    front = y_mid - body_d / 2.0 - 0.018
    parts += _doors(-body_w / 2.0, body_w / 2.0, plinth + 0.002, h - top_t - 0.002, max(1, int(p.get("doors", 3))),
                    front, body, metal)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
