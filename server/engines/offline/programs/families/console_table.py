"""Console table: a narrow top on slim legs with front drawers under the top and a lower shelf."""
import bpy
import math

PARAMS = {
    "width": 1.2,
    "depth": 0.4,
    "height": 0.8,
    "color": "#3b2a20",
    "material": "walnut",
    "knob_color": "#c9a34a",
    "drawers": 2,
    "shelf": True,
}


def build(p):
    """Top, legs, drawer box with fronts and knobs, lower shelf; knobs stay inside the depth."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    brass = _mat("knobs", p.get("knob_color", "#c9a34a"), "brass")
    knob_r = 0.012
    body_d = d - 2 * knob_r
    top_t = min(0.03, h * 0.06)
    leg = max(0.035, min(w, body_d) * 0.09)
    parts = [_box("top", (w, body_d, top_t), (0.0, knob_r, h - top_t / 2.0), wood, bevel=0.005)]
    leg_h = h - top_t
    legs = _four_legs(w, body_d, leg_h, leg, wood, inset=0.02)
    for obj in legs:
        obj.location.y += knob_r
    parts += legs
    n = max(0, int(p.get("drawers", 2)))
    if n:
        dh = min(0.14, leg_h * 0.2)
        inner = w - 0.04 - 2 * leg
        front_y = -body_d / 2.0 + knob_r + 0.02
        parts.append(_box("drawer_case", (inner, body_d - 0.04, dh), (0.0, knob_r, h - top_t - dh / 2.0), wood))
        fw = inner / n
        for i in range(n):
            x = -inner / 2.0 + fw * (i + 0.5)
            parts.append(_box("drawer_%d" % (i + 1), (fw - 0.006, 0.018, dh - 0.012),
                              (x, front_y - 0.009, h - top_t - dh / 2.0), wood))
            parts.append(_knob("knob_%d" % (i + 1), x, front_y - 0.018, h - top_t - dh / 2.0, brass, knob_r))
    if p.get("shelf", True):
        parts.append(_box("shelf", (w - 0.04 - leg, body_d - 0.04 - leg, 0.02), (0.0, knob_r, h * 0.18), wood))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
