"""Monitor: a thin display with a bezel on a neck and a flat foot."""
import bpy
import math

PARAMS = {
    "width": 0.6,
    "depth": 0.2,
    "height": 0.45,
    "color": "#1c1c1c",
    "material": "plastic",
    "screen_color": "#0b0d12",
}


def build(p):
    """Foot plate spanning the depth, neck at the back, display panel above; front faces -Y."""
    w, d, h = p["width"], p["depth"], p["height"]
    shell = _mat("bezel", p["color"], p["material"])
    screen = _mat("screen", p.get("screen_color", "#0b0d12"), "glass")
    foot_h = min(0.015, h * 0.05)
    panel_t = min(0.03, d * 0.3)
    panel_h = min(h * 0.8, w * 0.62)
    panel_z0 = h - panel_h
    parts = [_box("foot", (min(w * 0.4, 0.25), d, foot_h), (0.0, 0.0, foot_h / 2.0), shell, bevel=0.004)]
    parts.append(_box("neck", (0.05, 0.025, panel_z0 + panel_h * 0.4), (0.0, 0.02, (panel_z0 + panel_h * 0.4) / 2.0),
                      shell))
    parts.append(_box("panel", (w, panel_t, panel_h), (0.0, -0.01, panel_z0 + panel_h / 2.0), shell, bevel=0.003))
    parts.append(_box("screen", (w - 0.02, 0.004, panel_h - 0.03), (0.0, -0.01 - panel_t / 2.0, panel_z0 + panel_h / 2.0 + 0.005),
                      screen))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
