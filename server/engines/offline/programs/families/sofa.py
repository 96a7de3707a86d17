"""Sofa: straight, L-shaped sectional, chaise or U-shaped; upholstered base on legs, seat and back cushions, arms."""
import bpy
import math

PARAMS = {
    "width": 2.0,
    "depth": 0.9,
    "height": 0.85,
    "color": "#6f7f8f",
    "material": "fabric",
    "leg_color": "#3b2a20",
    "seats": 3,
    "armrests": True,
    "leg_height": 0.1,
    "seat_height": 0.44,
    "layout": "straight",
    "corner_side": "right",
}


def _sofa_run(name, x0, x1, y0, y1, h, seats, cloth, wood, leg_h, seat_top, arm_left, arm_right, back):
    """One straight run of sofa over x0..x1 (m) and y0..y1 (back at y1): base, cushions, optional back and arms."""
    w, d = x1 - x0, y1 - y0

    def nm(part):
        """Part name inside this run (no prefix for a straight sofa's only run)."""
        return "%s_%s" % (name, part) if name else part

    cx, cy = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    arm_w = min(0.2, w * 0.1)
    frame_t = min(0.16, d * 0.18) if back else 0.0
    parts = []
    if leg_h > 0.005:
        for leg in _four_legs(w, d, leg_h, 0.05, wood, inset=0.05, prefix=nm("leg")):
            leg.location.x += cx
            leg.location.y += cy
            parts.append(leg)
    base_h = (seat_top - leg_h) * 0.5
    parts.append(_box(nm("base"), (w, d, base_h), (cx, cy, leg_h + base_h / 2.0), cloth, bevel=0.02))
    if back:
        back_h = h - leg_h - base_h
        parts.append(_box(nm("backrest"), (w, frame_t, back_h), (cx, y1 - frame_t / 2.0, leg_h + base_h + back_h / 2.0),
                          cloth, bevel=0.03))
    left = arm_w if arm_left else 0.0
    right = arm_w if arm_right else 0.0
    inner = w - left - right
    seat_w = inner / seats
    cush_h = seat_top - leg_h - base_h
    cush_d = d - frame_t
    back_cush_t = min(0.18, cush_d * 0.25)
    back_cush_h = min(h - seat_top - 0.03, 0.45)
    for i in range(seats):
        x = x0 + left + seat_w * (i + 0.5)
        parts.append(_box(nm("seat_cushion_%d" % (i + 1)), (seat_w - 0.01, cush_d, cush_h),
                          (x, y0 + cush_d / 2.0, leg_h + base_h + cush_h / 2.0), cloth, bevel=0.03, smooth=True))
        if back and back_cush_h > 0.05:
            parts.append(_box(nm("back_cushion_%d" % (i + 1)), (seat_w - 0.02, back_cush_t, back_cush_h),
                              (x, y1 - frame_t - back_cush_t / 2.0, seat_top + back_cush_h / 2.0), cloth,
                              bevel=0.04, smooth=True))
    arm_h = min(seat_top + 0.2, h - 0.04) - leg_h - base_h
    for flag, x in ((arm_left, x0 + arm_w / 2.0), (arm_right, x1 - arm_w / 2.0)):
        if flag:
            parts.append(_box(nm("arm_%d" % (1 if x < cx else 2)), (arm_w, d, arm_h),
                              (x, cy, leg_h + base_h + arm_h / 2.0), cloth, bevel=0.04, smooth=True))
    return parts


def build(p):
    """A main run along the back (+Y); L-shaped/corner and chaise layouts add a return on ``corner_side``, U-shaped on both."""
    w, d, h = p["width"], p["depth"], p["height"]
    cloth = _mat("upholstery", p["color"], p["material"])
    wood = _mat("legs", p.get("leg_color", "#3b2a20"), "wood")
    seats = max(1, int(p.get("seats", 3)))
    leg_h = min(max(p.get("leg_height", 0.1), 0.0), h * 0.2)
    seat_top = min(max(p.get("seat_height", 0.44), leg_h + 0.15), h * 0.7)
    arms = p.get("armrests", True)
    layout = p.get("layout", "straight")
    if layout not in ("l_shaped", "chaise", "u_shaped") or d < 1.2:
        parts = _sofa_run("", -w / 2.0, w / 2.0, -d / 2.0, d / 2.0, h, seats, cloth, wood, leg_h, seat_top, arms, arms, True)
        return _done(parts)
    run_d = min(max(0.8, d * 0.55), d - 0.4)
    ret_w = min(run_d, w * 0.4)
    sides = ["left", "right"] if layout == "u_shaped" else [p.get("corner_side", "right")]
    x0 = -w / 2.0 + (ret_w if "left" in sides else 0.0)
    x1 = w / 2.0 - (ret_w if "right" in sides else 0.0)
    parts = _sofa_run("sofa", x0, x1, d / 2.0 - run_d, d / 2.0, h, max(1, seats - len(sides)), cloth, wood, leg_h,
                      seat_top, arms and "left" not in sides, arms and "right" not in sides, True)
    for side in sides:
        rx0, rx1 = (-w / 2.0, -w / 2.0 + ret_w) if side == "left" else (w / 2.0 - ret_w, w / 2.0)
        # The corner block keeps its backrest along the back; the return runs forward to the front edge.
        parts += _sofa_run("corner_" + side, rx0, rx1, d / 2.0 - run_d, d / 2.0, h, 1, cloth, wood, leg_h, seat_top,
                           False, False, True)
        ret = _sofa_run("return_" + side, rx0, rx1, -d / 2.0, d / 2.0 - run_d, h, 1, cloth, wood, leg_h, seat_top,
                        arms and side == "left", arms and side == "right", False)
        if layout != "chaise":
            back_t = min(0.16, ret_w * 0.18)
            bx = rx0 + back_t / 2.0 if side == "left" else rx1 - back_t / 2.0
            back_h = h - leg_h - (seat_top - leg_h) * 0.5
            ret.append(_box("return_%s_backrest" % side, (back_t, d - run_d, back_h),
                            (bx, (-d / 2.0 + d / 2.0 - run_d) / 2.0, h - back_h / 2.0), cloth, bevel=0.03))
        parts += ret
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
