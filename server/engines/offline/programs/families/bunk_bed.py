"""Bunk bed: four corner posts, two bed decks with mattresses, guard rails on the top bunk and a ladder at the foot."""
import bpy
import math

PARAMS = {
    "width": 1.0,
    "depth": 2.0,
    "height": 1.7,
    "color": "#d1a873",
    "material": "pine",
    "secondary_color": "#a7c7e7",
}


def build(p):
    """Posts, lower and upper decks with mattresses and pillows, top guard rails, ladder on the -Y end."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("frame", p["color"], p["material"])
    bedding = _mat("bedding", p.get("secondary_color", "#a7c7e7"), "cotton")
    post = 0.07
    parts = _four_legs(w, d, h, post, wood, prefix="post")
    decks = [min(0.25, h * 0.15), h * 0.58]
    for i, z in enumerate(decks):
        k = i + 1
        parts.append(_box("deck_%d" % k, (w - 2 * post, d - 2 * post, 0.04), (0.0, 0.0, z), wood))
        for s, y in enumerate((-d / 2.0 + post / 2.0, d / 2.0 - post / 2.0)):
            parts.append(_box("end_rail_%d_%d" % (k, s + 1), (w - 2 * post, 0.03, 0.12), (0.0, y, z + 0.04), wood))
        m_h = min(0.15, (h - z) * 0.25)
        parts.append(_box("mattress_%d" % k, (w - 2 * post - 0.02, d - 2 * post - 0.02, m_h),
                          (0.0, 0.0, z + 0.02 + m_h / 2.0), bedding, bevel=0.03, smooth=True))
        parts.append(_box("pillow_%d" % k, (w * 0.5, 0.3, 0.09), (0.0, d / 2.0 - post - 0.2, z + 0.02 + m_h + 0.045),
                          bedding, bevel=0.03, smooth=True))
    for s, x in enumerate((-w / 2.0 + 0.015, w / 2.0 - 0.015)):
        parts.append(_box("guard_rail_%d" % (s + 1), (0.03, d - 2 * post, 0.1), (x, 0.0, h - 0.08), wood))
    ladder_x = w / 2.0 - post - 0.22
    y = -d / 2.0 + 0.015
    for s, x in enumerate((ladder_x - 0.18, ladder_x + 0.18)):
        parts.append(_box("ladder_side_%d" % (s + 1), (0.04, 0.03, h - 0.05), (x, y, (h - 0.05) / 2.0), wood))
    rungs = max(2, int(decks[1] / 0.3))
    for i in range(rungs):
        z = decks[1] * (i + 1) / (rungs + 1) + 0.1
        parts.append(_cyl("rung_%d" % (i + 1), 0.014, 0.36, (ladder_x, y, z), wood, rot=(0.0, math.pi / 2.0, 0.0),
                          segments=12))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
