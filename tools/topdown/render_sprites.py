"""Render top-down sprites of the offline library's object families with Blender Workbench.

Run inside Blender (trusted: only our own family programs are executed)::

    blender -b --factory-startup --python tools/topdown/render_sprites.py -- \
        --out DATA/sprites --variants 6 --chunk 0 --chunks 1

Each family template (server/engines/offline/programs/families/<family>.py) is executed with the shared
helpers of ``_common.py`` and randomised PARAMS (sizes, colours, materials), then rendered with an
orthographic camera straight down and with cameras tilted 25 degrees from four azimuths, on a transparent
film at a fixed 100 px per metre. Each render is a RGBA PNG plus a JSON record (family, PARAMS, footprint
in metres, view). Sprites already on disk are skipped, so the job restarts where it stopped.
"""
import argparse
import json
import math
import os
import random
import sys

import bpy

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PROGRAMS = os.path.join(ROOT, "server", "engines", "offline", "programs")
PX_PER_M = 100
FAMILIES = [
    "bed", "bunk_bed", "crib", "nightstand", "sofa", "armchair", "bean_bag", "chair", "office_chair",
    "bar_stool", "stool", "dining_table", "coffee_table", "side_table", "console_table", "desk", "wardrobe",
    "dresser", "sideboard", "cabinet", "wine_cabinet", "tv_stand", "bookshelf", "shelf", "rug",
    "potted_plant", "bench", "ottoman", "toilet", "bathtub", "shower", "sink", "vanity", "kitchen_counter",
    "kitchen_island", "stove", "fridge", "washing_machine", "floor_lamp",
]
PALETTE = [
    "#f1efe8", "#e8e2d4", "#d9cbb0", "#c8b89a", "#a08060", "#8b5a2b", "#6b4423", "#4a3020", "#2f2a26",
    "#1f1f1f", "#707070", "#a8a8a8", "#d0d0d0", "#6f7f8f", "#33475b", "#1f3a5f", "#5b7553", "#7a8b5a",
    "#9c4a3a", "#b5653e", "#c9a227", "#e0c9a6", "#f5f5f5", "#8a6f9e", "#476c6c", "#b08d74",
]
MATERIALS = ["wood", "fabric", "paint", "plastic", "metal", "leather", "cotton", "oak", "walnut"]
VIEWS = [("top", 0.0, 0.0)] + [("tilt%d" % a, 25.0, float(a)) for a in (0, 90, 180, 270)]


def parse_args():
    """Command-line options after Blender's ``--``."""
    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--variants", type=int, default=6)
    ap.add_argument("--chunk", type=int, default=0)
    ap.add_argument("--chunks", type=int, default=1)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--families", default="")
    return ap.parse_args(argv)


def load_family(family):
    """Namespace with ``build`` and ``PARAMS`` of a family template plus the shared helpers."""
    ns = {"__name__": "roomcode_family_" + family}
    with open(os.path.join(PROGRAMS, "_common.py")) as f:
        exec(compile(f.read(), "_common.py", "exec"), ns)
    with open(os.path.join(PROGRAMS, "families", family + ".py")) as f:
        exec(compile(f.read(), family + ".py", "exec"), ns)
    return ns


def vary(params, rng, variant):
    """PARAMS with sizes scaled 0.8-1.25 and random colours/materials; variant 0 keeps the defaults."""
    p = dict(params)
    if variant == 0:
        return p
    for key in ("width", "depth", "height", "length", "diameter", "size"):
        if isinstance(p.get(key), (int, float)) and not isinstance(p.get(key), bool):
            p[key] = round(float(p[key]) * rng.uniform(0.8, 1.25), 3)
    for key, val in list(p.items()):
        if isinstance(val, str) and val.startswith("#") and len(val) == 7:
            p[key] = rng.choice(PALETTE)
        elif key == "material" and rng.random() < 0.5:
            p[key] = rng.choice(MATERIALS)
        elif isinstance(val, bool) and rng.random() < 0.3:
            p[key] = not val
        elif isinstance(val, int) and not isinstance(val, bool) and 0 < val <= 6 and rng.random() < 0.3:
            p[key] = max(1, val + rng.choice((-1, 1)))
    return p


def reset():
    """Remove every object and orphan data block."""
    for ob in list(bpy.data.objects):
        bpy.data.objects.remove(ob, do_unlink=True)
    for coll in (bpy.data.meshes, bpy.data.materials, bpy.data.cameras, bpy.data.curves):
        for block in list(coll):
            if block.users == 0:
                coll.remove(block)


