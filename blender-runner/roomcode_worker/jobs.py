"""Job kinds: build_object, build_room, assemble_scene, check."""
import math
import os
import time

import bpy

from . import policy, runtime, scene_state, stats

_GUARD = {"active": False}
_PRINTS = {"writer": runtime.CappedWriter()}


def begin_job():
    """Start a job: fresh print capture."""
    _PRINTS["writer"] = runtime.CappedWriter()


def last_prints():
    """The current job's captured prints (first 64 KB)."""
    return _PRINTS["writer"].value()


def operator_guard(idname):
    """Raise PermissionError when a program calls an operator from a denied group."""
    if _GUARD["active"]:
        group = idname.split("_OT_")[0].lower() if "_OT_" in idname else idname.split(".")[0]
        if group in policy.DENIED_OPS:
            raise policy.PolicyViolation("operator", "operator '%s' is not allowed in object programs" % idname, None)


class JobError(Exception):
    """A structured job failure (``error`` is the BuildError dict)."""

    def __init__(self, error):
        super().__init__(error.get("message"))
        self.error = error


class Timer:
    """Per-phase wall-clock timings in ms, plus process CPU time (``cpu``, ms) of the job and of its
    exec+export phases (``cpuExecExport``: compile, exec, post, export), which is less sensitive to a
    loaded machine than wall time."""

    EXEC_EXPORT = ("compile", "exec", "post", "export")

    def __init__(self):
        self.t = {}
        self.cpu = {}
        self.start = self.last = time.perf_counter()
        self.cpu_start = self.cpu_last = time.process_time()

    def mark(self, phase):
        """Record the time since the previous mark under ``phase``."""
        now = time.perf_counter()
        cpu = time.process_time()
        self.t[phase] = round((now - self.last) * 1000.0 + self.t.get(phase, 0.0), 3)
        self.cpu[phase] = (cpu - self.cpu_last) * 1000.0 + self.cpu.get(phase, 0.0)
        self.last = now
        self.cpu_last = cpu

    def done(self):
        """Timings dict with ``total``, ``cpu`` and ``cpuExecExport``."""
        self.t["total"] = round((time.perf_counter() - self.start) * 1000.0, 3)
        self.t["cpu"] = round((time.process_time() - self.cpu_start) * 1000.0, 3)
        self.t["cpuExecExport"] = round(sum(self.cpu.get(k, 0.0) for k in self.EXEC_EXPORT), 3)
        return self.t


def _run_program(source, filename, overrides, whole_script, restricted, timer, main_pid):
    """Compile and execute one program; returns the objects it linked into the scene.

    Raises JobError with a structured error.
    """
    before = set(bpy.context.scene.objects)
    try:
        code, tree = runtime.compile_program(source, filename, restricted)
    except (SyntaxError, policy.PolicyViolation) as exc:
        raise JobError(runtime.error_from_exception(exc, filename))
    timer.mark("compile")
    has_build = policy.defines_build(tree)
    whole = whole_script or not has_build
    ns = runtime.program_namespace("__main__" if whole else "roomcode_object", restricted)
    _GUARD["active"] = restricted
    try:
        with runtime.Capture(_PRINTS["writer"]):
            exec(code, ns)
            if not whole:
                params = ns.get("PARAMS")
                merged = dict(params) if isinstance(params, dict) else {}
                merged.update(overrides or {})
                ns["build"](merged)
    except BaseException as exc:  # noqa: B902 (SystemExit and KeyboardInterrupt are program errors too)
        if os.getpid() != main_pid:
            os._exit(0)
        raise JobError(runtime.error_from_exception(exc, filename))
    finally:
        _GUARD["active"] = False
    if os.getpid() != main_pid:
        os._exit(0)
    bpy.context.view_layer.update()
    timer.mark("exec")
    return [o for o in bpy.context.scene.objects if o not in before]


def _strip_non_geometry(objects, keep_lights=False):
    """Delete cameras (and lights unless kept) among ``objects``; returns the remaining ones."""
    out = []
    for o in objects:
        if o.type == "CAMERA" or (o.type == "LIGHT" and not keep_lights):
            bpy.data.objects.remove(o, do_unlink=True)
        else:
            out.append(o)
    return out


