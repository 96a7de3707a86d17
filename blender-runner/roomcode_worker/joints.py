"""JOINTS: the literal joint list of an object program, expanded against PARAMS and validated against the parts.

An entry of the module-level ``JOINTS = [...]`` literal (read from the source's syntax tree, never executed):

``{"name": "door_{i}_hinge", "type": "revolute" | "prismatic", "parent": part, "children": [part, "part?"],
"axis": [x, y, z], "origin": [x, y, z] | {"part": part, "at": [u, v, w]}, "limits": [lo, hi],
"repeat": n, "start": 1, "when": cond, "swivel": False}``

- Numbers may be written as short expression strings over PARAMS keys (``"-width / 2"``), the index ``i`` of a
  repeated entry, ``min max abs round int float len`` and ``count(seq, first)`` (items whose first element is
  ``first``); comparisons, ``and``/``or``/``not`` and ``a if c else b`` are allowed, nothing else.
- ``repeat`` (an expression) instantiates the entry for ``i = start .. start + repeat - 1``; ``{i}`` in names is
  replaced by ``i``. ``when`` (an expression) drops the entry when false. A child name ending in ``?`` is optional.
- ``origin`` is a point of the object's local frame (m), or a point on a part's own oriented box: ``at`` is -1 at
  the box's minimum, 0 at its center and 1 at its maximum along each of the part's axes.
- ``axis`` is a direction in the local frame; revolute limits are degrees, prismatic limits meters, and the rest
  pose (0) lies within them. A revolute joint's axis lies on the edge of its children (a hinge) unless ``swivel``.

``validate`` checks every expanded joint against the built parts and returns
``[{name, type, parent, children, axis (unit), origin (m), limits, swivel}]`` or raises ``JointError``.
"""
import ast
import math
import re

import numpy

from .stats import GEOMETRY_TYPES

HINGE_TOLERANCE_M = 0.015
"""Largest distance (m) between a hinge axis and the edge of its children's extent, at least (plus 8% of it)."""

PENETRATION_TOLERANCE_M = 0.006
"""A child may overlap a part of its parent link by this much (m) more than at rest anywhere in its range."""

SAMPLES = 9
"""Poses sampled over a joint's range for the parent-collision check (both limits included)."""

_NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")
_FUNCS = {
    "min": min, "max": max, "abs": abs, "round": round, "int": int, "float": float, "len": len,
    "count": lambda seq, first: sum(1 for item in seq if isinstance(item, (list, tuple)) and item and item[0] == first),
}
_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Constant, ast.Name,
          ast.Load, ast.Call, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.USub,
          ast.UAdd, ast.Not, ast.And, ast.Or, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)


class JointError(Exception):
    """A JOINTS entry is malformed or does not fit the built parts; ``line`` is its line in the program."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.line = line


def literal_joints(source):
    """The ``JOINTS`` literal of a program as ``[(entry, line)]``; [] when absent. Raises JointError."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "JOINTS" for t in node.targets):
            try:
                value = ast.literal_eval(node.value)
            except (ValueError, SyntaxError, TypeError):
                raise JointError("JOINTS must be a literal list of dicts (numbers, strings, lists)", node.lineno)
            if not isinstance(value, (list, tuple)):
                raise JointError("JOINTS must be a list", node.lineno)
            elts = node.value.elts if isinstance(node.value, (ast.List, ast.Tuple)) else []
            lines = [getattr(e, "lineno", node.lineno) for e in elts]
            return [(v, lines[k] if k < len(lines) else node.lineno) for k, v in enumerate(value)]
    return []


