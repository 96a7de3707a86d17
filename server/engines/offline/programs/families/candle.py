"""Candle: a wax pillar on a small holder plate, with a wick and a flame."""
import bpy
import math

PARAMS = {
    "width": 0.08,
    "depth": 0.08,
    "height": 0.15,
    "color": "#f3ead8",
    "material": "wax",
    "holder_color": "#c9a34a",
    "lit": True,
}


def build(p):
    """Holder plate spanning the footprint, wax pillar, wick and (when lit) a flame reaching the height."""
    w, d, h = p["width"], p["depth"], p["height"]
    wax = _mat("wax", p["color"], p["material"])
    holder = _mat("holder", p.get("holder_color", "#c9a34a"), "brass")
    wick = _mat("wick", "#1c1c1c", "fabric")
    flame = _glow("flame", "#ffb347", 6.0)
    r = w / 2.0
    plate_h = min(0.01, h * 0.08)
    flame_h = min(0.03, h * 0.2) if p.get("lit", True) else 0.0
    wax_h = h - plate_h - flame_h - 0.008
    plate = _cyl("holder", r, plate_h, (0.0, 0.0, plate_h / 2.0), holder, segments=32)
    plate.scale = (1.0, d / w, 1.0)
    pillar = _cyl("pillar", r * 0.7, wax_h, (0.0, 0.0, plate_h + wax_h / 2.0), wax, segments=32)
    pillar.scale = (1.0, d / w, 1.0)
    parts = [plate, pillar,
             _cyl("wick", 0.0015, 0.01, (0.0, 0.0, plate_h + wax_h + 0.004), wick, segments=6)]
    if flame_h:
        parts.append(_sphere("flame", 1.0, (0.0, 0.0, h - flame_h / 2.0), flame, scale=(0.006, 0.006, flame_h / 2.0),
                             segments=12))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
