"""Side table: a small square, round, oval or rectangular top on slim legs or a pedestal, with a lower shelf."""
import bpy
import math

PARAMS = {
    "width": 0.5,
    "depth": 0.5,
    "height": 0.55,
    "color": "#b58a55",
    "material": "oak",
    "shape": "square",
    "base": "legs",
    "glass_top": False,
    "extendable": False,
    "shelf": True,
}


def build(p):
    """Top, four slim legs and an optional shelf at one third of the height."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("wood", p["color"], p["material"])
    round_top = p.get("shape", "square") in ("round", "oval")
    leg = max(0.025, min(w, d) * 0.07)
    base = p.get("base", "legs")
    parts = _variant_table(w, d, h, min(0.03, h * 0.08), wood, p.get("shape", "square"), base, p.get("glass_top", False),
                           False, leg=leg, inset=0.02, apron=False, round_legs=round_top)
    if p.get("shelf", True) and base != "pedestal":
        inset = max(0.02, min(w, d) * 0.15) if round_top else 0.02
        parts.append(_box("shelf", (w - 2 * inset - leg, d - 2 * inset - leg, 0.018), (0.0, 0.0, h * 0.3), wood))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
