"""Wine cabinet: a case with a glazed door, wire racks and bottles lying inside."""
import bpy
import math

PARAMS = {
    "width": 0.6,
    "depth": 0.6,
    "height": 0.85,
    "color": "#2b2b2b",
    "material": "metal",
    "racks": 5,
}


def build(p):
    """Carcass, glass door with frame and handle, racks and a bottle per rack slot."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("body", p["color"], p["material"])
    glass = _mat("glass", "#dfeff2", "glass")
    rack_mat = _mat("racks", "#b4b4b4", "chrome")
    bottle_mat = _mat("bottles", "#2f4f2f", "glass")
    handle_d = 0.025
    body_d = d - handle_d - 0.03
    y_mid = d / 2.0 - body_d / 2.0
    t = 0.025
    parts = _carcass(w, body_d, h, t, body, y0=y_mid)
    front = y_mid - body_d / 2.0 - 0.03
    parts.append(_box("door_frame", (w, 0.03, h), (0.0, front + 0.015, h / 2.0), body))
    parts.append(_box("door_glass", (w - 0.08, 0.006, h - 0.08), (0.0, front - 0.002, h / 2.0), glass))
    parts.append(_bar_handle("handle", w / 2.0 - 0.05, front, h / 2.0, min(0.3, h * 0.4), rack_mat, vertical=True,
                             depth=handle_d))
    n = max(1, int(p.get("racks", 5)))
    per = max(1, int((w - 2 * t) / 0.09))
    for i in range(n):
        z = t + (h - 2 * t) * (i + 0.5) / n
        parts.append(_box("rack_%d" % (i + 1), (w - 2 * t, body_d - t - 0.03, 0.008), (0.0, y_mid, z - 0.04), rack_mat))
        for j in range(per):
            x = -w / 2.0 + t + (w - 2 * t) * (j + 0.5) / per
            length = min(0.3, body_d - t - 0.05)
            parts.append(_cyl("bottle_%d_%d" % (i + 1, j + 1), 0.035, length, (x, y_mid, z), bottle_mat,
                              rot=(math.pi / 2.0, 0.0, 0.0), segments=12))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
