"""Piano: an upright piano with a keybed of white and black keys, a hinged fallboard and a lifting top lid."""
import bpy
import math

PARAMS = {
    "width": 1.5,
    "depth": 0.6,
    "height": 1.2,
    "color": "#161616",
    "material": "lacquer",
    "key_height": 0.74,
}

JOINTS = [
    {"name": "fallboard_hinge", "type": "revolute", "parent": "side_left", "children": ["fallboard"],
     "axis": [-1, 0, 0], "origin": {"part": "fallboard", "at": [0, 1, 1]}, "limits": [0, 90]},
    {"name": "top_lid_hinge", "type": "revolute", "parent": "side_left", "children": ["top_lid"],
     "axis": [-1, 0, 0], "origin": {"part": "top_lid", "at": [0, 1, 1]}, "limits": [0, 80]},
]


def build(p):
    """Case with sides, keybed on two legs, 52 white and 36 black keys, fallboard over the keys, top lid, pedals."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("case", p["color"], p["material"])
    ivory = _mat("white_keys", "#f4f1e8", "plastic")
    ebony = _mat("black_keys", "#0c0c0c", "plastic")
    brass = _mat("pedals", "#c9a34a", "brass")
    t = 0.04
    body_d = d * 0.6
    y_body = d / 2.0 - body_d / 2.0
    body_front = d / 2.0 - body_d
    key_z = min(max(p.get("key_height", 0.74), 0.3), h * 0.75)
    parts = [
        _box("side_left", (t, body_d, h - 0.02), (-w / 2.0 + t / 2.0, y_body, (h - 0.02) / 2.0), body),
        _box("side_right", (t, body_d, h - 0.02), (w / 2.0 - t / 2.0, y_body, (h - 0.02) / 2.0), body),
        _box("case", (w - 2 * t, body_d, h - 0.02), (0.0, y_body, (h - 0.02) / 2.0), body),
        _box("top_lid", (w, body_d, 0.02), (0.0, y_body, h - 0.01), body, bevel=0.003),
    ]
    front_d = d - body_d
    y_front = -d / 2.0 + front_d / 2.0
    parts.append(_box("keybed", (w - 2 * t, front_d, 0.05), (0.0, y_front, key_z - 0.025), body))
    for i, x in enumerate((-w / 2.0 + t / 2.0, w / 2.0 - t / 2.0)):
        parts.append(_box("cheek_%d" % (i + 1), (t, front_d, 0.12), (x, y_front, key_z + 0.01), body))
        parts.append(_box("leg_%d" % (i + 1), (t, t, key_z - 0.06), (x, -d / 2.0 + t / 2.0 + 0.01, (key_z - 0.06) / 2.0),
                          body))
    span = w - 2 * t - 0.02
    whites = 52
    kw = span / whites
    key_d = min(0.15, front_d - 0.02)
    ky = body_front - key_d / 2.0
    white = [((kw * 0.94, key_d, 0.02), (-span / 2.0 + kw * (k + 0.5), ky, key_z + 0.01)) for k in range(whites)]
    parts.append(_cubes("white_keys", white, ivory))
    black = []
    for k in range(whites - 1):
        if k % 7 in (0, 1, 3, 4, 5):
            black.append(((kw * 0.55, key_d * 0.6, 0.012),
                          (-span / 2.0 + kw * (k + 1), ky + key_d * 0.2, key_z + 0.026)))
    parts.append(_cubes("black_keys", black, ebony))
    board_d = key_d + 0.01
    parts.append(_box("fallboard", (span + 0.016, board_d, 0.015),
                      (0.0, body_front - board_d / 2.0, key_z + 0.032 + 0.0075), body, bevel=0.002))
    for i in range(3):
        parts.append(_box("pedal_%d" % (i + 1), (0.03, 0.08, 0.012), ((i - 1) * 0.07, body_front - 0.04, 0.06), brass))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
