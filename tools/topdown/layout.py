"""Random room programs for the synthetic top-down data: room shape, zones, openings and furniture placements.

Everything is in room metres (origin at the south-west interior corner, +X east, +Y north). Yaw follows the
scene model: an object's back (+Y local) points north at yaw 0, west at 90, south at 180, east at 270.
"""
import math

ZONE_TYPES = ["bedroom", "living", "dining", "kitchen", "bathroom", "office", "closet", "studio"]

# Per zone type: (family choices, count range, rule). Rules: wall (back to a wall), bedset, sofaset,
# diningset, deskset, corner, center, rug.
PROGRAMS = {
    "bedroom": [(["bed"], (1, 1), "bedset"), (["wardrobe", "dresser"], (0, 2), "wall"),
                (["potted_plant", "floor_lamp"], (0, 2), "corner"), (["armchair"], (0, 1), "corner"),
                (["desk"], (0, 1), "deskset"), (["tv_stand", "bookshelf"], (0, 1), "wall")],
    "living": [(["sofa"], (1, 1), "sofaset"), (["tv_stand"], (0, 1), "wall"),
               (["bookshelf", "sideboard", "cabinet"], (0, 2), "wall"),
               (["potted_plant", "floor_lamp"], (0, 3), "corner"), (["side_table", "console_table"], (0, 1), "wall")],
    "dining": [(["dining_table"], (1, 1), "diningset"), (["sideboard", "wine_cabinet", "cabinet"], (0, 2), "wall"),
               (["potted_plant"], (0, 2), "corner")],
    "kitchen": [(["kitchen_counter", "stove", "fridge", "washing_machine", "kitchen_counter"], (2, 5), "wall"),
                (["kitchen_island"], (0, 1), "center"), (["dining_table"], (0, 1), "diningset")],
    "bathroom": [(["toilet"], (1, 1), "wall"), (["bathtub", "shower"], (0, 1), "wall"),
                 (["sink", "vanity"], (1, 2), "wall"),
                 (["washing_machine", "cabinet"], (0, 1), "wall")],
    "office": [(["desk"], (1, 2), "deskset"), (["bookshelf", "shelf", "cabinet"], (1, 3), "wall"),
               (["armchair", "sofa"], (0, 1), "wall"), (["potted_plant", "floor_lamp"], (0, 2), "corner")],
    "closet": [(["wardrobe", "dresser", "shelf"], (1, 3), "wall"), (["bench", "ottoman"], (0, 1), "center"),
               (["rug"], (0, 1), "rug")],
    "studio": [(["bed", "bunk_bed"], (1, 1), "bedset"), (["sofa"], (0, 1), "sofaset"), (["desk"], (0, 1), "deskset"),
               (["dining_table"], (0, 1), "diningset"), (["wardrobe"], (0, 1), "wall"),
               (["potted_plant"], (0, 2), "corner")],
}


class Grid:
    """Occupancy grid (10 cm cells) of a zone, to reject overlapping placements."""

    def __init__(self, x0, y0, x1, y1):
        self.x0, self.y0 = x0, y0
        self.nx, self.ny = max(1, int(math.ceil((x1 - x0) * 10))), max(1, int(math.ceil((y1 - y0) * 10)))
        self.cells = [[0] * self.nx for _ in range(self.ny)]

    def _span(self, box):
        cx, cy, w, d = box
        i0, i1 = int((cx - w / 2 - self.x0) * 10), int(math.ceil((cx + w / 2 - self.x0) * 10))
        j0, j1 = int((cy - d / 2 - self.y0) * 10), int(math.ceil((cy + d / 2 - self.y0) * 10))
        return i0, i1, j0, j1

    def free(self, box):
        """True when the box (cx, cy, w, d) lies inside the zone and on free cells."""
        i0, i1, j0, j1 = self._span(box)
        if i0 < 0 or j0 < 0 or i1 > self.nx or j1 > self.ny:
            return False
        return all(not self.cells[j][i] for j in range(j0, j1) for i in range(i0, i1))

    def take(self, box):
        """Mark the box's cells as used."""
        i0, i1, j0, j1 = self._span(box)
        for j in range(max(0, j0), min(self.ny, j1)):
            for i in range(max(0, i0), min(self.nx, i1)):
                self.cells[j][i] = 1


def footprint(size, yaw):
    """World (w, d) of a local (w, d) footprint turned by yaw (multiple of 90 deg)."""
    w, d = size
    return (d, w) if int(round(yaw / 90)) % 2 else (w, d)


def against_wall(zone, size, side, t):
    """Box centre and yaw for an object with its back on zone side `side` (0 S, 1 E, 2 N, 3 W) at fraction t."""
    x0, y0, x1, y1 = zone
    yaw = {0: 180, 1: 270, 2: 0, 3: 90}[side]
    w, d = footprint(size, yaw)
    if side in (0, 2):
        cx = x0 + w / 2 + t * max(0.0, (x1 - x0) - w)
        cy = y0 + d / 2 + 0.02 if side == 0 else y1 - d / 2 - 0.02
    else:
        cy = y0 + d / 2 + t * max(0.0, (y1 - y0) - d)
        cx = x1 - w / 2 - 0.02 if side == 1 else x0 + w / 2 + 0.02
    return (cx, cy, w, d), yaw


