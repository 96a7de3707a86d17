"""Office chair: five-star base on casters, gas lift, padded seat and backrest, optional armrests."""
import bpy
import math

PARAMS = {
    "width": 0.62,
    "depth": 0.62,
    "height": 1.1,
    "color": "#2b2b2b",
    "material": "fabric",
    "frame_color": "#1c1c1c",
    "armrests": True,
    "seat_height": 0.48,
}

JOINTS = [
    {"name": "seat_swivel", "type": "revolute", "parent": "gas_lift", "swivel": True,
     "children": ["seat", "back_post", "backrest", "arm_post_1?", "armrest_1?", "arm_post_2?", "armrest_2?"],
     "axis": [0, 0, 1], "origin": [0, 0, 0], "limits": [-180, 180]},
]


def build(p):
    """Star base with casters, column, seat, backrest posts and back pad, arms; front faces -Y."""
    w, d, h = p["width"], p["depth"], p["height"]
    pad = _mat("upholstery", p["color"], p["material"])
    frame = _mat("frame", p.get("frame_color", "#1c1c1c"), "plastic")
    metal = _mat("column", "#9a9a9a", "chrome")
    caster_r = 0.025
    seat_top = min(max(p.get("seat_height", 0.48), 0.3), h * 0.55)
    reach = min(w, d) / 2.0 - caster_r
    parts = []
    for i in range(5):
        a = math.radians(90 + 72 * i)
        x, y = math.cos(a) * reach, math.sin(a) * reach
        spoke_len = reach
        parts.append(_box("spoke_%d" % (i + 1), (spoke_len, 0.04, 0.03),
                          (x / 2.0, y / 2.0, 2 * caster_r + 0.015), frame, rot=(0.0, 0.0, a)))
        parts.append(_sphere("caster_%d" % (i + 1), caster_r, (x, y, caster_r), frame, segments=12))
    seat_t = 0.08
    col_h = seat_top - seat_t - 2 * caster_r - 0.03
    parts.append(_cyl("gas_lift", 0.025, col_h, (0.0, 0.0, 2 * caster_r + 0.03 + col_h / 2.0), metal))
    arm_w = 0.05 if p.get("armrests", True) else 0.0
    back_t = 0.06
    seat_d = d - back_t - 0.04
    parts.append(_box("seat", (w - 2 * arm_w - (0.02 if arm_w else 0.0), seat_d, seat_t),
                      (0.0, -d / 2.0 + seat_d / 2.0, seat_top - seat_t / 2.0), pad, bevel=0.03, smooth=True))
    back_h = h - seat_top - 0.06
    parts.append(_box("back_post", (0.05, 0.03, back_h * 0.6 + 0.06),
                      (0.0, d / 2.0 - back_t - 0.015, seat_top + back_h * 0.3 - 0.03), frame))
    parts.append(_box("backrest", (w * 0.75, back_t, back_h), (0.0, d / 2.0 - back_t / 2.0, h - back_h / 2.0), pad,
                      bevel=0.03, smooth=True))
    if arm_w:
        arm_z = seat_top + 0.2
        for i, x in enumerate((-w / 2.0 + arm_w / 2.0, w / 2.0 - arm_w / 2.0)):
            parts.append(_box("arm_post_%d" % (i + 1), (0.025, 0.04, 0.2), (x, 0.0, seat_top + 0.08), frame))
            parts.append(_box("armrest_%d" % (i + 1), (arm_w, d * 0.45, 0.03), (x, -0.02, arm_z), frame, bevel=0.01))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
