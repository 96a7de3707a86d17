"""Job kind check_scene: the physical check of an exported scene .blend, from its meshes only.

The objects are the empties carrying a ``roomcode_id`` custom property (``room`` is the shell). For every
object, judged on its evaluated meshes in world space with BVH trees (mathutils.bvhtree):

- floating: no ray cast straight down from its lowest points (vertices, and points spread over its lowest faces:
  a board lying across a narrow post rests on it between its corners) meets another mesh (floor, furniture)
  within ``REST_TOL`` of its bottom; only an object whose root says it is wall-mounted (``roomcode_mount = "wall"``:
  wall shelves, mirrors, wall art, sconces, curtains, a TV on the wall) may instead be held by a wall (a vertex
  within ``REST_TOL`` of one), and only a ceiling fixture (``roomcode_mount = "ceiling"``) by the ceiling (its top
  reaching the walls' top); a chair pushed against a wall above the floor floats;
- interpenetrating pairs: vertices or face centres of one object lie inside a part of the other deeper than
  ``PEN_TOL`` (inside = behind the part's nearest face along its normal), tried on pairs whose BVH trees overlap;
- wall-penetrating: vertices or face centres inside a wall of the shell deeper than ``PEN_TOL``;
- out of bounds: the object's centre, or more than 5% of its sampled points, are over no floor.
"""
import bpy
from mathutils import Vector
from mathutils.bvhtree import BVHTree

from . import scene_state, stats
from .jobs import Timer

#: A bottom within this distance (m) of a surface below rests on it.
REST_TOL = 0.02
#: Interpenetration deeper than this (m) counts (a rug under a sofa's feet, a vase sunk 1 cm do not).
PEN_TOL = 0.02
#: Sampled points per object for the inside tests.
MAX_SAMPLES = 3000


class Part:
    """One closed part of an object: its BVH tree and bounding box (inside tests are made per part, since the
    parts of one object may overlap each other)."""

    def __init__(self, verts, polys):
        self.tree = BVHTree.FromPolygons(verts, polys)
        self.lo = Vector((min(v.x for v in verts), min(v.y for v in verts), min(v.z for v in verts)))
        self.hi = Vector((max(v.x for v in verts), max(v.y for v in verts), max(v.z for v in verts)))

    def contains_box(self, p, margin=0.0):
        """Whether point ``p`` lies in the part's bounding box (grown by ``margin`` m)."""
        return all(self.lo[i] - margin <= p[i] <= self.hi[i] + margin for i in range(3))


