"""Rug: a flat pile with a border band in a second color (rectangular, or round/oval)."""
import bpy
import math

PARAMS = {
    "width": 2.0,
    "depth": 1.4,
    "height": 0.01,
    "color": "#9a8f82",
    "material": "wool",
    "border_color": "#5f5146",
    "shape": "rectangular",
}


def build(p):
    """Border base slab and a slightly raised center field; both fill width x depth."""
    w, d, h = p["width"], p["depth"], p["height"]
    field = _mat("field", p["color"], p["material"])
    border = _mat("border", p.get("border_color", "#5f5146"), p["material"])
    band = min(0.12, min(w, d) * 0.08)
    if p.get("shape", "rectangular") in ("round", "oval"):
        base = _cyl("border", w / 2.0, h * 0.8, (0.0, 0.0, h * 0.4), border, segments=64)
        top = _cyl("field", w / 2.0 - band, h * 0.2 + 1e-4, (0.0, 0.0, h * 0.9), field, segments=64)
        base.scale = (1.0, d / w, 1.0)
        top.scale = (1.0, (d - 2 * band) / (w - 2 * band), 1.0)
        return _done([base, top])
    return _done([
        _box("border", (w, d, h * 0.8), (0.0, 0.0, h * 0.4), border),
        _box("field", (w - 2 * band, d - 2 * band, h * 0.2), (0.0, 0.0, h * 0.9), field),
    ])


if __name__ == "__main__":
    build(PARAMS)
