"""Bottle: a turned bottle with shoulders, a neck and a cap; glass or plastic."""
import bpy
import math

PARAMS = {
    "width": 0.08,
    "depth": 0.08,
    "height": 0.3,
    "color": "#2f4f2f",
    "material": "glass",
    "cap_color": "#c9a34a",
}


def build(p):
    """Body (lathe: base, shoulder, neck), a label band and a cap."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("body", p["color"], p["material"])
    cap = _mat("cap", p.get("cap_color", "#c9a34a"), "metal")
    label = _mat("label", "#f2efe6", "paper")
    r = w / 2.0
    cap_h = min(0.03, h * 0.1)
    top = h - cap_h
    prof = [(r * 0.95, 0.0), (r, h * 0.03), (r, top * 0.6), (r * 0.9, top * 0.7), (r * 0.4, top * 0.8),
            (r * 0.32, top * 0.85), (r * 0.32, top)]
    sy = d / w
    parts = [_lathe("body", prof, (0.0, 0.0, 0.0), body, segments=32, cap_top=True, scale=(1.0, sy))]
    band = _cyl("label", r * 1.005, top * 0.3, (0.0, 0.0, top * 0.35), label, segments=32)
    band.scale = (1.0, sy, 1.0)
    parts.append(band)
    parts.append(_cyl("cap", r * 0.36, cap_h, (0.0, 0.0, top + cap_h / 2.0), cap, segments=16))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
