"""Mirror: a reflective glass panel in a frame, rectangular or round, hanging with its back at +Y."""
import bpy
import math

PARAMS = {
    "width": 0.6,
    "depth": 0.04,
    "height": 0.9,
    "color": "#c9a34a",
    "material": "brass",
    "shape": "rectangular",
}


def build(p):
    """Back board, mirror glass (chrome-like), and a frame (four bars, or a ring for round mirrors)."""
    w, d, h = p["width"], p["depth"], p["height"]
    frame_mat = _mat("frame", p["color"], p["material"])
    glass = _mat("mirror_glass", "#e8eef0", "chrome")
    fw = min(0.035, min(w, h) * 0.07)
    if p.get("shape", "rectangular") in ("round", "oval"):
        rot = (math.pi / 2.0, 0.0, 0.0)
        back = _cyl("frame", w / 2.0, d, (0.0, 0.0, h / 2.0), frame_mat, rot=rot, segments=48)
        face = _cyl("mirror_glass", w / 2.0 - fw, 0.004, (0.0, -d / 2.0 + 0.001, h / 2.0), glass, rot=rot, segments=48)
        back.scale = face.scale = (1.0, h / w, 1.0)
        return _done([back, face])
    parts = [_box("backing", (w - fw, d * 0.5, h - fw), (0.0, d / 4.0, h / 2.0), frame_mat)]
    parts.append(_box("mirror_glass", (w - 2 * fw, 0.004, h - 2 * fw), (0.0, -0.002, h / 2.0), glass))
    parts.append(_box("frame_top", (w, d, fw), (0.0, 0.0, h - fw / 2.0), frame_mat, bevel=0.004))
    parts.append(_box("frame_bottom", (w, d, fw), (0.0, 0.0, fw / 2.0), frame_mat, bevel=0.004))
    parts.append(_box("frame_left", (fw, d, h - 2 * fw), (-w / 2.0 + fw / 2.0, 0.0, h / 2.0), frame_mat, bevel=0.004))
    parts.append(_box("frame_right", (fw, d, h - 2 * fw), (w / 2.0 - fw / 2.0, 0.0, h / 2.0), frame_mat, bevel=0.004))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