def make_room(rng):
    """A random room: outer size, wall thickness, L-shape cut, zones (x0, y0, x1, y1, type), partitions, openings."""
    w, d = rng.uniform(2.6, 9.5), rng.uniform(2.6, 8.0)
    room = {"w": w, "d": d, "wall": rng.uniform(0.08, 0.3), "cut": None, "zones": [], "partitions": [], "openings": []}
    zones = [(0.0, 0.0, w, d)]
    if max(w, d) > 5.0 and rng.random() < 0.55:
        n = 2 if rng.random() < 0.7 else 3
        if w >= d:
            xs = sorted(rng.uniform(0.3, 0.7) * w for _ in range(n - 1))
            edges = [0.0] + xs + [w]
            zones = [(edges[k], 0.0, edges[k + 1], d) for k in range(n)]
            for x in xs:
                gap = rng.uniform(0.15, 0.7) * d
                room["partitions"].append(((x, 0.0), (x, d), gap, rng.uniform(0.8, 1.4) if rng.random() < 0.8 else d))
        else:
            ys = sorted(rng.uniform(0.3, 0.7) * d for _ in range(n - 1))
            edges = [0.0] + ys + [d]
            zones = [(0.0, edges[k], w, edges[k + 1]) for k in range(n)]
            for y in ys:
                gap = rng.uniform(0.15, 0.7) * w
                room["partitions"].append(((0.0, y), (w, y), gap, rng.uniform(0.8, 1.4) if rng.random() < 0.8 else w))
    elif min(w, d) > 4.0 and rng.random() < 0.3:
        room["cut"] = (rng.choice([0, 1, 2, 3]), rng.uniform(0.25, 0.45) * w, rng.uniform(0.25, 0.45) * d)
    kinds = list(ZONE_TYPES)
    for z in zones:
        area = (z[2] - z[0]) * (z[3] - z[1])
        kind = rng.choice(["bathroom", "closet", "office"] if area < 7 else kinds)
        room["zones"].append((z[0], z[1], z[2], z[3], kind))
    # Openings on the outer walls: (side, centre along the side in m, width, kind).
    for _ in range(rng.randint(0, 4)):
        side = rng.randint(0, 3)
        length = w if side in (0, 2) else d
        kind = "door" if rng.random() < 0.35 else "window"
        width = rng.uniform(0.8, 1.0) if kind == "door" else rng.uniform(0.6, min(2.4, length * 0.6))
        centre = rng.uniform(width / 2 + 0.2, max(width / 2 + 0.21, length - width / 2 - 0.2))
        room["openings"].append((side, centre, width, kind))
    return room


def in_cut(room, box):
    """True when the box overlaps the L-shape's removed corner."""
    if not room["cut"]:
        return False
    c, cw, cd = room["cut"]
    x0 = 0 if c in (0, 3) else room["w"] - cw
    y0 = 0 if c in (0, 1) else room["d"] - cd
    cx, cy, w, d = box
    return not (cx + w / 2 <= x0 or cx - w / 2 >= x0 + cw or cy + d / 2 <= y0 or cy - d / 2 >= y0 + cd)


def furnish(room, rng, sizes):
    """Placements [(family, box (cx, cy, w, d), yaw)] for every zone; `sizes(family)` gives a local (w, d)."""
    out = []
    for x0, y0, x1, y1, kind in room["zones"]:
        zone = (x0 + 0.05, y0 + 0.05, x1 - 0.05, y1 - 0.05)
        grid = Grid(*zone)

        def put(fam, box, yaw, force=False):
            if in_cut(room, box) or not (force or grid.free(box)):
                return False
            grid.take(box)
            out.append((fam, box, yaw))
            return True

        def wall_item(fam, tries=12):
            for _ in range(tries):
                box, yaw = against_wall(zone, sizes(fam), rng.randint(0, 3), rng.random())
                if put(fam, box, yaw):
                    return box, yaw
            return None

        for fams, (lo, hi), rule in PROGRAMS[kind]:
            for _ in range(rng.randint(lo, hi)):
                fam = rng.choice(fams)
                if rule == "wall":
                    wall_item(fam)
                elif rule == "corner":
                    s = sizes(fam)
                    cx = zone[0] + s[0] / 2 + 0.05 if rng.random() < 0.5 else zone[2] - s[0] / 2 - 0.05
                    cy = zone[1] + s[1] / 2 + 0.05 if rng.random() < 0.5 else zone[3] - s[1] / 2 - 0.05
                    put(fam, (cx, cy, s[0], s[1]), rng.choice([0, 90, 180, 270]))
                elif rule == "center":
                    s = sizes(fam)
                    yaw = rng.choice([0, 90])
                    w, d = footprint(s, yaw)
                    cx = (zone[0] + zone[2]) / 2 + rng.uniform(-0.3, 0.3)
                    cy = (zone[1] + zone[3]) / 2 + rng.uniform(-0.3, 0.3)
                    put(fam, (cx, cy, w, d), yaw)
                elif rule == "rug":
                    s = sizes("rug")
                    centre = ((zone[0] + zone[2]) / 2, (zone[1] + zone[3]) / 2)
                    out.append(("rug", (centre[0], centre[1], min(s[0], x1 - x0 - 0.6), min(s[1], y1 - y0 - 0.6)), 0))
                else:
                    group(rule, fam, zone, rng, sizes, put, wall_item, out)
    return out


