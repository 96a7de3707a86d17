"""Vanity: a bathroom base cabinet with doors, a countertop with an inset basin and a faucet."""
import bpy
import math

PARAMS = {
    "width": 0.9,
    "depth": 0.5,
    "height": 0.85,
    "color": "#f1efe8",
    "material": "lacquer",
    "top_color": "#f7f7f5",
    "top_material": "ceramic",
    "handle_color": "#c0c0c0",
    "doors": 2,
    "basins": 1,
}


def build(p):
    """Cabinet, doors, handles, countertop, basins (rim + dark well) and faucets; faucet tops reach the height."""
    w, d, h = p["width"], p["depth"], p["height"]
    body = _mat("cabinet", p["color"], p["material"])
    top = _mat("countertop", p.get("top_color", "#f7f7f5"), p.get("top_material", "ceramic"))
    chrome = _mat("faucet", p.get("handle_color", "#c0c0c0"), "chrome")
    well = _mat("basin_well", "#dcdcd6", "ceramic")
    faucet_h = min(0.16, h * 0.18)
    top_z = h - faucet_h
    top_t = min(0.03, top_z * 0.05)
    handle_d = 0.024
    body_d = d - handle_d - 0.018 - 0.01
    y_mid = d / 2.0 - body_d / 2.0
    t = 0.018
    parts = [_box("countertop", (w, d, top_t), (0.0, 0.0, top_z - top_t / 2.0), top, bevel=0.004)]
    parts += _carcass(w - 0.02, body_d, top_z - top_t, t, body, y0=y_mid)
    front = y_mid - body_d / 2.0 - 0.018
    parts += _doors(-w / 2.0 + 0.012, w / 2.0 - 0.012, 0.06, top_z - top_t - 0.01, max(1, int(p.get("doors", 2))), front,
                    body, chrome)
    n = max(1, int(p.get("basins", 1)))
    for i in range(n):
        x = -w / 2.0 + w * (i + 0.5) / n
        bw = min(w / n * 0.65, 0.5)
        basin = _cyl("basin_%d" % (i + 1), bw / 2.0, 0.012, (x, -0.03, top_z + 0.006), well, segments=32)
        basin.scale = (1.0, min(d * 0.55, bw * 0.8) / bw, 1.0)
        parts.append(basin)
        fy = d / 2.0 - 0.06
        parts.append(_cyl("faucet_%d" % (i + 1), 0.014, faucet_h - 0.02, (x, fy, top_z + (faucet_h - 0.02) / 2.0), chrome))
        parts.append(_box("spout_%d" % (i + 1), (0.025, 0.12, 0.02), (x, fy - 0.05, h - 0.01), chrome))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
