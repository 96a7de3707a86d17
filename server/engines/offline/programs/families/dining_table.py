"""Dining table: a rectangular, square, round or oval top on four legs with an apron, or on a pedestal; glass or extendable tops."""
import bpy
import math

PARAMS = {
    "width": 1.6,
    "depth": 0.9,
    "height": 0.75,
    "color": "#8b5a2b",
    "material": "wood",
    "shape": "rectangular",
    "base": "legs",
    "glass_top": False,
    "extendable": False,
    "top_thickness": 0.04,
}


def build(p):
    """Top of ``shape`` on legs or a pedestal column and foot (``base``)."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    top_t = min(max(p.get("top_thickness", 0.04), 0.015), h * 0.1)
    base = "pedestal" if p.get("pedestal", False) else p.get("base", "legs")
    leg = max(0.04, min(w, d) * 0.06)
    return _done(_variant_table(w, d, h, top_t, wood, p.get("shape", "rectangular"), base, p.get("glass_top", False),
                                p.get("extendable", False), leg=leg, inset=0.04))


if __name__ == "__main__":
    build(PARAMS)