def _parent_under(objects, name, coll=None):
    """Create an empty ``name`` at the origin and parent the top-level ``objects`` under it."""
    root = bpy.data.objects.new(name, None)
    (coll or bpy.context.scene.collection).objects.link(root)
    if root.name != name:
        taken = bpy.data.objects.get(name)
        if taken is not None and taken is not root:
            taken.name = name + "_part"
            root.name = name
    obj_set = set(objects)
    for o in objects:
        if o.parent is None or o.parent not in obj_set:
            mw = o.matrix_world.copy()
            o.parent = root
            o.matrix_parent_inverse.identity()
            o.matrix_world = mw
    return root


_EXPORT_PROPS = []


def _export_glb(path, lights=False):
    """Export the scene to GLB (Y-up, modifiers applied, extras on, no cameras)."""
    op = bpy.ops.export_scene.gltf
    if not _EXPORT_PROPS:
        _EXPORT_PROPS.extend(op.get_rna_type().properties.keys())
    props = _EXPORT_PROPS
    wanted = {
        "filepath": path, "export_format": "GLB", "export_yup": True, "export_apply": True,
        "export_cameras": False, "export_lights": lights, "export_extras": True,
        "export_animations": False, "export_skins": False, "export_morph": False,
        "check_existing": False, "use_selection": False, "use_visible": False,
    }
    op(**{k: v for k, v in wanted.items() if k in props})


def _geometry_or_fail(objects, object_id):
    if not any(o.type in stats.GEOMETRY_TYPES for o in objects):
        raise JobError({"type": "NothingCreated",
                        "message": "the program for '%s' created no geometry (build() must create at least one mesh)"
                                   % object_id,
                        "line": None, "traceback": ""})


def build_object(job, ctx):
    """Run an object program and export it: -> ``{glbPath, stats}``."""
    timer = Timer()
    scene_state.reset_session()
    timer.mark("reset")
    object_id = job["objectId"]
    filename = "<object:%s>" % object_id
    objects = _run_program(job["source"], filename, job.get("overrides"), job.get("wholeScript", False),
                           not job.get("unrestricted", False), timer, ctx["pid"])
    objects = _strip_non_geometry(objects)
    _geometry_or_fail(objects, object_id)
    root = _parent_under(objects, object_id)
    parts = sorted(o.name for o in objects if o.type in stats.GEOMETRY_TYPES)
    root["roomcode_id"] = object_id
    root["parts"] = parts
    timer.mark("post")
    st = stats.geometry_stats(stats.descendants(root))
    timer.mark("stats")
    _export_glb(job["outGlb"])
    timer.mark("export")
    st["timings"] = timer.done()
    return {"glbPath": job["outGlb"], "stats": st}, st["timings"]


def _add_light(light, coll, index):
    kinds = {"point": "POINT", "area": "AREA", "sun": "SUN", "spot": "SPOT"}
    data = bpy.data.lights.new("light_%d" % (index + 1), kinds[light["kind"]])
    data.color = scene_state.hex_to_linear(light["color"])
    data.energy = float(light["power"])
    obj = bpy.data.objects.new("light_%d" % (index + 1), data)
    obj.location = light["position"]
    coll.objects.link(obj)
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
        root = _parent_under(objs, oid, coll)
        root["roomcode_id"] = oid
        root["parts"] = sorted(o.name for o in objs if o.type in stats.GEOMETRY_TYPES)
        pl = item["placement"]
        root.location = (pl["x"], pl["y"], pl["z"])
        root.rotation_euler = (0.0, 0.0, math.radians(pl["yawDeg"]))
        placed.append((oid, objs))
        all_geometry.extend(objs)
    for i, light in enumerate(job.get("lights", [])):
        _add_light(light, lights_coll, i)
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


def check(job, ctx):
    """Policy only: -> ``{params}`` (the literal PARAMS dict or None)."""
    timer = Timer()
    filename = "<object:%s>" % job.get("objectId", "program")
    try:
        tree = policy.check_source(job["source"], filename)
    except (SyntaxError, policy.PolicyViolation) as exc:
        raise JobError(runtime.error_from_exception(exc, filename))
    params = policy.literal_params(tree)
    return {"params": params}, timer.done()


JOBS = {"build_object": build_object, "build_room": build_object, "assemble_scene": assemble_scene, "check": check}
