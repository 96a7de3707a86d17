"""Compose labelled synthetic top-down room images from Blender-rendered object sprites.

    /usr/bin/python3 tools/topdown/compose.py --sprites data/topdown/sprites --out data/topdown/rooms \
        --start 0 --count 6000

Sample i is fully determined by (seed, i): a random room program (layout.py) is drawn in one of six styles
(classes.STYLES): orthographic render, perspective photo with visible wall faces (0-30 deg off vertical),
cropped interior without outer walls, isometric cut-away, 2D floor plan (black walls, flat fills or outline
symbols, door swings, text labels) and hand sketch. Floors get procedural wood, tile, carpet, concrete or
checker textures; lighting gradients, noise, blur and JPEG quality are randomised. Labels are exact: a
per-pixel structure map (classes.STRUCT), a per-pixel instance map (0 none, k = object k), and a JSON file
with each object's class, family, image box (px), yaw (deg) and the room extent. Existing samples are skipped.
"""
import argparse
import glob
import json
import math
import os
import random

import cv2
import numpy as np

from classes import DET_NAMES, FAMILY_CLASS, STYLES
from layout import furnish, make_room

OUT_SIDE = 384


def load_sprites(folder):
    """{family: [meta with loaded RGBA views]} from render_sprites.py output."""
    sprites = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        meta = json.load(open(path))
        views = {}
        for name, v in meta["views"].items():
            img = cv2.imread(os.path.join(folder, v["png"]), cv2.IMREAD_UNCHANGED)
            if img is None or img.shape[2] != 4:
                continue
            views[name] = img  # BGRA
        lo, hi = meta["bounds"]
        meta["size"] = (hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2])
        meta["img"] = views
        sprites.setdefault(meta["family"], []).append(meta)
    return sprites


def noise_tex(rng, h, w, scale, aniso=1.0):
    """Smooth value noise in [0, 1] of shape (h, w); `scale` = feature size (px), `aniso` stretches along x."""
    gh, gw = max(2, int(h / scale) + 2), max(2, int(w / (scale * aniso)) + 2)
    g = rng.random((gh, gw)).astype(np.float32)
    return cv2.resize(g, (w, h), interpolation=cv2.INTER_CUBIC).clip(0, 1)


