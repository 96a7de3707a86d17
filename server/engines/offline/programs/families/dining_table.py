"""Dining table: a solid top on four legs with an apron, or a round top on a pedestal."""
import bpy
import math

PARAMS = {
    "width": 1.6,
    "depth": 0.9,
    "height": 0.75,
    "color": "#8b5a2b",
    "material": "wood",
    "shape": "rectangular",
    "top_thickness": 0.04,
    "pedestal": False,
}


def build(p):
    """Top and legs (or a pedestal column and foot for round pedestal tables)."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    top_t = min(max(p.get("top_thickness", 0.04), 0.015), h * 0.1)
    round_top = p.get("shape", "rectangular") in ("round", "oval")
    if round_top and p.get("pedestal", False):
        top = _cyl("top", w / 2.0, top_t, (0.0, 0.0, h - top_t / 2.0), wood, segments=48)
        top.scale = (1.0, d / w, 1.0)
        col_h = h - top_t - 0.05
        foot = _cyl("foot", min(w, d) * 0.3, 0.05, (0.0, 0.0, 0.025), wood, segments=32)
        column = _cyl("pedestal", min(w, d) * 0.07, col_h, (0.0, 0.0, 0.05 + col_h / 2.0), wood)
        return _done([top, column, foot])
    leg = max(0.04, min(w, d) * 0.06)
    return _done(_table(w, d, h, top_t, wood, leg=leg, inset=0.04, round_top=round_top))


if __name__ == "__main__":
    build(PARAMS)