def bounds():
    """World-space bounding box (min, max) of all mesh objects."""
    lo = [1e9] * 3
    hi = [-1e9] * 3
    for ob in bpy.context.scene.objects:
        if ob.type not in ("MESH", "CURVE"):
            continue
        for c in ob.bound_box:
            v = ob.matrix_world @ __import__("mathutils").Vector(c)
            for k in range(3):
                lo[k] = min(lo[k], v[k])
                hi[k] = max(hi[k], v[k])
    return lo, hi


def setup_render(scene, rng):
    """Workbench with studio light, shadows and cavity on a transparent film."""
    scene.render.engine = "BLENDER_WORKBENCH"
    scene.render.film_transparent = True
    scene.render.resolution_percentage = 100
    scene.render.image_settings.file_format = "PNG"
    scene.render.image_settings.color_mode = "RGBA"
    sh = scene.display.shading
    sh.light = "STUDIO"
    sh.color_type = "MATERIAL"
    sh.show_cavity = True
    sh.cavity_type = "WORLD"
    sh.show_shadows = True
    sh.shadow_intensity = rng.uniform(0.2, 0.6)
    sh.show_object_outline = False
    scene.display.light_direction = (rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5), 1.0)
    scene.view_settings.view_transform = "Standard"
    scene.view_settings.exposure = rng.uniform(0.4, 0.9)


def render_view(scene, lo, hi, view, path):
    """Render one view (name, tilt deg, azimuth deg) of the current objects to ``path``; returns px size."""
    name, tilt, azim = view
    cx, cy = (lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2
    w, d, h = hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]
    cam_data = bpy.data.cameras.new("cam")
    cam_data.type = "ORTHO"
    cam = bpy.data.objects.new("cam", cam_data)
    scene.collection.objects.link(cam)
    scene.camera = cam
    t = math.radians(tilt)
    a = math.radians(azim)
    # Tilted views look from the side at azimuth `azim` (0 = from -Y, the object's front).
    ext_x = w if azim in (0.0, 180.0) else d
    ext_y = (d if azim in (0.0, 180.0) else w) * math.cos(t) + h * math.sin(t)
    if tilt == 0:
        ext_x, ext_y = w, d
    margin = 0.06
    ext_x += margin
    ext_y += margin
    cam_data.ortho_scale = max(ext_x, ext_y)
    scene.render.resolution_x = max(8, int(round(ext_x * PX_PER_M)))
    scene.render.resolution_y = max(8, int(round(ext_y * PX_PER_M)))
    dist = 20.0
    dx, dy = -math.sin(a) * math.sin(t), -math.cos(a) * math.sin(t)
    cz = h / 2 if tilt else 0
    cam.location = (cx + dx * dist, cy + dy * dist, cz + math.cos(t) * dist)
    cam.rotation_euler = (t, 0.0, -a)
    if azim in (90.0, 270.0) and tilt:
        cam.rotation_euler = (t, 0.0, -a)
    scene.render.filepath = path
    bpy.ops.render.render(write_still=True)
    bpy.data.objects.remove(cam, do_unlink=True)
    return scene.render.resolution_x, scene.render.resolution_y


def main():
    """Render every (family, variant) of this chunk; skip ones already on disk."""
    args = parse_args()
    os.makedirs(args.out, exist_ok=True)
    fams = args.families.split(",") if args.families else FAMILIES
    jobs = [(f, v) for f in fams for v in range(args.variants)]
    jobs = [j for k, j in enumerate(jobs) if k % args.chunks == args.chunk]
    scene = bpy.context.scene
    for family, variant in jobs:
        key = "%s-%02d" % (family, variant)
        meta_path = os.path.join(args.out, key + ".json")
        if os.path.exists(meta_path):
            continue
        rng = random.Random("%d-%s" % (args.seed, key))
        ns = load_family(family)
        params = vary(ns["PARAMS"], rng, variant)
        reset()
        try:
            ns["build"](params)
        except Exception as exc:  # a bad random variant: fall back to the defaults
            print("sprite: %s failed (%s); defaults" % (key, exc))
            reset()
            params = dict(ns["PARAMS"])
            ns["build"](params)
        lo, hi = bounds()
        setup_render(scene, rng)
        views = {}
        for view in VIEWS:
            png = os.path.join(args.out, "%s-%s.png" % (key, view[0]))
            views[view[0]] = {"png": os.path.basename(png), "size": render_view(scene, lo, hi, view, png),
                              "tilt": view[1], "azimuth": view[2]}
        meta = {"family": family, "variant": variant, "params": params, "pxPerM": PX_PER_M,
                "bounds": [lo, hi], "views": views}
        with open(meta_path, "w") as f:
            json.dump(meta, f)
        print("sprite: %s done" % key, flush=True)


main()
