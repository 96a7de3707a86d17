"""Pillow: a plump cushion with rounded edges and a piped seam, standing upright (thin along Y)."""
import bpy
import math

PARAMS = {
    "width": 0.45,
    "depth": 0.15,
    "height": 0.45,
    "color": "#c8643b",
    "material": "velvet",
}


def build(p):
    """A soft rounded box and a seam ring; when lying flat (height is the smallest side) the seam is horizontal."""
    w, d, h = p["width"], p["depth"], p["height"]
    cloth = _mat("cover", p["color"], p["material"])
    thin = min(w, d, h)
    body = _box("cushion", (w, d, h), (0.0, 0.0, h / 2.0), cloth, bevel=thin * 0.45, smooth=True)
    parts = [body]
    if h == thin:
        seam = _box("seam", (w * 0.98, d * 0.98, thin * 0.08), (0.0, 0.0, h / 2.0), cloth, bevel=thin * 0.03)
    else:
        seam = _box("seam", (w * 0.98, thin * 0.08, h * 0.98), (0.0, 0.0, h / 2.0), cloth, bevel=thin * 0.03)
    parts.append(seam)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
