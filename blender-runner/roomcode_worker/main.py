"""Worker main loop: read jobs from the jobs fd, run them, write results to the results fd."""
import json
import math
import os
import sys
import time
import traceback

import bpy

from . import assemble, compat, jobs, physcheck, render, scene_state, sim

PROTOCOL_VERSION = 1

JOBS = {"build_object": jobs.build_object, "build_room": jobs.build_object,
        "assemble_scene": assemble.assemble_scene, "render_scene": render.render_scene,
        "export_sim": sim.export_sim, "check_scene": physcheck.check_scene,
        "check": jobs.check}


def _parse_args(argv):
    args = {"jobs-fd": 3, "results-fd": 4, "scratch": None}
    i = 0
    while i < len(argv):
        key = argv[i].lstrip("-")
        if key in args and i + 1 < len(argv):
            args[key] = argv[i + 1]
            i += 2
        else:
            i += 1
    return args


def _finite(value):
    """Replace NaN/Infinity (not JSON) with None, recursively."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def _write(fd, message):
    try:
        text = json.dumps(message, separators=(",", ":"), default=str, allow_nan=False)
    except ValueError:
        text = json.dumps(_finite(message), separators=(",", ":"), default=str, allow_nan=False)
    data = (text + "\n").encode("utf-8")
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _stray_processes(main_pid):
    """Number of processes a job left behind (children, or anything else in our pid namespace)."""
    count = 0
    try:
        if main_pid <= 4:
            for entry in os.listdir("/proc"):
                if entry.isdigit() and int(entry) not in (1, main_pid):
                    count += 1
            return count
        for tid in os.listdir("/proc/self/task"):
            with open("/proc/self/task/%s/children" % tid) as fh:
                count += len(fh.read().split())
    except OSError:
        pass
    return count


def _quiet_exporter():
    """Keep the glTF exporter's warnings and errors but drop its per-primitive INFO lines (Blender 3.x
    prints about 25 per object; 4.2+ logs through ``export_settings['log']`` and has no such global)."""
    try:
        from io_scene_gltf2.io.com import gltf2_io_debug
    except ImportError:
        return
    if hasattr(gltf2_io_debug, "g_current_output_level"):
        gltf2_io_debug.g_current_output_level = "WARNING"


def _warm_up(scratch):
    """Import the glTF exporter once so the first real job does not pay for it."""
    _quiet_exporter()
    scene_state.reset_session()
    if scratch:
        bpy.ops.mesh.primitive_cube_add()
        path = os.path.join(scratch, "warmup.glb")
        jobs._export_glb(path)
        try:
            os.remove(path)
        except OSError:
            pass
    scene_state.reset_session()


def main(argv):
    """Serve jobs until the jobs fd closes."""
    args = _parse_args(argv)
    jobs_fd = int(args["jobs-fd"])
    results_fd = int(args["results-fd"])
    main_pid = os.getpid()
    compat.install_operator_patch(jobs.operator_guard)
    _warm_up(args["scratch"])
    _write(results_fd, {"v": PROTOCOL_VERSION, "id": None, "kind": "ready",
                        "blender": bpy.app.version_string.split(" ")[0], "python": sys.version.split(" ")[0],
                        "pid": main_pid})
    reader = os.fdopen(jobs_fd, "rb", buffering=0)
    buf = b""
    while True:
        chunk = reader.read(1 << 16)
        if not chunk:
            break
        buf += chunk
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            if line.strip():
                _handle(line, results_fd, main_pid)
    os._exit(0)


def _handle(line, results_fd, main_pid):
    started = time.perf_counter()
    job_id = None
    jobs.begin_job()
    try:
        msg = json.loads(line)
        job_id = msg.get("id")
        if msg.get("v") != PROTOCOL_VERSION:
            raise ValueError("protocol version %r is not %d" % (msg.get("v"), PROTOCOL_VERSION))
        fn = JOBS.get(msg.get("kind"))
        if fn is None:
            raise ValueError("unknown job kind %r" % msg.get("kind"))
        result, timings = fn(msg, {"pid": main_pid})
        out = {"v": PROTOCOL_VERSION, "id": job_id, "ok": True, "result": result, "timings": timings}
    except jobs.JobError as exc:
        out = {"v": PROTOCOL_VERSION, "id": job_id, "ok": False, "error": exc.error}
    except BaseException as exc:  # noqa: B902 (report any worker failure as a structured error)
        if os.getpid() != main_pid:
            os._exit(0)
        out = {"v": PROTOCOL_VERSION, "id": job_id, "ok": False,
               "error": {"type": "WorkerError", "message": "%s: %s" % (type(exc).__name__, exc), "line": None,
                         "traceback": traceback.format_exc()[-8000:]}}
    if os.getpid() != main_pid:
        os._exit(0)
    out.setdefault("timings", {"total": round((time.perf_counter() - started) * 1000.0, 3)})
    out["prints"] = jobs.last_prints()
    out["stray"] = _stray_processes(main_pid)
    _write(results_fd, out)
