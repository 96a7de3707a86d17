"""Keyboard: a low slab with a grid of key caps in rows and a space bar."""
import bpy
import math

PARAMS = {
    "width": 0.45,
    "depth": 0.15,
    "height": 0.03,
    "color": "#2b2b2b",
    "material": "plastic",
    "key_color": "#3b3b3b",
    "rows": 5,
}


def build(p):
    """Case slab and one mesh of key caps (rows x columns of 19 mm pitch, scaled to fit)."""
    w, d, h = p["width"], p["depth"], p["height"]
    case = _mat("case", p["color"], p["material"])
    cap = _mat("keys", p.get("key_color", "#3b3b3b"), "plastic")
    case_h = h * 0.6
    parts = [_box("case", (w, d, case_h), (0.0, 0.0, case_h / 2.0), case, bevel=min(0.004, case_h * 0.3))]
    rows = max(1, int(p.get("rows", 5)))
    cols = max(4, int((w - 0.02) / 0.019))
    pitch_x = (w - 0.02) / cols
    pitch_y = (d - 0.02) / rows
    key_h = h - case_h
    keys = []
    for r in range(rows):
        y = -d / 2.0 + 0.01 + pitch_y * (r + 0.5)
        if r == 0:
            keys.append(((pitch_x * 6 - 0.003, pitch_y - 0.003, key_h), (0.0, y, case_h + key_h / 2.0)))
            continue
        for c in range(cols):
            x = -w / 2.0 + 0.01 + pitch_x * (c + 0.5)
            keys.append(((pitch_x - 0.003, pitch_y - 0.003, key_h), (x, y, case_h + key_h / 2.0)))
    parts.append(_cubes("keys", keys, cap))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
