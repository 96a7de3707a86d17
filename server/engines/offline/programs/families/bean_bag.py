"""Bean bag: a soft squashed body with a head dent at the back."""
import bpy
import math

PARAMS = {
    "width": 0.8,
    "depth": 0.8,
    "height": 0.7,
    "color": "#c8643b",
    "material": "fabric",
}


def build(p):
    """A flattened lower sack and a raised back lobe, both ellipsoids inside the bounding box."""
    w, d, h = p["width"], p["depth"], p["height"]
    cloth = _mat("cover", p["color"], p["material"])
    sack_h = h * 0.6
    sack = _sphere("sack", 1.0, (0.0, 0.0, sack_h / 2.0), cloth, scale=(w / 2.0, d / 2.0, sack_h / 2.0), segments=32)
    lobe_h = h - sack_h * 0.35
    lobe = _sphere("back_lobe", 1.0, (0.0, d * 0.18, sack_h * 0.35 + lobe_h / 2.0), cloth,
                   scale=(w * 0.4, d * 0.3, lobe_h / 2.0), segments=32)
    return _done([sack, lobe])


if __name__ == "__main__":
    build(PARAMS)
