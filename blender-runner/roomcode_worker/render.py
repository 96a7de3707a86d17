"""Job kind render_scene: room + objects with placements + lights -> one Cycles (CPU) PNG from a camera.

Seen from outside the room, the walls between the camera and the room are left out (``cutaway``, default on).

A progressive render is a series of these jobs with growing sample counts; each job rebuilds the scene
from its programs (the worker keeps no state between jobs), so any pass can run on any worker.
"""
import math
import os

import bpy
from mathutils import Vector

from . import scene_state, textures
from .assemble import _add_light, _run_isolated
from .jobs import JobError, Timer, _parent_under

# Room-shell parts a camera above the walls should not look through (the preview's cutaway does the same).
_CEILING_PREFIXES = ("ceiling",)


def _has_oidn():
    """Whether this Blender was built with OpenImageDenoise (Debian's is not)."""
    try:
        return bool(getattr(bpy.app.build_options, "openimagedenoise", False))
    except Exception:  # noqa: BLE001 (any failure means: do not denoise)
        return False


def _camera(cam, coll):
    """Camera object from ``cam``: position/target (room frame, m), fovDeg, or ``orthoScale`` (m)."""
    data = bpy.data.cameras.new("render_camera")
    if cam.get("orthoScale"):
        data.type = "ORTHO"
        data.ortho_scale = float(cam["orthoScale"])
    else:
        data.lens_unit = "FOV"
        data.sensor_fit = "VERTICAL"
        data.angle = math.radians(float(cam.get("fovDeg") or 45.0))
    data.clip_start = 0.05
    data.clip_end = 500.0
    obj = bpy.data.objects.new("render_camera", data)
    obj.location = Vector(cam["position"])
    direction = Vector(cam["target"]) - obj.location
    if direction.length < 1e-6:
        direction = Vector((0.0, 0.0, -1.0))
    up = "Y" if abs(direction.normalized().z) > 0.999 else "Z"
    obj.rotation_euler = direction.to_track_quat("-Z", up).to_euler()
    coll.objects.link(obj)
    return obj


def _centre(obj):
    """World-space centre of an object's bounding box."""
    pts = [obj.matrix_world @ Vector(c) for c in obj.bound_box]
    return sum(pts, Vector((0.0, 0.0, 0.0))) / 8.0