def _eval(value, env, line, what):
    """A number (or bool) from a literal or a restricted expression string over ``env``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if not isinstance(value, str):
        raise JointError("%s must be a number or an expression string, got %r" % (what, value), line)
    try:
        tree = ast.parse(value.strip(), mode="eval")
    except SyntaxError:
        raise JointError("%s: %r is not an expression" % (what, value), line)
    for node in ast.walk(tree):
        if not isinstance(node, _NODES):
            raise JointError("%s: %r uses %s, which JOINTS expressions do not allow"
                             % (what, value, type(node).__name__), line)
        if isinstance(node, ast.Name) and node.id not in env:
            raise JointError("%s: %r names %r, which is neither a PARAMS key nor i" % (what, value, node.id), line)
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in _FUNCS):
            raise JointError("%s: %r calls something other than %s" % (what, value, ", ".join(sorted(_FUNCS))), line)
    try:
        out = eval(compile(tree, "<JOINTS>", "eval"), {"__builtins__": {}}, env)  # noqa: S307 (whitelisted AST)
    except Exception as exc:  # noqa: BLE001 (any evaluation failure is the program's error)
        raise JointError("%s: %r failed: %s" % (what, value, exc), line)
    if isinstance(out, bool):
        return out
    if not isinstance(out, (int, float)) or not math.isfinite(out):
        raise JointError("%s: %r is not a finite number" % (what, value), line)
    return float(out)


def _vec3(value, env, line, what):
    if not isinstance(value, (list, tuple)) or len(value) != 3:
        raise JointError("%s must be a list of 3 numbers" % what, line)
    return [float(_eval(v, env, line, what)) for v in value]


def _name(template, i):
    return str(template).replace("{i}", str(i)) if i is not None else str(template)


def expand(entries, params):
    """Instantiate repeats, drop entries whose ``when`` is false and evaluate every number; -> raw joints."""
    base_env = dict(_FUNCS)
    for k, v in (params or {}).items():
        if isinstance(k, str) and k.isidentifier():
            base_env[k] = v
    out = []
    for entry, line in entries:
        if not isinstance(entry, dict):
            raise JointError("each JOINTS entry must be a dict", line)
        unknown = set(entry) - {"name", "type", "parent", "children", "axis", "origin", "limits", "repeat", "start",
                                "when", "swivel"}
        if unknown:
            raise JointError("JOINTS entry has unknown keys %s" % ", ".join(sorted(unknown)), line)
        if "repeat" in entry:
            n = int(_eval(entry["repeat"], base_env, line, "repeat"))
            start = int(_eval(entry.get("start", 1), base_env, line, "start"))
            indices = list(range(start, start + max(0, n)))
        else:
            indices = [None]
        for i in indices:
            env = dict(base_env)
            if i is not None:
                env["i"] = i
            if "when" in entry and not _eval(entry["when"], env, line, "when"):
                continue
            for key in ("name", "type", "parent", "children", "axis", "origin", "limits"):
                if key not in entry:
                    raise JointError("JOINTS entry %r has no %r" % (entry.get("name"), key), line)
            name = _name(entry["name"], i)
            origin = entry["origin"]
            if isinstance(origin, dict):
                if set(origin) != {"part", "at"}:
                    raise JointError("joint %s: origin as a dict needs exactly 'part' and 'at'" % name, line)
                origin = {"part": _name(origin["part"], i), "at": _vec3(origin["at"], env, line, "origin.at")}
            else:
                origin = _vec3(origin, env, line, "origin")
            limits = entry["limits"]
            if not isinstance(limits, (list, tuple)) or len(limits) != 2:
                raise JointError("joint %s: limits must be [lower, upper]" % name, line)
            children = entry["children"]
            if not isinstance(children, (list, tuple)) or not children:
                raise JointError("joint %s: children must be a non-empty list of part names" % name, line)
            out.append({
                "name": name, "type": entry["type"], "parent": _name(entry["parent"], i),
                "children": [_name(c, i) for c in children], "axis": _vec3(entry["axis"], env, line, "axis"),
                "origin": origin, "limits": [float(_eval(v, env, line, "limits")) for v in limits],
                "swivel": bool(entry.get("swivel", False)), "line": line,
            })
    return out


def part_box(obj, frame_inv):
    """Oriented box of a part in the frame ``frame_inv`` maps world into: (center, axes 3x3 columns, half sizes)."""
    m = numpy.array(frame_inv @ obj.matrix_world, dtype=numpy.float64)
    corners = numpy.array([list(c) for c in obj.bound_box], dtype=numpy.float64)
    lo, hi = corners.min(axis=0), corners.max(axis=0)
    lin = m[:3, :3]
    scale = numpy.linalg.norm(lin, axis=0)
    scale[scale < 1e-12] = 1e-12
    axes = lin / scale
    center = lin @ ((lo + hi) / 2.0) + m[:3, 3]
    half = (hi - lo) / 2.0 * scale
    return center, axes, numpy.maximum(half, 1e-5)


def _overlap_depth(a, b):
    """Smallest overlap (m) of two oriented boxes over the 15 separating axes; <= 0 when they are apart."""
    ca, ra, ha = a
    cb, rb, hb = b
    d = cb - ca
    axes = [ra[:, k] for k in range(3)] + [rb[:, k] for k in range(3)]
    for i in range(3):
        for j in range(3):
            c = numpy.cross(ra[:, i], rb[:, j])
            n = numpy.linalg.norm(c)
            if n > 1e-6:
                axes.append(c / n)
    best = float("inf")
    for ax in axes:
        pa = sum(ha[k] * abs(float(ax @ ra[:, k])) for k in range(3))
        pb = sum(hb[k] * abs(float(ax @ rb[:, k])) for k in range(3))
        depth = pa + pb - abs(float(ax @ d))
        if depth < best:
            best = depth
            if best <= 0.0:
                return best
    return best


def _rotation(axis, angle):
    """Rotation matrix about unit ``axis`` by ``angle`` radians (Rodrigues' formula)."""
    x, y, z = axis
    k = numpy.array([[0.0, -z, y], [z, 0.0, -x], [-y, x, 0.0]])
    return numpy.eye(3) + math.sin(angle) * k + (1.0 - math.cos(angle)) * (k @ k)


def _moved(box, joint, value):
    """``box`` moved by ``joint`` at ``value`` (deg or m)."""
    c, r, h = box
    axis = numpy.array(joint["axis"])
    if joint["type"] == "prismatic":
        return c + axis * value, r, h
    rot = _rotation(axis, math.radians(value))
    o = numpy.array(joint["origin"])
    return rot @ (c - o) + o, rot @ r, h


def _hull_2d(points):
    """Convex hull (counter-clockwise) of 2D points (Andrew's monotone chain)."""
    pts = sorted(set((round(float(p[0]), 9), round(float(p[1]), 9)) for p in points))
    if len(pts) <= 2:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _edge_distance(hull, q):
    """(distance from q to the hull's boundary, whether q is inside the hull)."""
    best = float("inf")
    inside = len(hull) >= 3
    for k in range(len(hull)):
        a = numpy.array(hull[k])
        b = numpy.array(hull[(k + 1) % len(hull)])
        ab = b - a
        t = 0.0 if float(ab @ ab) < 1e-18 else min(1.0, max(0.0, float((q - a) @ ab) / float(ab @ ab)))
        best = min(best, float(numpy.linalg.norm(q - (a + t * ab))))
        if ab[0] * (q[1] - a[1]) - ab[1] * (q[0] - a[0]) < 0:
            inside = False
    return best, inside


def _corners(box):
    c, r, h = box
    out = []
    for sx in (-1.0, 1.0):
        for sy in (-1.0, 1.0):
            for sz in (-1.0, 1.0):
                out.append(c + r @ (h * numpy.array([sx, sy, sz])))
    return out


def validate(raw, boxes):
    """Check expanded joints against the part boxes ``{name: (center, axes, half)}``; -> validated joints."""
    out = []
    owner = {}
    names = set()
    for j in raw:
        line = j["line"]
        name = j["name"]
        if not _NAME.match(name) or name in names:
            raise JointError("joint name %r is empty, not a plain name or used twice" % name, line)
        names.add(name)
        if j["type"] not in ("revolute", "prismatic"):
            raise JointError("joint %s: type must be 'revolute' or 'prismatic', not %r" % (name, j["type"]), line)
        if j["parent"] not in boxes:
            raise JointError("joint %s: parent part %r was not built (parts: %s)"
                             % (name, j["parent"], ", ".join(sorted(boxes))), line)
        children = []
        for c in j["children"]:
            optional = c.endswith("?")
            c = c.rstrip("?")
            if c not in boxes:
                if optional:
                    continue
                raise JointError("joint %s: child part %r was not built (parts: %s)"
                                 % (name, c, ", ".join(sorted(boxes))), line)
            if c == j["parent"]:
                raise JointError("joint %s: part %r is both parent and child" % (name, c), line)
            if c in owner:
                raise JointError("joint %s: part %r already moves with joint %s" % (name, c, owner[c]), line)
            owner[c] = name
            children.append(c)
        axis = numpy.array(j["axis"], dtype=numpy.float64)
        n = float(numpy.linalg.norm(axis))
        if n < 1e-9:
            raise JointError("joint %s: axis is zero" % name, line)
        axis = axis / n
        lo, hi = j["limits"]
        if not lo < hi:
            raise JointError("joint %s: limits [%g, %g] need lower < upper" % (name, lo, hi), line)
        if not lo <= 0.0 <= hi:
            raise JointError("joint %s: the built pose (0) must lie within the limits [%g, %g]" % (name, lo, hi), line)
        if j["type"] == "revolute" and (lo < -360.0 or hi > 360.0):
            raise JointError("joint %s: revolute limits are degrees within [-360, 360]" % name, line)
        if j["type"] == "prismatic" and (lo < -5.0 or hi > 5.0):
            raise JointError("joint %s: prismatic limits are meters within [-5, 5]" % name, line)
        origin = j["origin"]
        if isinstance(origin, dict):
            if origin["part"] not in boxes:
                raise JointError("joint %s: origin part %r was not built" % (name, origin["part"]), line)
            c, r, h = boxes[origin["part"]]
            origin = c + r @ (h * numpy.array(origin["at"]))
        origin = numpy.array(origin, dtype=numpy.float64)
        out.append({"name": name, "type": j["type"], "parent": j["parent"], "children": children,
                    "axis": [round(float(v), 6) for v in axis], "origin": [round(float(v), 6) for v in origin],
                    "limits": [round(float(lo), 6), round(float(hi), 6)], "swivel": j["swivel"], "line": line})
    _check_tree(out)
    for j in out:
        if j["type"] == "revolute":
            _check_hinge(j, boxes)
        _check_sweep(j, out, owner, boxes)
    for j in out:
        del j["line"]
    return out


def link_of(part, owner):
    """Name of the link a part moves with: its joint's name, or "base"."""
    return owner.get(part, "base")


def _check_tree(joints):
    owner = {c: j["name"] for j in joints for c in j["children"]}
    by_name = {j["name"]: j for j in joints}
    for j in joints:
        seen = {j["name"]}
        link = owner.get(j["parent"])
        while link is not None:
            if link in seen:
                raise JointError("joint %s: its parent part moves with it (a loop of joints)" % j["name"], j["line"])
            seen.add(link)
            link = owner.get(by_name[link]["parent"])


def _check_hinge(j, boxes):
    axis = numpy.array(j["axis"])
    helper = numpy.array([1.0, 0.0, 0.0]) if abs(axis[0]) < 0.9 else numpy.array([0.0, 1.0, 0.0])
    u = numpy.cross(axis, helper)
    u /= numpy.linalg.norm(u)
    v = numpy.cross(axis, u)
    pts = [numpy.array([p @ u, p @ v]) for c in j["children"] for p in _corners(boxes[c])]
    hull = _hull_2d(pts)
    o = numpy.array(j["origin"])
    q = numpy.array([o @ u, o @ v])
    dist, inside = _edge_distance(hull, q)
    diameter = max((float(numpy.linalg.norm(numpy.array(a) - numpy.array(b))) for a in hull for b in hull),
                   default=0.0)
    tol = HINGE_TOLERANCE_M + 0.08 * diameter
    if j["swivel"]:
        if not inside and dist > tol:
            raise JointError("joint %s: a swivel's axis must pass through its children (it is %.3f m outside)"
                             % (j["name"], dist), j["line"])
        return
    reach = max(float(numpy.linalg.norm(numpy.array(a) - q)) for a in hull) if hull else 0.0
    # On the edge but in the middle of a long side (a door's thin face) is no hinge: the far edge must be
    # about the children's whole width away.
    if dist > tol or reach < 0.85 * diameter - HINGE_TOLERANCE_M:
        where = "inside" if inside else "outside"
        raise JointError("joint %s: the hinge axis is %.3f m %s the edge of %s and %.3f m from its far side "
                         "(of %.3f m); put the origin on the hinge side"
                         % (j["name"], dist, where, ", ".join(j["children"]), reach, diameter), j["line"])


def _check_sweep(j, joints, owner, boxes):
    parent_link = link_of(j["parent"], owner)
    parent_parts = [p for p in boxes if link_of(p, owner) == parent_link]
    lo, hi = j["limits"]
    for c in j["children"]:
        rest = boxes[c]
        for p in parent_parts:
            base = _overlap_depth(rest, boxes[p])
            for k in range(SAMPLES):
                value = lo + (hi - lo) * k / (SAMPLES - 1)
                depth = _overlap_depth(_moved(rest, j, value), boxes[p])
                if depth > max(base, 0.0) + PENETRATION_TOLERANCE_M:
                    unit = "deg" if j["type"] == "revolute" else "m"
                    raise JointError("joint %s: at %g %s, %s passes %.3f m into %s (its parent's part); change the "
                                     "axis direction, origin or limits" % (j["name"], value, unit, c, depth, p),
                                     j["line"])


def joints_for(source, params, objects, frame_inv):
    """Validated joints of a program built into ``objects`` (raises JointError); [] without JOINTS."""
    entries = literal_joints(source)
    if not entries:
        return []
    parts = [o for o in objects if o.type in GEOMETRY_TYPES]
    names = {o.name for o in parts}
    boxes = {}
    for o in parts:
        # In a scene that holds other objects Blender suffixes clashing names (door_1.001): use the program's.
        base = re.sub(r"\.\d{3}$", "", o.name)
        boxes[base if base not in names or base == o.name else o.name] = part_box(o, frame_inv)
    return validate(expand(entries, params), boxes)
