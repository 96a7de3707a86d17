"""Bowl: a turned open bowl with a foot ring and a rounded wall of visible thickness."""
import bpy
import math

PARAMS = {
    "width": 0.25,
    "depth": 0.25,
    "height": 0.1,
    "color": "#f4f1ea",
    "material": "ceramic",
    "fruit": False,
}


def build(p):
    """Outer wall, lip and inner wall in one lathe profile; optional fruit resting inside."""
    w, d, h = p["width"], p["depth"], p["height"]
    glaze = _mat("glaze", p["color"], p["material"])
    r = w / 2.0
    t = min(0.006, r * 0.08)
    prof = [(r * 0.4, 0.0), (r * 0.42, h * 0.08), (r * 0.75, h * 0.35), (r * 0.95, h * 0.75), (r, h),
            (r - t, h), (r * 0.93 - t, h * 0.75), (r * 0.72 - t, h * 0.35), (r * 0.38, h * 0.1 + t)]
    parts = [_lathe("bowl", prof, (0.0, 0.0, 0.0), glaze, segments=40, cap_top=True, scale=(1.0, d / w))]
    if p.get("fruit", False):
        fruit = _mat("fruit", "#d4541c", "plastic")
        for i in range(3):
            a = 2.0 * math.pi * i / 3.0
            fr = min(r * 0.3, h * 0.45)
            parts.append(_sphere("fruit_%d" % (i + 1), fr, (math.cos(a) * r * 0.3, math.sin(a) * r * 0.3, h * 0.1 + fr), fruit,
                                 segments=16))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
