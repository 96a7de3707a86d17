"""Job kind assemble_scene: room + objects with placements + lights -> GLB, .blend and a top-down PNG."""
import math
import os

import bpy

from . import scene_state, stats, textures
from .jobs import (JobError, Timer, _export_glb, _geometry_or_fail, _parent_under, _run_program, _strip_non_geometry,
                   validated_joints)


def _add_light(light, coll, index, roots=None):
    """Add ``light`` to ``coll``; a light with an ``objectId`` whose root is in ``roots`` becomes that root's child
    at its ``local`` position (m), so moving or turning the object in Blender carries its light."""
    kinds = {"point": "POINT", "area": "AREA", "sun": "SUN", "spot": "SPOT"}
    data = bpy.data.lights.new("light_%d" % (index + 1), kinds[light["kind"]])
    data.color = scene_state.hex_to_linear(light["color"])
    data.energy = float(light["power"])
    obj = bpy.data.objects.new("light_%d" % (index + 1), data)
    coll.objects.link(obj)
    root = (roots or {}).get(light.get("objectId"))
    if root is not None and light.get("local") is not None:
        obj.parent = root
        obj.matrix_parent_inverse.identity()
        obj.location = light["local"]
        obj["roomcode_object"] = light["objectId"]
    else:
        obj.location = light["position"]
    return obj


def _render_top(path, size_px, objects):
    """Orthographic top-down Workbench render of ``objects`` to PNG at ``path``."""
    box = stats.geometry_stats(objects)["bbox"]
    cx = (box["min"][0] + box["max"][0]) / 2.0
    cy = (box["min"][1] + box["max"][1]) / 2.0
    extent = max(box["max"][0] - box["min"][0], box["max"][1] - box["min"][1], 0.1)
    cam_data = bpy.data.cameras.new("top_camera")
    cam_data.type = "ORTHO"
    cam_data.ortho_scale = extent * 1.04
    cam_data.clip_end = 1000.0
    cam = bpy.data.objects.new("top_camera", cam_data)
    cam.location = (cx, cy, box["max"][2] + 10.0)
    bpy.context.scene.collection.objects.link(cam)
    scene = bpy.context.scene
    scene.camera = cam
    scene.render.engine = "BLENDER_WORKBENCH"
    scene.render.resolution_x = size_px
    scene.render.resolution_y = size_px
    scene.render.resolution_percentage = 100
    scene.render.image_settings.file_format = "PNG"
    scene.render.filepath = path
    for mat in bpy.data.materials:
        bsdf = mat.node_tree.nodes.get("Principled BSDF") if mat.use_nodes and mat.node_tree else None
        if bsdf is not None and not bsdf.inputs["Base Color"].is_linked:
            mat.diffuse_color = bsdf.inputs["Base Color"].default_value
    shading = scene.display.shading
    shading.light = "STUDIO"
    shading.color_type = "MATERIAL"
    shading.show_object_outline = True
    shading.show_cavity = True
    shading.cavity_type = "WORLD"
    bpy.ops.render.render(write_still=True)
    bpy.data.objects.remove(cam, do_unlink=True)


def _run_isolated(source, object_id, overrides, coll, timer, ctx):
    """Run one program in a scratch scene (so clearing its scene cannot touch other objects), then move
    what it created into ``coll``. Raises JobError."""
    window = bpy.context.window
    main = bpy.context.scene
    tmp = bpy.data.scenes.new("roomcode_build") if window is not None else None
    if tmp is not None:
        window.scene = tmp
    try:
        objs = _strip_non_geometry(_run_program(source, "<object:%s>" % object_id, overrides, False, True,
                                                timer, ctx["pid"]))
        _geometry_or_fail(objs, object_id)
        for o in objs:
            scene_state.move_to_collection(o, coll)
        return objs
    finally:
        if tmp is not None:
            window.scene = main
            for o in list(tmp.objects):
                bpy.data.objects.remove(o, do_unlink=True)
            bpy.data.scenes.remove(tmp)


def assemble_scene(job, ctx):
    """Room + objects with placements + lights -> scene.glb / scene.blend / top PNG."""
    timer = Timer()
    scene = scene_state.reset_session()
    timer.mark("reset")
    room_coll = scene_state.new_collection("Room")
    objects_coll = scene_state.new_collection("Objects")
    lights_coll = scene_state.new_collection("Lights")
    failed = []
    placed = []
    all_geometry = []
    if job.get("roomSource"):
        try:
            objs = _run_isolated(job["roomSource"], "room", job.get("roomOverrides"), room_coll, timer, ctx)
            if job.get("textures"):
                out = job.get("outGlb") or job.get("outBlend") or job.get("outTopPng")
                textures.apply(objs, job["textures"], os.path.dirname(out))
            root = _parent_under(objs, "room", room_coll)
            root["roomcode_id"] = "room"
            all_geometry.extend(objs)
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
            out = job.get("outGlb") or job.get("outBlend") or job.get("outTopPng")
            textures.apply(objs, item["textures"], os.path.dirname(out))
        root = _parent_under(objs, oid, coll)
        root["roomcode_id"] = oid
        if item.get("mount") in ("wall", "ceiling"):
            root["roomcode_mount"] = item["mount"]
        root["parts"] = sorted(o.name for o in objs if o.type in stats.GEOMETRY_TYPES)
        try:
            # The .blend keeps the validated joints as the root's roomcode_joints property.
            validated_joints(item["source"], item.get("overrides"), objs, root, oid)
        except Exception:  # noqa: BLE001 (joints only annotate the export; they never fail the assembly)
            pass
        pl = item["placement"]
        root.location = (pl["x"], pl["y"], pl["z"])
        root.rotation_euler = (0.0, 0.0, math.radians(pl["yawDeg"]))
        placed.append((oid, objs))
        all_geometry.extend(objs)
    roots = {oid: bpy.data.objects.get(oid) for oid, _ in placed}
    for i, light in enumerate(job.get("lights", [])):
        _add_light(light, lights_coll, i, roots)
    bpy.context.view_layer.update()
    timer.mark("build")
    boxes = [{"objectId": oid, "bbox": stats.world_bbox(objs)} for oid, objs in placed]
    timer.mark("stats")
    if job.get("outGlb"):
        _export_glb(job["outGlb"], lights=True)
        timer.mark("export_glb")
    if job.get("outBlend"):
        bpy.ops.wm.save_as_mainfile(filepath=job["outBlend"], copy=True, compress=True)
        timer.mark("export_blend")
    if job.get("outTopPng"):
        if all_geometry:
            _render_top(job["outTopPng"], int(job.get("topPngSizePx") or 512), all_geometry)
        timer.mark("render_top")
    scene.render.filepath = "//"
    return ({"glbPath": job.get("outGlb"), "blendPath": job.get("outBlend"), "topPngPath": job.get("outTopPng"),
             "objects": boxes, "failed": failed}, timer.done())