class Body:
    """One object's world-space mesh: vertices, polygons, parts, BVH tree, bounding box and sample points."""

    def __init__(self, oid, verts, polys, parts=None, mount=None):
        self.id = oid
        self.mount = mount
        self.verts = verts
        self.polys = polys
        self.parts = parts if parts is not None else ([Part(verts, polys)] if polys else [])
        self.tree = BVHTree.FromPolygons(verts, polys) if polys else None
        xs = [v.x for v in verts] or [0.0]
        ys = [v.y for v in verts] or [0.0]
        zs = [v.z for v in verts] or [0.0]
        self.lo = Vector((min(xs), min(ys), min(zs)))
        self.hi = Vector((max(xs), max(ys), max(zs)))
        pts = list(verts)
        for p in polys:
            if len(p) >= 3:
                c = Vector((0.0, 0.0, 0.0))
                for i in p:
                    c += verts[i]
                pts.append(c / len(p))
        step = max(1, len(pts) // MAX_SAMPLES)
        self.samples = pts[::step]

    def boxes_touch(self, other, margin=0.0):
        """Whether the two bounding boxes overlap (grown by ``margin`` m)."""
        return all(self.lo[i] - margin <= other.hi[i] and other.lo[i] - margin <= self.hi[i] for i in range(3))


def _mesh_of(objects):
    """World-space ``(verts, polys)`` of the evaluated geometry of ``objects``."""
    verts, polys = [], []
    for _obj, _ev, mesh, mw in stats.evaluated_meshes(objects):
        base = len(verts)
        verts.extend(mw @ v.co for v in mesh.vertices)
        polys.extend([base + i for i in p.vertices] for p in mesh.polygons)
    return verts, polys


def _inside_depth(body, points, max_depth=1.0):
    """Largest depth (m) of ``points`` inside a part of ``body`` (behind the part's nearest face; 0 when outside all)."""
    worst = 0.0
    for p in points:
        for part in body.parts:
            if not part.contains_box(p):
                continue
            hit = part.tree.find_nearest(p, max_depth)
            if hit[0] is None:
                continue
            d = (p - hit[0]).dot(hit[1])
            if d < 0 and -d > worst:
                worst = -d
    return worst


def _load(path):
    """Append every object of the .blend at ``path`` into the (reset) current scene; -> objects by name."""
    with bpy.data.libraries.load(path, link=False) as (src, dst):
        dst.objects = list(src.objects)
    coll = bpy.context.scene.collection
    for o in dst.objects:
        if o is not None and o.name not in coll.objects:
            coll.objects.link(o)
    bpy.context.view_layer.update()
    return [o for o in dst.objects if o is not None]


def _contact_points(body, bottom, band=0.01, limit=400):
    """Points (world space) where ``body`` can touch what is below: its vertices within ``band`` m of its bottom,
    then points spread over its faces lying in that band (a board across a narrow post touches it between its
    corners), at most ``limit``."""
    pts = [v for v in body.verts if v.z <= bottom + band]
    spread = []
    for poly in body.polys:
        if len(poly) < 3 or any(body.verts[i].z > bottom + band for i in poly):
            continue
        ring = [body.verts[i] for i in poly]
        centre = sum(ring, Vector((0.0, 0.0, 0.0))) / len(ring)
        spread.append(centre)
        for k in range(len(ring)):
            a, b = ring[k], ring[(k + 1) % len(ring)]
            for t in (0.25, 0.5, 0.75):
                spread.append(centre.lerp(a.lerp(b, 0.5), t))
                spread.append(centre.lerp(a, t))
    if len(pts) + len(spread) > limit:
        pts = pts[:: max(1, len(pts) // (limit // 2))][: limit // 2]
        spread = spread[:: max(1, len(spread) // (limit - len(pts)))]
    return (pts + spread)[:limit]


def _floating(body, others, shell_walls):
    """``(floating, gap, supporters)`` of ``body``: rays down from its lowest vertices against the other bodies;
    a wall-mounted object touching a wall, or a ceiling fixture reaching the walls' top (the ceiling's height,
    with or without a ceiling mesh), hangs there."""
    bottom = body.lo.z
    if body.mount == "ceiling" and shell_walls and body.hi.z >= max(w.hi.z for w in shell_walls) - REST_TOL:
        return False, 0.0, ["ceiling"]
    contact = _contact_points(body, bottom)
    down = Vector((0.0, 0.0, -1.0))
    supporters = set()
    gap = None
    for other in others:
        if other.tree is None or not body.boxes_touch(other, 0.5):
            continue
        for v in contact:
            hit = other.tree.ray_cast(Vector((v.x, v.y, bottom + 0.03)), down, 2.0)
            if hit[0] is None:
                continue
            g = bottom - hit[0].z
            if gap is None or abs(g) < abs(gap):
                gap = g
            if abs(g) <= REST_TOL:
                supporters.add(other.id)
                break
    if supporters:
        return False, 0.0, sorted(supporters)
    for wall in shell_walls if body.mount == "wall" else ():
        if wall.tree is None or not body.boxes_touch(wall, REST_TOL):
            continue
        for p in body.verts[:: max(1, len(body.verts) // 2000)]:
            if wall.tree.find_nearest(p, REST_TOL)[0] is not None:
                return False, 0.0, ["wall"]
    return True, (round(gap, 4) if gap is not None else round(bottom, 4)), []


def check_scene(job, ctx):
    """Load ``job["blendPath"]`` and judge it: -> ``{objects: [...], pairs: [...], counts}`` (see module doc)."""
    timer = Timer()
    scene_state.reset_session()
    timer.mark("reset")
    loaded = _load(job["blendPath"])
    timer.mark("load")
    roots = [o for o in loaded if "roomcode_id" in o.keys()]
    shell_floor, shell_walls, bodies = [], [], []
    for root in roots:
        oid = str(root["roomcode_id"])
        parts = stats.descendants(root)
        if oid == "room":
            for part in parts:
                verts, polys = _mesh_of([part])
                if not polys:
                    continue
                b = Body("floor" if part.name.startswith("floor") else "wall", verts, polys)
                (shell_floor if b.id == "floor" else shell_walls).append(b)
            continue
        verts, polys = _mesh_of(parts)
        if polys:
            pieces = []
            for part in parts:
                pv, pp = _mesh_of([part])
                if pp:
                    pieces.append(Part(pv, pp))
            mount = str(root["roomcode_mount"]) if "roomcode_mount" in root.keys() else None
            bodies.append(Body(oid, verts, polys, pieces, mount))
    timer.mark("trees")
    results = []
    for body in bodies:
        others = [b for b in bodies if b is not body] + shell_floor
        floating, gap, supporters = _floating(body, others, shell_walls)
        wall_depth = 0.0
        for wall in shell_walls:
            if wall.tree is not None and body.boxes_touch(wall):
                wall_depth = max(wall_depth, _inside_depth(wall, body.samples))
        outside = False
        if shell_floor:
            down = Vector((0.0, 0.0, -1.0))
            centre = (body.lo + body.hi) / 2

            def over_floor(p):
                return any(f.tree.ray_cast(Vector((p.x, p.y, 100.0)), down, 200.0)[0] is not None for f in shell_floor)

            pts = body.samples[:: max(1, len(body.samples) // 200)]
            missing = sum(1 for p in pts if not over_floor(p))
            outside = (not over_floor(centre)) or missing > 0.05 * max(1, len(pts))
        results.append({"objectId": body.id, "floating": floating, "gap": gap, "supportedBy": supporters,
                        "wallDepth": round(wall_depth, 4), "wallPenetrating": wall_depth > PEN_TOL,
                        "outside": outside,
                        "bottom": round(body.lo.z, 4), "top": round(body.hi.z, 4)})
    timer.mark("support")
    pairs = []
    for i, a in enumerate(bodies):
        for b in bodies[i + 1:]:
            if a.tree is None or b.tree is None or not a.boxes_touch(b):
                continue
            if not a.tree.overlap(b.tree):
                continue
            depth = max(_inside_depth(b, a.samples), _inside_depth(a, b.samples))
            if depth > PEN_TOL:
                pairs.append({"a": a.id, "b": b.id, "depth": round(depth, 4)})
    timer.mark("pairs")
    counts = {
        "objects": len(results),
        "floating": sum(1 for r in results if r["floating"]),
        "interpenetratingPairs": len(pairs),
        "wallPenetrating": sum(1 for r in results if r["wallPenetrating"]),
        "outside": sum(1 for r in results if r["outside"]),
    }
    return {"objects": results, "pairs": pairs, "counts": counts}, timer.done()