def _cut_away(parts, camera_location):
    """Remove the walls (and their doors and windows) between an outside camera and the room, as the preview's
    cutaway does: parts whose centre lies towards the camera from the room centre. The floor always stays."""
    bpy.context.view_layer.update()
    floor = [o for o in parts if o.name.lower().startswith("floor")]
    if not floor:
        return parts
    lo = [min((o.matrix_world @ Vector(c))[i] for o in floor for c in o.bound_box) for i in range(2)]
    hi = [max((o.matrix_world @ Vector(c))[i] for o in floor for c in o.bound_box) for i in range(2)]
    centre = Vector(((lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0, 0.0))
    cam = Vector((camera_location[0], camera_location[1], 0.0))
    inside = lo[0] < cam.x < hi[0] and lo[1] < cam.y < hi[1]
    if inside or (cam - centre).length < 1e-6:
        return parts
    towards = (cam - centre).normalized()
    half = max(hi[0] - lo[0], hi[1] - lo[1]) / 2.0
    kept = []
    for o in parts:
        c = _centre(o)
        offset = Vector((c.x, c.y, 0.0)) - centre
        if o not in floor and offset.length > 0.3 * half and offset.normalized().dot(towards) > 0.45:
            bpy.data.objects.remove(o, do_unlink=True)
        else:
            kept.append(o)
    return kept


def _world(scene, strength):
    """Neutral grey world so that metal and glass have something to reflect (no HDR file needed)."""
    world = bpy.data.worlds.new("render_world")
    world.use_nodes = True
    bg = world.node_tree.nodes.get("Background")
    if bg is not None:
        bg.inputs["Color"].default_value = (0.8, 0.82, 0.85, 1.0)
        bg.inputs["Strength"].default_value = strength
    scene.world = world


def _configure(scene, job):
    """Cycles on the CPU at the job's resolution and sample count; denoise only where OIDN exists."""
    scene.render.engine = "CYCLES"
    cycles = scene.cycles
    cycles.device = "CPU"
    cycles.samples = max(1, int(job.get("samples") or 16))
    cycles.use_adaptive_sampling = True
    cycles.max_bounces = 6
    cycles.diffuse_bounces = 3
    cycles.glossy_bounces = 3
    cycles.transmission_bounces = 6
    cycles.caustics_reflective = False
    cycles.caustics_refractive = False
    cycles.use_denoising = bool(job.get("denoise")) and _has_oidn()
    if hasattr(cycles, "use_preview_denoising"):
        cycles.use_preview_denoising = False
    threads = int(job.get("threads") or 0)
    if threads > 0:
        scene.render.threads_mode = "FIXED"
        scene.render.threads = threads
    scene.render.resolution_x = int(job.get("widthPx") or 1280)
    scene.render.resolution_y = int(job.get("heightPx") or 720)
    scene.render.resolution_percentage = 100
    scene.render.film_transparent = False
    scene.render.image_settings.file_format = "PNG"
    scene.render.image_settings.color_mode = "RGB"
    try:
        scene.view_settings.view_transform = "Filmic"
    except TypeError:
        pass


def render_scene(job, ctx):
    """Build room + objects + lights, then render the camera to ``outPng`` with Cycles."""
    timer = Timer()
    scene = scene_state.reset_session()
    timer.mark("reset")
    room_coll = scene_state.new_collection("Room")
    objects_coll = scene_state.new_collection("Objects")
    lights_coll = scene_state.new_collection("Lights")
    failed = []
    roots = {}
    if job.get("roomSource"):
        try:
            objs = _run_isolated(job["roomSource"], "room", job.get("roomOverrides"), room_coll, timer, ctx)
            if job.get("textures"):
                textures.apply(objs, job["textures"], os.path.dirname(job["outPng"]))
            if job.get("hideCeiling", True):
                for o in list(objs):
                    if o.name.lower().startswith(_CEILING_PREFIXES):
                        bpy.data.objects.remove(o, do_unlink=True)
                        objs.remove(o)
            if job.get("cutaway", True):
                objs = _cut_away(objs, job["camera"]["position"])
            if objs:
                _parent_under(objs, "room", room_coll)
        except JobError as exc:
            failed.append({"objectId": "room", "error": exc.error})
    for item in job.get("objects", []):
        if item.get("hidden"):
            continue
        oid = item["objectId"]
        coll = scene_state.new_collection(oid, objects_coll)
        try:
            objs = _run_isolated(item["source"], oid, item.get("overrides"), coll, timer, ctx)
        except JobError as exc:
            failed.append({"objectId": oid, "error": exc.error})
            bpy.data.collections.remove(coll)
            continue
        if item.get("textures"):
            textures.apply(objs, item["textures"], os.path.dirname(job["outPng"]))
        root = _parent_under(objs, oid, coll)
        pl = item["placement"]
        root.location = (pl["x"], pl["y"], pl["z"])
        root.rotation_euler = (0.0, 0.0, math.radians(pl["yawDeg"]))
        roots[oid] = root
    lights = job.get("lights", [])
    for i, light in enumerate(lights):
        _add_light(light, lights_coll, i, roots)
    cam = _camera(job["camera"], scene.collection)
    scene.camera = cam
    _world(scene, 1.0 if lights else 1.6)
    _configure(scene, job)
    bpy.context.view_layer.update()
    timer.mark("build")
    scene.render.filepath = job["outPng"]
    bpy.ops.render.render(write_still=True)
    timer.mark("render")
    scene.render.filepath = "//"
    return ({"pngPath": job["outPng"], "samples": scene.cycles.samples, "widthPx": scene.render.resolution_x,
             "heightPx": scene.render.resolution_y, "denoised": bool(scene.cycles.use_denoising),
             "failed": failed}, timer.done())
