"""Painting: a framed canvas hanging on the wall (back at +Y), with a few abstract color fields."""
import bpy
import math

PARAMS = {
    "width": 0.9,
    "depth": 0.04,
    "height": 0.6,
    "color": "#c8643b",
    "material": "paint",
    "frame_color": "#1c1c1c",
    "frame": True,
    "accent_color": "#1f3a5f",
}


def build(p):
    """Canvas panel, two accent fields on its face and a four-bar frame that defines the outline."""
    w, d, h = p["width"], p["depth"], p["height"]
    canvas = _mat("canvas", p["color"], p["material"])
    accent = _mat("accent", p.get("accent_color", "#1f3a5f"), "paint")
    frame_mat = _mat("frame", p.get("frame_color", "#1c1c1c"), "wood")
    fw = min(0.04, min(w, h) * 0.08) if p.get("frame", True) else 0.0
    canvas_d = d * 0.6
    parts = [_box("canvas", (w - 2 * fw, canvas_d, h - 2 * fw), (0.0, d / 2.0 - canvas_d / 2.0, h / 2.0), canvas)]
    iw, ih = w - 2 * fw, h - 2 * fw
    y = d / 2.0 - canvas_d - 0.001
    parts.append(_box("field_1", (iw * 0.45, 0.002, ih * 0.55), (-iw * 0.18, y, fw + ih * 0.6), accent))
    parts.append(_box("field_2", (iw * 0.25, 0.002, ih * 0.3), (iw * 0.25, y, fw + ih * 0.3), accent))
    if fw:
        parts.append(_box("frame_top", (w, d, fw), (0.0, 0.0, h - fw / 2.0), frame_mat))
        parts.append(_box("frame_bottom", (w, d, fw), (0.0, 0.0, fw / 2.0), frame_mat))
        parts.append(_box("frame_left", (fw, d, h - 2 * fw), (-w / 2.0 + fw / 2.0, 0.0, h / 2.0), frame_mat))
        parts.append(_box("frame_right", (fw, d, h - 2 * fw), (w / 2.0 - fw / 2.0, 0.0, h / 2.0), frame_mat))
    else:
        parts[0].scale = (w / iw, d / canvas_d, 1.0)
        parts[0].location.y = 0.0
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
