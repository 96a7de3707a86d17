"""Coffee table: a low rectangular, square, round or oval top on four legs or a pedestal, with a lower shelf."""
import bpy
import math

PARAMS = {
    "width": 1.1,
    "depth": 0.6,
    "height": 0.45,
    "color": "#5d3a1f",
    "material": "walnut",
    "shape": "rectangular",
    "base": "legs",
    "glass_top": False,
    "extendable": False,
    "shelf": True,
}


def build(p):
    """Top, legs, and an optional lower shelf between the legs."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    round_top = p.get("shape", "rectangular") in ("round", "oval")
    leg = max(0.035, min(w, d) * 0.06)
    inset = 0.03
    base = p.get("base", "legs")
    parts = _variant_table(w, d, h, min(0.035, h * 0.1), wood, p.get("shape", "rectangular"), base,
                           p.get("glass_top", False), p.get("extendable", False), leg=leg, inset=inset, apron=False)
    if p.get("shelf", True) and base != "pedestal":
        if round_top:
            inset = max(inset, min(w, d) * 0.15)
        parts.append(_box("shelf", (w - 2 * inset - leg * 0.5, d - 2 * inset - leg * 0.5, 0.02),
                          (0.0, 0.0, h * 0.25), wood))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
