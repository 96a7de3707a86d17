"""TV: a thin flat screen with a bezel; on a pedestal stand when it is deep enough, else wall-mounted."""
import bpy
import math

PARAMS = {
    "width": 1.25,
    "depth": 0.08,
    "height": 0.72,
    "color": "#1c1c1c",
    "material": "plastic",
    "screen_color": "#0b0d12",
}


def build(p):
    """Bezel panel and screen (front -Y); with depth > 0.12 m a neck and a foot plate fill the depth."""
    w, d, h = p["width"], p["depth"], p["height"]
    shell = _mat("bezel", p["color"], p["material"])
    screen = _mat("screen", p.get("screen_color", "#0b0d12"), "glass")
    stand = d > 0.12
    panel_t = min(0.05, d) if stand else d
    foot_h = min(0.02, h * 0.05)
    panel_z0 = min(0.1, h * 0.15) if stand else 0.0
    panel_h = h - panel_z0
    parts = [_box("panel", (w, panel_t * 0.8, panel_h), (0.0, panel_t * 0.1, panel_z0 + panel_h / 2.0), shell,
                  bevel=0.004)]
    parts.append(_box("screen", (w - 0.02, panel_t * 0.2, panel_h - 0.02), (0.0, -panel_t * 0.4, panel_z0 + panel_h / 2.0),
                      screen))
    if stand:
        parts.append(_box("stand_neck", (0.08, 0.04, panel_z0 + 0.05), (0.0, 0.0, (panel_z0 + 0.05) / 2.0), shell))
        parts.append(_box("stand_foot", (min(w * 0.4, 0.5), d, foot_h), (0.0, 0.0, foot_h / 2.0), shell, bevel=0.004))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
