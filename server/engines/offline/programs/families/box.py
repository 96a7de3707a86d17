"""Box: a generic object of the given size: a slightly rounded body on a thin plinth."""
import bpy
import math

PARAMS = {
    "width": 0.5,
    "depth": 0.5,
    "height": 0.5,
    "color": "#b0b0b0",
    "material": "plastic",
}


def build(p):
    """Builds a plinth and a body that together fill width x depth x height."""
    w, d, h = p["width"], p["depth"], p["height"]
    body_mat = _mat("body", p["color"], p["material"])
    plinth_h = min(0.02, h * 0.05)
    return _done([
        _box("plinth", (w * 0.96, d * 0.96, plinth_h), (0.0, 0.0, plinth_h / 2.0), body_mat),
        _box("body", (w, d, h - plinth_h), (0.0, 0.0, plinth_h + (h - plinth_h) / 2.0), body_mat,
             bevel=min(w, d, h) * 0.04),
    ])


if __name__ == "__main__":
    build(PARAMS)
