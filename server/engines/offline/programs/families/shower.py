"""Shower: a low tray, glass panels on the open sides with a metal frame, a riser pipe and a rain head."""
import bpy
import math

PARAMS = {
    "width": 0.9,
    "depth": 0.9,
    "height": 2.0,
    "color": "#f7f7f5",
    "material": "ceramic",
    "frame_color": "#c0c0c0",
    "door": True,
}


def build(p):
    """Tray, front and side glass panels (front -Y, side +X), corner posts, top rails, riser, head and valve."""
    w, d, h = p["width"], p["depth"], p["height"]
    tray_mat = _mat("tray", p["color"], p["material"])
    glass = _mat("glass", "#dfeff2", "glass")
    metal = _mat("frame", p.get("frame_color", "#c0c0c0"), "chrome")
    tray_h = min(0.06, h * 0.05)
    parts = [_box("tray", (w, d, tray_h), (0.0, 0.0, tray_h / 2.0), tray_mat, bevel=0.01)]
    parts.append(_cyl("drain", 0.03, 0.004, (0.0, 0.0, tray_h + 0.002), metal, segments=16))
    ph = h - tray_h - 0.02
    post = 0.025
    front_name = "door_glass" if p.get("door", True) else "glass_front"
    parts.append(_box(front_name, (w - post, 0.008, ph), (-post / 2.0, -d / 2.0 + post / 2.0, tray_h + ph / 2.0), glass))
    parts.append(_box("glass_side", (0.008, d - post, ph), (w / 2.0 - post / 2.0, post / 2.0, tray_h + ph / 2.0), glass))
    parts.append(_box("corner_post", (post, post, h - tray_h), (w / 2.0 - post / 2.0, -d / 2.0 + post / 2.0, (h + tray_h) / 2.0), metal))
    parts.append(_box("rail_front", (w, post, 0.02), (0.0, -d / 2.0 + post / 2.0, h - 0.01), metal))
    parts.append(_box("rail_side", (post, d, 0.02), (w / 2.0 - post / 2.0, 0.0, h - 0.01), metal))
    riser_h = h - tray_h - 0.25
    parts.append(_cyl("riser", 0.012, riser_h, (-w / 2.0 + 0.12, d / 2.0 - 0.04, tray_h + 0.1 + riser_h / 2.0), metal, segments=12))
    parts.append(_cyl("shower_head", 0.1, 0.015, (-w / 2.0 + 0.12, d / 2.0 - 0.15, h - 0.15), metal, segments=32))
    parts.append(_box("shower_arm", (0.02, 0.11, 0.02), (-w / 2.0 + 0.12, d / 2.0 - 0.095, h - 0.15), metal))
    parts.append(_cyl("valve", 0.035, 0.03, (-w / 2.0 + 0.12, d / 2.0 - 0.03, tray_h + 1.0 * min(1.0, h / 2.0)), metal,
                      rot=(math.pi / 2.0, 0.0, 0.0), segments=16))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
