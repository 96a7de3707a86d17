"""Toilet: a floor pedestal, an oval bowl with seat and lid, and a cistern against the wall (+Y)."""
import bpy
import math

PARAMS = {
    "width": 0.4,
    "depth": 0.7,
    "height": 0.78,
    "color": "#f7f7f5",
    "material": "porcelain",
    "seat_color": "#f5f5f5",
}

JOINTS = [
    {"name": "seat_hinge", "type": "revolute", "parent": "bowl", "children": ["seat"], "axis": [-1, 0, 0],
     "origin": {"part": "seat", "at": [0, 1, 1]}, "limits": [0, 90]},
    {"name": "lid_hinge", "type": "revolute", "parent": "bowl", "children": ["lid"], "axis": [-1, 0, 0],
     "origin": {"part": "lid", "at": [0, 1, 1]}, "limits": [0, 90]},
]


def build(p):
    """Pedestal, bowl (lathe scaled to an oval), seat ring, lid, cistern with lid and flush button."""
    w, d, h = p["width"], p["depth"], p["height"]
    cer = _mat("ceramic", p["color"], p["material"])
    seat_mat = _mat("seat", p.get("seat_color", "#f5f5f5"), "plastic")
    chrome = _mat("button", "#c0c0c0", "chrome")
    tank_d = min(0.2, d * 0.28)
    bowl_h = min(0.4, h * 0.52)
    bowl_len = d - tank_d + 0.02
    bowl_cy = -d / 2.0 + bowl_len / 2.0
    bw = w * 0.9
    parts = [_lathe("pedestal", [(bw * 0.3, 0.0), (bw * 0.25, bowl_h * 0.5), (bw * 0.45, bowl_h * 0.85)], (0.0, bowl_cy + 0.04, 0.0),
                    cer, segments=32, scale=(1.0, bowl_len * 0.8 / bw))]
    parts.append(_lathe("bowl", [(bw * 0.4, bowl_h * 0.6), (bw * 0.5, bowl_h)], (0.0, bowl_cy, 0.0), cer, segments=40,
                        cap_bottom=True, scale=(1.0, bowl_len / bw)))
    ring = _torus("seat", bw * 0.4, 0.018, (0.0, bowl_cy, bowl_h + 0.018), seat_mat, segments=40, ring=8)
    ring.scale = (1.0, bowl_len * 0.92 / bw, 1.0)
    parts.append(ring)
    lid = _cyl("lid", bw * 0.48, 0.012, (0.0, bowl_cy, bowl_h + 0.042), seat_mat, segments=40)
    lid.scale = (1.0, bowl_len * 0.92 / bw, 1.0)
    parts.append(lid)
    tank_z0 = bowl_h * 0.7
    parts.append(_box("cistern", (w, tank_d, h - tank_z0 - 0.02), (0.0, d / 2.0 - tank_d / 2.0, tank_z0 + (h - tank_z0 - 0.02) / 2.0),
                      cer, bevel=0.015))
    parts.append(_box("cistern_lid", (w, tank_d, 0.02), (0.0, d / 2.0 - tank_d / 2.0, h - 0.01), cer, bevel=0.006))
    parts.append(_cyl("flush_button", 0.02, 0.006, (0.0, d / 2.0 - tank_d / 2.0, h + 0.0), chrome, segments=16))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
