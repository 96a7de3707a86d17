"""Clock: a round wall clock with a rim, face, hour marks and hands facing -Y; a case clock when tall."""
import bpy
import math

PARAMS = {
    "width": 0.35,
    "depth": 0.05,
    "height": 0.35,
    "color": "#1c1c1c",
    "material": "metal",
    "face_color": "#f5f5f5",
    "hour": 10,
    "minute": 10,
}


def build(p):
    """Rim disc, face, hour marks and hands; the disc is scaled to width x height when they differ."""
    w, d, h = p["width"], p["depth"], p["height"]
    rim = _mat("rim", p["color"], p["material"])
    face = _mat("face", p.get("face_color", "#f5f5f5"), "plastic")
    ink = _mat("hands", "#1c1c1c", "plastic")
    rot = (math.pi / 2.0, 0.0, 0.0)
    front = -d / 2.0 + 0.008
    parts = []
    if h > 1.5 * w:
        # Floor-standing case clock: a tall case with the dial near its top.
        parts.append(_box("case", (w, d - 0.008, h), (0.0, 0.004, h / 2.0), rim, bevel=0.01))
        r = w * 0.4
        cz = h - w * 0.55
        aspect = 1.0
    else:
        r = w / 2.0
        cz = h / 2.0
        aspect = h / w
        body = _cyl("rim", r, d - 0.008, (0.0, 0.004, cz), rim, rot=rot, segments=48)
        body.scale = (1.0, aspect, 1.0)
        parts.append(body)
    dial = _cyl("face", r * 0.9, 0.004, (0.0, front - 0.002, cz), face, rot=rot, segments=48)
    dial.scale = (1.0, aspect, 1.0)
    parts.append(dial)
    marks = []
    for i in range(12):
        a = 2.0 * math.pi * i / 12.0
        size = (r * (0.07 if i % 3 == 0 else 0.04), 0.003, r * (0.07 if i % 3 == 0 else 0.04))
        rr = r * 0.78
        marks.append(((size[0], size[1], size[2]), (math.sin(a) * rr, front - 0.005, cz + math.cos(a) * rr * aspect)))
    parts.append(_cubes("hour_marks", marks, ink))
    for name, angle, length in (("hour_hand", (p.get("hour", 10) % 12 + p.get("minute", 10) / 60.0) / 12.0, 0.45),
                                ("minute_hand", p.get("minute", 10) / 60.0, 0.7)):
        a = 2.0 * math.pi * angle
        L = r * length
        parts.append(_box(name, (0.008, 0.003, L), (math.sin(a) * L / 2.0, front - 0.006, cz + math.cos(a) * L / 2.0),
                          ink, rot=(0.0, a, 0.0)))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
