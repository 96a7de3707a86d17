"""Plate: a shallow turned dinner plate with a foot, a flat well and a raised rim."""
import bpy
import math

PARAMS = {
    "width": 0.26,
    "depth": 0.26,
    "height": 0.03,
    "color": "#f7f7f5",
    "material": "porcelain",
    "rim_color": "#1f3a5f",
}


def build(p):
    """One closed lathe profile (foot, underside, rim, top, well) and a thin colored rim band."""
    w, d, h = p["width"], p["depth"], p["height"]
    glaze = _mat("glaze", p["color"], p["material"])
    band = _mat("rim_band", p.get("rim_color", "#1f3a5f"), p["material"])
    r = w / 2.0
    prof = [(r * 0.55, 0.0), (r * 0.6, h * 0.25), (r * 0.97, h * 0.8), (r, h), (r * 0.93, h * 0.98), (r * 0.68, h * 0.45),
            (r * 0.02, h * 0.42)]
    sy = d / w
    parts = [_lathe("plate", prof, (0.0, 0.0, 0.0), glaze, segments=48, scale=(1.0, sy))]
    parts.append(_torus("rim_band", r * 0.95, h * 0.06, (0.0, 0.0, h * 0.92), band, segments=48, ring=6))
    parts[-1].scale = (1.0, sy, 1.0)
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
