"""Bathtub: a built-in tub along its longer side: apron walls around an inner basin, with a faucet at one end."""
import bpy
import math

PARAMS = {
    "width": 0.75,
    "depth": 1.7,
    "height": 0.6,
    "color": "#f7f7f5",
    "material": "porcelain",
    "faucet_color": "#c0c0c0",
}


def build(p):
    """Four shell walls, a basin floor, a water-dark inner well, the rim, a faucet and a drain."""
    w, d, h = p["width"], p["depth"], p["height"]
    shell = _mat("tub", p["color"], p["material"])
    chrome = _mat("faucet", p.get("faucet_color", "#c0c0c0"), "chrome")
    t = min(0.08, min(w, d) * 0.12)
    along_y = d >= w
    faucet_h = min(0.12, h * 0.2)
    wall_h = h - faucet_h
    parts = [
        _box("wall_front", (w, t, wall_h), (0.0, -d / 2.0 + t / 2.0, wall_h / 2.0), shell, bevel=0.01),
        _box("wall_back", (w, t, wall_h), (0.0, d / 2.0 - t / 2.0, wall_h / 2.0), shell, bevel=0.01),
        _box("wall_left", (t, d - 2 * t, wall_h), (-w / 2.0 + t / 2.0, 0.0, wall_h / 2.0), shell, bevel=0.01),
        _box("wall_right", (t, d - 2 * t, wall_h), (w / 2.0 - t / 2.0, 0.0, wall_h / 2.0), shell, bevel=0.01),
        _box("basin_floor", (w - 2 * t, d - 2 * t, 0.1), (0.0, 0.0, 0.05), shell),
    ]
    if along_y:
        fx, fy, spout_rot = 0.0, d / 2.0 - t / 2.0, (0.0, 0.0, 0.0)
    else:
        fx, fy, spout_rot = w / 2.0 - t / 2.0, 0.0, (0.0, 0.0, math.pi / 2.0)
    parts.append(_cyl("faucet", 0.018, faucet_h, (fx, fy, wall_h + faucet_h / 2.0), chrome, segments=16))
    sx, sy = (0.0, -0.06) if along_y else (-0.06, 0.0)
    parts.append(_box("spout", (0.03, 0.12, 0.025), (fx + sx, fy + sy, h - 0.02), chrome, rot=spout_rot))
    dx, dy = (0.0, d / 2.0 - t - 0.12) if along_y else (w / 2.0 - t - 0.12, 0.0)
    parts.append(_cyl("drain", 0.025, 0.004, (dx, dy, 0.102), chrome, segments=16))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