def floor_texture(rng, h, w, ppm):
    """A BGR float floor texture: wood planks, tiles, carpet, concrete or checker."""
    kind = rng.choice(["wood", "wood", "wood", "tile", "carpet", "concrete", "checker"])
    if kind == "wood":
        tones = [(60, 100, 150), (40, 70, 110), (90, 140, 190), (120, 160, 200), (110, 120, 130), (30, 50, 80)]
        base = np.array(rng.choice(tones), np.float32)
        plank = max(2, int(rng.uniform(0.1, 0.22) * ppm))
        along_x = rng.random() < 0.5
        hh, ww = (h, w) if along_x else (w, h)
        tex = np.zeros((hh, ww), np.float32)
        grain = noise_tex(rng, hh, ww, max(2, plank / 3), aniso=12)
        for r in range(0, hh, plank):
            tex[r:r + plank] = rng.uniform(-0.12, 0.12)
            tex[r:r + 1] -= 0.25
        tex += 0.25 * (grain - 0.5)
        if not along_x:
            tex = tex.T
        img = base[None, None, :] * (1 + tex[..., None])
    elif kind == "tile":
        tones = [(220, 220, 220), (200, 210, 215), (180, 190, 200), (150, 150, 150), (230, 235, 240)]
        base = np.array(rng.choice(tones), np.float32)
        t = max(3, int(rng.uniform(0.3, 0.6) * ppm))
        tex = np.zeros((h, w), np.float32)
        tex[::t, :] = -0.3
        tex[:, ::t] = -0.3
        img = base[None, None, :] * (1 + tex[..., None] + 0.05 * (noise_tex(rng, h, w, 3)[..., None] - 0.5))
    elif kind == "checker":
        t = max(3, int(rng.uniform(0.25, 0.5) * ppm))
        yy, xx = np.mgrid[0:h, 0:w]
        c = ((yy // t + xx // t) % 2).astype(np.float32)
        a = np.array(rng.choice([(235, 235, 235), (200, 200, 190)]), np.float32)
        b = np.array(rng.choice([(40, 40, 40), (90, 90, 100)]), np.float32)
        img = a * c[..., None] + b * (1 - c[..., None])
    else:
        grey = np.array([rng.uniform(90, 230)] * 3, np.float32)
        base = grey * np.array([rng.uniform(0.85, 1.1) for _ in range(3)], np.float32)
        n = noise_tex(rng, h, w, 2 if kind == "carpet" else 20)
        img = base[None, None, :] * (1 + 0.15 * (n[..., None] - 0.5))
    return img.clip(0, 255)


def to_px(frame, x, y):
    """Room metres -> canvas px (x right, y down)."""
    ox, oy, ppm = frame
    return ox + x * ppm, oy - y * ppm


def outline_rects(room, frame):
    """Interior polygon of the room (px, int32) honouring the L cut."""
    w, d = room["w"], room["d"]
    pts = [(0, 0), (w, 0), (w, d), (0, d)]
    if room["cut"]:
        c, cw, cd = room["cut"]
        if c == 0:
            pts = [(cw, 0), (w, 0), (w, d), (0, d), (0, cd), (cw, cd)]
        elif c == 1:
            pts = [(0, 0), (w - cw, 0), (w - cw, cd), (w, cd), (w, d), (0, d)]
        elif c == 2:
            pts = [(0, 0), (w, 0), (w, d - cd), (w - cw, d - cd), (w - cw, d), (0, d)]
        else:
            pts = [(0, 0), (w, 0), (w, d), (cw, d), (cw, d - cd), (0, d - cd)]
    return np.array([to_px(frame, x, y) for x, y in pts], np.float32)


def draw_structure(room, frame, shape):
    """Masks (uint8) of floor, wall, door and window at floor level, plus door swing data."""
    h, w = shape
    ppm = frame[2]
    t = max(2, int(round(room["wall"] * ppm)))
    poly = outline_rects(room, frame).astype(np.int32)
    floor = np.zeros((h, w), np.uint8)
    cv2.fillPoly(floor, [poly], 1)
    wall = np.zeros((h, w), np.uint8)
    cv2.polylines(wall, [poly], True, 1, thickness=2 * t)
    wall &= (1 - floor) | wall  # thick outline straddles the boundary; keep the outer half below
    outer = cv2.dilate(floor, np.ones((2 * t + 1, 2 * t + 1), np.uint8))
    wall = ((outer > 0) & (floor == 0)).astype(np.uint8)
    for (p, q, gap_at, gap) in room["partitions"]:
        a, b = to_px(frame, *p), to_px(frame, *q)
        cv2.line(wall, (int(a[0]), int(a[1])), (int(b[0]), int(b[1])), 1, thickness=max(2, t // 2 + 1))
        L = math.hypot(b[0] - a[0], b[1] - a[1]) / ppm
        if gap < L:
            ux, uy = (b[0] - a[0]) / (L * ppm), (b[1] - a[1]) / (L * ppm)
            s0, s1 = gap_at - gap / 2, gap_at + gap / 2
            g0 = (int(a[0] + ux * s0 * ppm), int(a[1] + uy * s0 * ppm))
            g1 = (int(a[0] + ux * s1 * ppm), int(a[1] + uy * s1 * ppm))
            cv2.line(wall, g0, g1, 0, thickness=t + 2)
    floor[wall > 0] = 0
    door = np.zeros((h, w), np.uint8)
    window = np.zeros((h, w), np.uint8)
    swings = []
    for side, c, width, kind in room["openings"]:
        W, D = room["w"], room["d"]
        if side == 0:
            p, q, n = (c - width / 2, 0), (c + width / 2, 0), (0, -1)
        elif side == 2:
            p, q, n = (c - width / 2, D), (c + width / 2, D), (0, 1)
        elif side == 1:
            p, q, n = (W, c - width / 2), (W, c + width / 2), (1, 0)
        else:
            p, q, n = (0, c - width / 2), (0, c + width / 2), (-1, 0)
        a = to_px(frame, p[0] + n[0] * room["wall"] / 2, p[1] + n[1] * room["wall"] / 2)
        b = to_px(frame, q[0] + n[0] * room["wall"] / 2, q[1] + n[1] * room["wall"] / 2)
        m = np.zeros((h, w), np.uint8)
        cv2.line(m, (int(a[0]), int(a[1])), (int(b[0]), int(b[1])), 1, thickness=t + 2)
        m &= wall
        if not m.any():
            continue
        (door if kind == "door" else window)[m > 0] = 1
        if kind == "door":
            swings.append((to_px(frame, *p), to_px(frame, *q), n))
    wall[(door > 0) | (window > 0)] = 0
    return floor, wall, door, window, swings


def place_sprite(canvas, inst, alpha_acc, spr, cx, cy, k):
    """Alpha-composite BGRA sprite centred at (cx, cy) px into canvas; paint instance k; return its box."""
    sh, sw = spr.shape[:2]
    x0, y0 = int(round(cx - sw / 2)), int(round(cy - sh / 2))
    H, W = canvas.shape[:2]
    ax0, ay0, ax1, ay1 = max(0, x0), max(0, y0), min(W, x0 + sw), min(H, y0 + sh)
    if ax1 <= ax0 or ay1 <= ay0:
        return None
    s = spr[ay0 - y0:ay1 - y0, ax0 - x0:ax1 - x0].astype(np.float32)
    a = s[..., 3:4] / 255.0
    canvas[ay0:ay1, ax0:ax1] = canvas[ay0:ay1, ax0:ax1] * (1 - a) + s[..., :3] * a
    m = a[..., 0] > 0.5
    if inst is not None:
        inst[ay0:ay1, ax0:ax1][m] = k
    ys, xs = np.nonzero(m)
    if not len(xs):
        return None
    return [int(ax0 + xs.min()), int(ay0 + ys.min()), int(ax0 + xs.max() + 1), int(ay0 + ys.max() + 1)]


def sprite_for(rng, sprites, fam, yaw, ppm, style, size):
    """The sprite image (BGRA) for a placement, resized to `size` (w, d m local) at ppm and turned by yaw."""
    meta = rng.choice(sprites[fam])
    k = int(round(yaw / 90)) % 4
    tilt = style in ("persp", "iso") and rng.random() < 0.7
    name = "tilt%d" % (90 * k) if tilt else "top"
    img = meta["img"].get(name, meta["img"]["top"])
    if name == "top":
        img = np.rot90(img, k).copy()
    # Scale so the footprint matches the requested size.
    sw, sd = size
    fw, fd = (sw, sd) if k % 2 == 0 else (sd, sw)
    mw, md = (meta["size"][0], meta["size"][1]) if k % 2 == 0 else (meta["size"][1], meta["size"][0])
    fx = ppm / 100.0 * fw / max(0.05, mw)
    fy = ppm / 100.0 * fd / max(0.05, md)
    nw, nh = max(2, int(round(img.shape[1] * fx))), max(2, int(round(img.shape[0] * fy)))
    return cv2.resize(img, (nw, nh), interpolation=cv2.INTER_AREA)


def plan_symbol(rng, spr, mode, ink):
    """Turn a BGRA sprite into a floor-plan symbol: outline strokes, or a flat fill with an outline."""
    a = (spr[..., 3] > 128).astype(np.uint8)
    gray = cv2.cvtColor(spr[..., :3], cv2.COLOR_BGR2GRAY)
    edges = cv2.Canny(gray, 30, 90) * a
    cnt = cv2.morphologyEx(a, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    out = np.zeros_like(spr)
    fill = rng.choice([255, 255, 235, 215, 190]) if mode == "fill" else 255
    out[..., :3] = fill
    lines = (cnt > 0) | ((edges > 0) if rng.random() < 0.8 else False)
    out[..., :3][lines] = ink
    out[..., 3] = a * 255
    return out


def render(i, sprites, seed):
    """Draw sample i; returns (BGR uint8 image, structure map, instance map, annotation dict)."""
    rng = random.Random("%d-%d" % (seed, i))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    style = STYLES[i % len(STYLES)]
    room = make_room(rng)
    sizes_cache = {}

    def sizes(fam):
        if fam not in sizes_cache:
            m = rng.choice(sprites[fam])
            sizes_cache[fam] = (m["size"][0], m["size"][1])
        return sizes_cache[fam]

    items = furnish(room, rng, sizes)
    items = [it for it in items if it[0] in sprites]
    plan = style in ("plan", "sketch")
    ppm = rng.uniform(28, 46) * (9.0 / max(room["w"], room["d"], 4.0))
    margin = rng.uniform(0.4, 1.6) * ppm
    W = int(room["w"] * ppm + 2 * margin)
    H = int(room["d"] * ppm + 2 * margin)
    frame = (margin, margin + room["d"] * ppm, ppm)
    floor, wall, door, window, swings = draw_structure(room, frame, (H, W))

    if plan:
        paper = rng.choice([(255, 255, 255), (250, 250, 250), (240, 245, 248), (235, 240, 245)])
        canvas = np.empty((H, W, 3), np.float32)
        canvas[:] = paper
        if rng.random() < 0.3:
            canvas[floor > 0] = rng.choice([(245, 245, 245), (225, 230, 235), (200, 215, 230)])
        ink = rng.choice([(0, 0, 0), (30, 30, 30), (70, 70, 70)])
        wall_fill = rng.choice([ink, ink, (120, 120, 120), (160, 160, 160)])
        canvas[wall > 0] = wall_fill
        for m, col in ((door, paper), (window, paper)):
            canvas[m > 0] = col
        if window.any():
            ys, xs = np.nonzero(window)
            cnt = cv2.morphologyEx(window, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
            canvas[cnt > 0] = ink
        for p, q, n in swings:
            r = math.hypot(q[0] - p[0], q[1] - p[1])
            ang = math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))
            # swing into the room (opposite of the wall normal; image y is flipped)
            sgn = -1 if (n[0] * (q[1] - p[1]) * -1 + (-n[1]) * (q[0] - p[0]) * -1) < 0 else 1
            cv2.ellipse(canvas, (int(p[0]), int(p[1])), (int(r), int(r)), ang, 0, 90 * sgn, ink, 1)
            ex = p[0] + (-n[0]) * 0 + math.cos(math.radians(ang + 90 * sgn)) * r
            ey = p[1] + math.sin(math.radians(ang + 90 * sgn)) * r
            cv2.line(canvas, (int(p[0]), int(p[1])), (int(ex), int(ey)), ink, 1)
    else:
        bgs = [(240, 240, 240), (200, 200, 200), (120, 130, 140), (60, 60, 60), (250, 250, 250), (150, 160, 120)]
        bg = np.array(rng.choice(bgs), np.float32)
        canvas = np.empty((H, W, 3), np.float32)
        canvas[:] = bg
        canvas *= (1 + 0.08 * (noise_tex(nrng, H, W, 30)[..., None] - 0.5))
        tex = floor_texture(nrng, H, W, ppm)
        canvas[floor > 0] = tex[floor > 0]
        canvas[door > 0] = tex[door > 0] * 0.95
        if len(room["zones"]) > 1 and rng.random() < 0.5:
            z = rng.choice(room["zones"])
            tex2 = floor_texture(nrng, H, W, ppm)
            zm = np.zeros((H, W), np.uint8)
            a, b = to_px(frame, z[0], z[1]), to_px(frame, z[2], z[3])
            cv2.rectangle(zm, (int(a[0]), int(b[1])), (int(b[0]), int(a[1])), 1, -1)
            zm &= floor
            canvas[zm > 0] = tex2[zm > 0]
        walls = [(245, 245, 245), (230, 235, 238), (210, 220, 225), (200, 200, 200), (180, 190, 200), (90, 90, 90),
                 (215, 225, 235)]
        wall_col = np.array(rng.choice(walls), np.float32)
        canvas[wall > 0] = wall_col
        canvas[window > 0] = np.array(rng.choice([(230, 210, 180), (240, 240, 240), (200, 200, 200)]), np.float32)

    inst = np.zeros((H, W), np.uint8)
    objects = []
    # Draw rugs first, then the rest by height (taller on top).
    order = sorted(range(len(items)), key=lambda j: (items[j][0] != "rug", sizes(items[j][0]) and rng.random()))
    shadow = np.zeros((H, W), np.float32)
    drawn = []
    for j in order:
        fam, (cx, cy, w, d), yaw = items[j]
        local = (w, d) if int(round(yaw / 90)) % 2 == 0 else (d, w)
        spr = sprite_for(rng, sprites, fam, yaw, ppm, style, local)
        if plan:
            spr = plan_symbol(rng, spr, rng.choice(["line", "line", "fill"]), ink)
        px, py = to_px(frame, cx, cy)
        drawn.append((fam, spr, px, py, yaw))
    if not plan:
        # Soft contact shadows under furniture (not rugs).
        for fam, spr, px, py, yaw in drawn:
            if fam == "rug":
                continue
            tmp = np.zeros((H, W, 3), np.float32)
            a = spr.copy()
            a[..., :3] = 255
            place_sprite(tmp, None, None, a, px + ppm * 0.05, py + ppm * 0.06, 0)
            shadow = np.maximum(shadow, tmp[..., 0] / 255.0)
        shadow = cv2.GaussianBlur(shadow, (0, 0), max(1.0, ppm * 0.06))
        canvas *= (1 - rng.uniform(0.2, 0.45) * shadow[..., None])
    for k, (fam, spr, px, py, yaw) in enumerate(drawn, start=1):
        if not plan:
            gain = rng.uniform(1.0, 1.6)
            spr = spr.copy()
            spr[..., :3] = np.clip(spr[..., :3].astype(np.float32) * gain, 0, 255).astype(np.uint8)
        box = place_sprite(canvas, inst, None, spr, px, py, k)
        if box:
            objects.append({"k": k, "family": fam, "cls": FAMILY_CLASS[fam], "box": box, "yaw": yaw})
    if plan:
        font = rng.choice([cv2.FONT_HERSHEY_SIMPLEX, cv2.FONT_HERSHEY_DUPLEX, cv2.FONT_HERSHEY_PLAIN])
        if style == "sketch":
            font = cv2.FONT_HERSHEY_SCRIPT_SIMPLEX
        for z in room["zones"]:
            if rng.random() < 0.75:
                area = "%dm2" % int((z[2] - z[0]) * (z[3] - z[1]))
                names = [z[4].upper(), z[4].capitalize(), z[4][:3].upper(), "ROOM %d" % rng.randint(1, 4), area]
                label = rng.choice(names)
                lx = rng.uniform(z[0] + 0.3, max(z[0] + 0.31, z[2] - 1.5))
                tx, ty = to_px(frame, lx, rng.uniform(z[1] + 0.4, z[3] - 0.3))
                cv2.putText(canvas, label, (int(tx), int(ty)), font, rng.uniform(0.3, 0.6), ink, 1, cv2.LINE_AA)
        for _ in range(rng.randint(0, 4)):
            text = "BH=%d" % rng.choice([400, 700, 900])
            org = (rng.randint(0, W - 40), rng.randint(8, H - 2))
            cv2.putText(canvas, text, org, font, 0.3, ink, 1, cv2.LINE_AA)

    struct = np.zeros((H, W), np.uint8)
    struct[floor > 0] = 1
    struct[wall > 0] = 2
    struct[door > 0] = 3
    struct[window > 0] = 4
    interior = cv2.boundingRect((floor | door).astype(np.uint8))
    extent = [interior[0], interior[1], interior[0] + interior[2], interior[1] + interior[3]]

    if style == "persp":
        canvas, struct, inst, extent = perspective(rng, canvas, struct, inst, wall, room, frame, extent, objects)
    elif style == "iso":
        canvas, struct, inst, extent = isometric(rng, canvas, struct, inst, extent, objects)
    elif style == "crop":
        x0, y0, x1, y1 = extent
        cw, ch = x1 - x0, y1 - y0
        fx0 = x0 + int(rng.uniform(0, 0.2) * cw)
        fy0 = y0 + int(rng.uniform(0, 0.2) * ch)
        fx1 = x1 - int(rng.uniform(0, 0.2) * cw)
        fy1 = y1 - int(rng.uniform(0, 0.2) * ch)
        canvas, struct, inst = canvas[fy0:fy1, fx0:fx1], struct[fy0:fy1, fx0:fx1], inst[fy0:fy1, fx0:fx1]
        for o in objects:
            b = o["box"]
            o["box"] = [b[0] - fx0, b[1] - fy0, b[2] - fx0, b[3] - fy0]
        extent = [0, 0, fx1 - fx0, fy1 - fy0]
    if style == "sketch":
        canvas = sketchify(nrng, canvas)

    # Photometric randomisation.
    if not plan:
        gy, gx = np.mgrid[0:canvas.shape[0], 0:canvas.shape[1]].astype(np.float32)
        ang = rng.uniform(0, 2 * math.pi)
        grad = (np.cos(ang) * gx / canvas.shape[1] + np.sin(ang) * gy / canvas.shape[0])
        canvas = canvas * (1 + rng.uniform(0, 0.3) * (grad[..., None] - 0.5))
        canvas = canvas * np.array([rng.uniform(0.9, 1.1) for _ in range(3)], np.float32) * rng.uniform(0.8, 1.15)
    if rng.random() < 0.5:
        canvas = cv2.GaussianBlur(canvas, (0, 0), rng.uniform(0.3, 1.2))
    canvas = canvas + nrng.normal(0, rng.uniform(0, 6), canvas.shape).astype(np.float32)
    img = canvas.clip(0, 255).astype(np.uint8)

    # Resize to the stored size (long side OUT_SIDE).
    h, w = img.shape[:2]
    f = OUT_SIDE / max(h, w)
    nw, nh = max(8, int(round(w * f))), max(8, int(round(h * f)))
    img = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_AREA)
    struct = cv2.resize(struct, (nw, nh), interpolation=cv2.INTER_NEAREST)
    inst = cv2.resize(inst, (nw, nh), interpolation=cv2.INTER_NEAREST)
    kept = []
    for o in objects:
        b = [max(0.0, o["box"][0] * f), max(0.0, o["box"][1] * f), min(nw, o["box"][2] * f), min(nh, o["box"][3] * f)]
        if b[2] - b[0] >= 2 and b[3] - b[1] >= 2:
            o["box"] = [round(v, 1) for v in b]
            o["category"] = DET_NAMES[o["cls"]]
            kept.append(o)
    ann = {"style": style, "size": [nw, nh], "roomM": [room["w"], room["d"]],
           "extent": [round(v * f, 1) for v in extent],
           "zones": [z[4] for z in room["zones"]], "objects": kept, "jpegQuality": rng.randint(35, 95)}
    return img, struct, inst, ann


def warp_all(canvas, struct, inst, M, size, objects, extent, persp):
    """Apply an affine (2x3) or homography (3x3) to images, object boxes and the room extent."""
    W, H = size
    if persp:
        canvas = cv2.warpPerspective(canvas, M, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        struct = cv2.warpPerspective(struct, M, (W, H), flags=cv2.INTER_NEAREST, borderMode=cv2.BORDER_REPLICATE)
        inst = cv2.warpPerspective(inst, M, (W, H), flags=cv2.INTER_NEAREST)
    else:
        canvas = cv2.warpAffine(canvas, M, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        struct = cv2.warpAffine(struct, M, (W, H), flags=cv2.INTER_NEAREST, borderMode=cv2.BORDER_REPLICATE)
        inst = cv2.warpAffine(inst, M, (W, H), flags=cv2.INTER_NEAREST)
    M3 = M if persp else np.vstack([M, [0, 0, 1]])

    def tb(b):
        pts = np.array([[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]]], np.float32)[None]
        q = cv2.perspectiveTransform(pts, M3)[0]
        return [float(q[:, 0].min()), float(q[:, 1].min()), float(q[:, 0].max()), float(q[:, 1].max())]

    for o in objects:
        # Prefer the warped instance mask's box (exact after occlusion); fall back to the warped box.
        ys, xs = np.nonzero(inst == o["k"])
        o["box"] = [int(xs.min()), int(ys.min()), int(xs.max() + 1), int(ys.max() + 1)] if len(xs) else tb(o["box"])
    return canvas, struct, inst, tb(extent)


def perspective(rng, canvas, struct, inst, wall, room, frame, extent, objects):
    """Camera 0-30 deg off vertical: wall faces from the floor outline to the magnified wall tops, then a tilt."""
    H, W = struct.shape
    cx, cy = W / 2 + rng.uniform(-0.2, 0.2) * W, H / 2 + rng.uniform(-0.2, 0.2) * H
    s = 1 + rng.uniform(0.04, 0.14)  # wall-top magnification Z/(Z-h)
    M = np.array([[s, 0, (1 - s) * cx], [0, s, (1 - s) * cy]], np.float32)
    top = cv2.warpAffine(wall, M, (W, H), flags=cv2.INTER_NEAREST)
    flo = (struct == 1) | (struct == 3)
    # Faces: between the floor outline and the magnified tops, outside the floor.
    grow = cv2.warpAffine(flo.astype(np.uint8), M, (W, H), flags=cv2.INTER_NEAREST)
    face = (grow > 0) & ~flo & (top == 0)
    face_col = canvas[wall > 0].mean(axis=0) if wall.any() else np.array([200, 200, 200], np.float32)
    canvas[face] = face_col * rng.uniform(0.6, 0.9)
    canvas[top > 0] = face_col
    struct[face | (top > 0)] = 2
    # Tilt homography: move two image corners toward each other.
    t = math.radians(rng.uniform(0, 30))
    k = 0.5 * math.tan(t) * rng.uniform(0.4, 0.8)
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    side = rng.randint(0, 3)
    dst = src.copy()
    if side == 0:
        dst[0, 0] += k * W / 2
        dst[1, 0] -= k * W / 2
    elif side == 1:
        dst[2, 0] -= k * W / 2
        dst[3, 0] += k * W / 2
    elif side == 2:
        dst[0, 1] += k * H / 2
        dst[3, 1] -= k * H / 2
    else:
        dst[1, 1] += k * H / 2
        dst[2, 1] -= k * H / 2
    Hm = cv2.getPerspectiveTransform(src, dst)
    return warp_all(canvas, struct, inst, Hm, (W, H), objects, extent, True)


def isometric(rng, canvas, struct, inst, extent, objects):
    """Isometric cut-away: walls extruded along one direction, then rotated 20-45 deg and squashed vertically."""
    H, W = struct.shape
    wallm = (struct == 2).astype(np.uint8)
    h_px = rng.uniform(0.02, 0.05) * max(W, H)
    dx, dy = rng.uniform(-0.3, 0.3) * h_px, -h_px
    col = canvas[wallm > 0].mean(axis=0) if wallm.any() else np.array([210, 210, 210], np.float32)
    steps = max(1, int(abs(dy)))
    for sidx in range(1, steps + 1):
        M = np.float32([[1, 0, dx * sidx / steps], [0, 1, dy * sidx / steps]])
        sh = cv2.warpAffine(wallm, M, (W, H), flags=cv2.INTER_NEAREST) > 0
        shade = 0.7 + 0.3 * sidx / steps
        canvas[sh] = col * shade
        struct[sh] = 2
    ang = rng.uniform(20, 45) * rng.choice([-1, 1])
    sq = rng.uniform(0.55, 0.85)
    R = cv2.getRotationMatrix2D((W / 2, H / 2), ang, 1.0)
    S = np.float32([[1, 0, 0], [0, sq, 0], [0, 0, 1]])
    A = (S @ np.vstack([R, [0, 0, 1]]))
    # Fit into the canvas bounds.
    corners = np.float32([[0, 0, 1], [W, 0, 1], [W, H, 1], [0, H, 1]]) @ A.T
    mn, mx = corners[:, :2].min(0), corners[:, :2].max(0)
    T = np.float32([[1, 0, -mn[0]], [0, 1, -mn[1]], [0, 0, 1]])
    A = (T @ A)[:2]
    size = (int(mx[0] - mn[0]), int(mx[1] - mn[1]))
    bgc = canvas[0, 0].copy()
    c, s_, i_, e = warp_all(canvas, struct, inst, A, size, objects, extent, False)
    return c, s_, i_, e


def sketchify(nrng, canvas):
    """Hand-sketch look: wobble the strokes, soften and grey the ink, add paper grain."""
    H, W = canvas.shape[:2]
    dx = cv2.resize(nrng.normal(0, 1.5, (H // 16 + 2, W // 16 + 2)).astype(np.float32), (W, H))
    dy = cv2.resize(nrng.normal(0, 1.5, (H // 16 + 2, W // 16 + 2)).astype(np.float32), (W, H))
    gx, gy = np.meshgrid(np.arange(W, dtype=np.float32), np.arange(H, dtype=np.float32))
    out = cv2.remap(canvas, gx + dx, gy + dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    g = cv2.cvtColor(out.astype(np.uint8), cv2.COLOR_BGR2GRAY).astype(np.float32)
    g = 255 - (255 - g) * nrng.uniform(0.5, 0.9)
    paper = 235 + 15 * nrng.random((H, W)).astype(np.float32)
    g = np.minimum(g, paper)
    return np.repeat(g[..., None], 3, axis=2)


def main():
    """Write samples [start, start + count) that are not on disk yet."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sprites", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    sprites = load_sprites(args.sprites)
    done = 0
    for i in range(args.start, args.start + args.count):
        base = os.path.join(args.out, "%06d" % i)
        if os.path.exists(base + ".json"):
            continue
        img, struct, inst, ann = render(i, sprites, args.seed)
        cv2.imwrite(base + ".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, ann["jpegQuality"]])
        cv2.imwrite(base + "-struct.png", struct)
        cv2.imwrite(base + "-inst.png", inst)
        with open(base + ".json", "w") as f:
            json.dump(ann, f)
        done += 1
        if done % 200 == 0:
            print("compose: %d samples written (last %06d)" % (done, i), flush=True)
    print("compose: finished, %d new samples" % done)


if __name__ == "__main__":
    main()