def offset(box, yaw, fwd, side):
    """Point at `fwd` metres in front of the box (along its -Y local) and `side` metres to its right."""
    cx, cy = box[0], box[1]
    a = math.radians(yaw)
    fx, fy = math.sin(a), -math.cos(a)  # local -Y turned by yaw
    rx, ry = math.cos(a), math.sin(a)  # local +X turned by yaw
    return cx + fwd * fx + side * rx, cy + fwd * fy + side * ry


def group(rule, fam, zone, rng, sizes, put, wall_item, out):
    """Groups: a bed with nightstands, a sofa with table and armchairs, a table with chairs, a desk with a chair."""
    if rule == "diningset":
        s = sizes(fam)
        yaw = rng.choice([0, 90])
        w, d = footprint(s, yaw)
        c = ((zone[0] + zone[2]) / 2 + rng.uniform(-0.5, 0.5), (zone[1] + zone[3]) / 2 + rng.uniform(-0.5, 0.5))
        if rng.random() < 0.3:
            rs = sizes("rug")
            out.append(("rug", (c[0], c[1], w + 1.4, d + 1.4), yaw))
        if not put(fam, (c[0], c[1], w, d), yaw):
            return
        chair = rng.choice(["chair", "chair", "bar_stool", "stool"])
        cs = sizes(chair)
        n_long = max(1, int(max(s[0], 0.6) / 0.6))
        for k in range(n_long):
            t = (k + 0.5) / n_long - 0.5
            for sgn in (-1, 1):
                # chairs face the table: their front (-Y local) looks at the table centre
                along = t * s[0]
                px, py = offset((c[0], c[1]), yaw, sgn * (s[1] / 2 + cs[1] / 2 - 0.05), along)
                cyaw = (yaw + (0 if sgn < 0 else 180)) % 360
                cw, cd = footprint(cs, cyaw)
                if rng.random() < 0.9:
                    put(chair, (px, py, cw, cd), cyaw)
        return
    placed = wall_item(fam, tries=16)
    if not placed:
        return
    box, yaw = placed
    s = sizes(fam)
    if rule == "bedset":
        ns = rng.choice(["nightstand", "nightstand", "side_table"])
        nsz = sizes(ns)
        if rng.random() < 0.6:
            r = sizes("rug")
            cx, cy = offset(box, yaw, 0.35, 0)
            rw, rd = footprint((s[0] + rng.uniform(0.6, 1.4), s[1] * rng.uniform(0.6, 0.9)), yaw)
            out.insert(0, ("rug", (cx, cy, rw, rd), yaw))
        for sgn in (-1, 1):
            if rng.random() < 0.85:
                px, py = offset(box, yaw, -(s[1] - nsz[1]) / 2 + 0.02, sgn * (s[0] / 2 + nsz[0] / 2 + 0.05))
                w, d = footprint(nsz, yaw)
                put(ns, (px, py, w, d), yaw)
        if rng.random() < 0.4:
            bench = rng.choice(["bench", "ottoman"])
            bs = sizes(bench)
            px, py = offset(box, yaw, s[1] / 2 + bs[1] / 2 + 0.1, 0)
            w, d = footprint(bs, yaw)
            put(bench, (px, py, w, d), yaw)
    elif rule == "sofaset":
        ts = sizes("coffee_table")
        gap = rng.uniform(0.35, 0.6)
        px, py = offset(box, yaw, s[1] / 2 + gap + ts[1] / 2, 0)
        if rng.random() < 0.6:
            rw, rd = footprint((s[0] * rng.uniform(0.9, 1.2), ts[1] + 1.4), yaw)
            rx, ry = offset(box, yaw, s[1] / 2 + gap + ts[1] / 2, 0)
            out.insert(0, ("rug", (rx, ry, rw, rd), yaw))
        w, d = footprint(ts, yaw)
        put("coffee_table", (px, py, w, d), yaw)
        for sgn in (-1, 1):
            if rng.random() < 0.5:
                a = sizes("armchair")
                qx, qy = offset(box, yaw, s[1] / 2 + gap + ts[1] / 2, sgn * (ts[0] / 2 + a[1] / 2 + 0.4))
                ayaw = (yaw + (270 if sgn > 0 else 90)) % 360
                w, d = footprint(a, ayaw)
                put("armchair", (qx, qy, w, d), ayaw)
    elif rule == "deskset":
        ch = rng.choice(["office_chair", "chair"])
        cs = sizes(ch)
        px, py = offset(box, yaw, s[1] / 2 + cs[1] / 2 - 0.1, rng.uniform(-0.2, 0.2))
        cyaw = (yaw + 180) % 360
        w, d = footprint(cs, cyaw)
        put(ch, (px, py, w, d), cyaw)
