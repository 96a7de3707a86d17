"""Ottoman: an upholstered pouf (square or round) on short legs, with a tufted top cushion."""
import bpy
import math

PARAMS = {
    "width": 0.6,
    "depth": 0.6,
    "height": 0.42,
    "color": "#a37b55",
    "material": "velvet",
    "shape": "square",
    "leg_height": 0.06,
}


def build(p):
    """Body and top cushion (boxes, or cylinders for a round ottoman) above optional short legs."""
    w, d, h = p["width"], p["depth"], p["height"]
    cloth = _mat("upholstery", p["color"], p["material"])
    wood = _mat("legs", "#3b2a20", "wood")
    leg_h = min(max(p.get("leg_height", 0.06), 0.0), h * 0.3)
    top_h = (h - leg_h) * 0.25
    body_h = h - leg_h - top_h
    parts = []
    round_ = p.get("shape", "square") in ("round", "oval")
    if leg_h > 0.005:
        inset = min(w, d) * 0.15 if round_ else 0.04
        parts += _four_legs(w, d, leg_h, 0.035, wood, inset=inset, round_legs=True)
    if round_:
        body = _cyl("body", w / 2.0, body_h, (0.0, 0.0, leg_h + body_h / 2.0), cloth, segments=40)
        top = _cyl("top_cushion", w / 2.0, top_h, (0.0, 0.0, h - top_h / 2.0), cloth, segments=40)
        body.scale = top.scale = (1.0, d / w, 1.0)
    else:
        body = _box("body", (w, d, body_h), (0.0, 0.0, leg_h + body_h / 2.0), cloth, bevel=0.02)
        top = _box("top_cushion", (w, d, top_h), (0.0, 0.0, h - top_h / 2.0), cloth, bevel=min(0.04, top_h * 0.45),
                   smooth=True)
    return _done(parts + [body, top])


if __name__ == "__main__":
    build(PARAMS)
