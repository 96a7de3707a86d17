"""Sink: a pedestal basin with a wide rim, a faucet at the back and a drain (a countertop basin when low)."""
import bpy
import math

PARAMS = {
    "width": 0.6,
    "depth": 0.5,
    "height": 0.9,
    "color": "#f7f7f5",
    "material": "porcelain",
    "faucet_color": "#c0c0c0",
}


def build(p):
    """Pedestal column (when tall), basin bowl (lathe, scaled to the footprint), rim, faucet and spout."""
    w, d, h = p["width"], p["depth"], p["height"]
    cer = _mat("basin", p["color"], p["material"])
    chrome = _mat("faucet", p.get("faucet_color", "#c0c0c0"), "chrome")
    drain = _mat("drain", "#555555", "metal")
    faucet_h = min(0.15, h * 0.25)
    rim_z = h - faucet_h
    bowl_h = min(0.18, rim_z)
    parts = []
    if rim_z - bowl_h > 0.05:
        col_h = rim_z - bowl_h
        parts.append(_lathe("pedestal", [(min(w, d) * 0.22, 0.0), (min(w, d) * 0.14, col_h * 0.5), (min(w, d) * 0.16, col_h + 0.01)],
                            (0.0, 0.0, 0.0), cer, segments=32, cap_top=True))
    basin_d = d - 0.02
    bowl = _lathe("bowl", [(w * 0.25, rim_z - bowl_h), (w * 0.42, rim_z - bowl_h * 0.4), (w * 0.5, rim_z)],
                  (0.0, -0.01, 0.0), cer, segments=40, cap_top=True, scale=(1.0, basin_d / w))
    parts.append(bowl)
    parts.append(_box("rim_back", (w * 0.5, 0.1, 0.03), (0.0, d / 2.0 - 0.06, rim_z - 0.015), cer))
    parts.append(_cyl("drain", 0.02, 0.003, (0.0, -0.01, rim_z + 0.002), drain, segments=16))
    fy = d / 2.0 - 0.05
    parts.append(_cyl("faucet", 0.015, faucet_h - 0.02, (0.0, fy, rim_z + (faucet_h - 0.02) / 2.0), chrome, segments=16))
    parts.append(_box("spout", (0.025, 0.12, 0.02), (0.0, fy - 0.05, h - 0.01), chrome))
    parts.append(_cyl("tap_handle", 0.012, 0.06, (0.0, fy + 0.02, h - 0.01), chrome, rot=(0.0, math.pi / 2.0, 0.0), segments=12))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
