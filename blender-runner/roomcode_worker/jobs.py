"""Job kinds build_object, build_room and check, and the program execution they share with assembly."""
import ast
import json
import os
import time

import bpy

from . import joints, policy, runtime, scene_state, stats, surfaces, textures

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


def program_params(source, overrides):
    """The literal PARAMS of ``source`` merged with ``overrides`` (what build() received)."""
    try:
        params = policy.literal_params(ast.parse(source))
    except SyntaxError:
        params = None
    merged = dict(params) if isinstance(params, dict) else {}
    merged.update(overrides or {})
    return merged


def validated_joints(source, overrides, objects, root, object_id):
    """The program's JOINTS checked against its built ``objects`` (local frame of ``root``); raises JobError.

    Also stores them on ``root`` as the custom property ``roomcode_joints`` (JSON), so a saved .blend keeps them.
    """
    try:
        out = joints.joints_for(source, program_params(source, overrides), objects, root.matrix_world.inverted())
    except joints.JointError as exc:
        raise JobError({"type": "JointError", "message": "JOINTS of '%s': %s" % (object_id, exc), "line": exc.line,
                        "traceback": ""})
    if out:
        root["roomcode_joints"] = json.dumps(out, separators=(",", ":"))
    return out


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
    if job.get("textures"):
        textures.apply(objects, job["textures"], os.path.dirname(job["outGlb"]))
    root = _parent_under(objects, object_id)
    parts = sorted(o.name for o in objects if o.type in stats.GEOMETRY_TYPES)
    root["roomcode_id"] = object_id
    root["parts"] = parts
    timer.mark("post")
    st = stats.geometry_stats(stats.descendants(root))
    st.update(surfaces.measure(stats.descendants(root), stats.GEOMETRY_TYPES))
    st["joints"] = validated_joints(job["source"], job.get("overrides"), objects, root, object_id)
    timer.mark("stats")
    _export_glb(job["outGlb"])
    timer.mark("export")
    st["timings"] = timer.done()
    return {"glbPath": job["outGlb"], "stats": st}, st["timings"]


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
