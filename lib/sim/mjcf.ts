/**
 * MJCF (MuJoCo XML, https://mujoco.readthedocs.io/en/2.2.2/XMLreference.html) of a whole scene: the room shell
 * static in the world body (its doors hinged to it), each object a body at its placement (welded, or with a free
 * joint for small objects), a child body per joint link with a hinge or slide joint (range, damping) and a
 * position actuator per joint. Geoms are the parts' convex hulls (`meshes/<object>/<part>__hull.obj`), a box for
 * a part whose hull is its axis-aligned box or too flat to have a volume, and a plane for the room's floor.
 * Moving parts collide neither with other furniture (the layout plans no swing clearance) nor with each other,
 * but push free objects; bodies of one object never collide with each other.
 */
import type { Placement } from "../scene/schema";
import { effectiveInertia, linksOf, type Link, type MassPart } from "./links";
import { JOINT_DAMPING, type SimObjectInput } from "./urdf";
import { attr, num, nums, rgba, safeName } from "./xml";

/** One scene object for the MJCF: its sim data, placement (room frame, m, deg) and whether it is free. */
export interface MjcfObject extends SimObjectInput {
  placement: Placement;
  free: boolean;
}

/** Position-servo bandwidth (Hz) of every joint actuator: kp = I (2 pi f)^2, critically damped by the joint. */
export const SERVO_HZ = 8;

/**
 * Collision filter per geom kind as MJCF [contype, conaffinity] (two geoms collide when either's contype meets the
 * other's conaffinity): moving parts touch free objects only, free objects touch everything.
 */
export const CONTACT_BITS = { fixed: [1, 1], moving: [2, 0], free: [3, 3] } as const;

type Bits = (typeof CONTACT_BITS)[keyof typeof CONTACT_BITS];

/** Mesh file of a part relative to the MJCF's meshdir. */
export function sceneMeshFile(objectId: string, part: string): string {
  return `${safeName(objectId)}/${safeName(part)}__hull.obj`;
}

const DEG = Math.PI / 180;

function meshName(objectId: string, part: string): string {
  return `${safeName(objectId)}__${safeName(part)}`;
}

function flat(p: MassPart): boolean {
  return p.hullVertices < 4 || p.hullVolume < 1e-7;
}

/** True when the part's hull fills its object-frame bounding box: an axis-aligned box, written as a box geom. */
function boxLike(p: MassPart): boolean {
  const v = [0, 1, 2].reduce((s, k) => s * (p.bbox.max[k] - p.bbox.min[k]), 1);
  return v > 0 && p.hullVolume >= 0.97 * v;
}

/** Parts that use a primitive geom instead of their hull mesh (MuJoCo's box and plane collide most robustly). */
function primitive(p: MassPart): boolean {
  return flat(p) || boxLike(p);
}

function isRoomFloor(objectId: string, l: Link, p: MassPart): boolean {
  return objectId === "room" && l.joint === null && p.name === "floor";
}

function geom(objectId: string, l: Link, p: MassPart, bits: Bits, indent: string): string {
  const common = `contype="${bits[0]}" conaffinity="${bits[1]}" rgba="${rgba(p.color)}" mass="0"`;
  if (isRoomFloor(objectId, l, p)) {
    // The floor is a plane at z = 0: large thin hulls make MuJoCo's convex collisions (MPR) unreliable.
    const c = [0, 1].map((k) => (p.bbox.min[k] + p.bbox.max[k]) / 2);
    const h = [0, 1].map((k) => Math.max((p.bbox.max[k] - p.bbox.min[k]) / 2, 0.01));
    return `${indent}<geom name="${attr(meshName(objectId, p.name))}" type="plane" pos="${nums([c[0], c[1], p.bbox.max[2]])}" size="${nums([h[0], h[1], 0.1])}" ${common}/>`;
  }
  if (primitive(p)) {
    const c = [0, 1, 2].map((k) => (p.bbox.min[k] + p.bbox.max[k]) / 2 - l.origin[k]);
    const h = [0, 1, 2].map((k) => Math.max((p.bbox.max[k] - p.bbox.min[k]) / 2, 0.0005));
    return `${indent}<geom name="${attr(meshName(objectId, p.name))}" type="box" pos="${nums(c)}" size="${nums(h)}" ${common}/>`;
  }
  return `${indent}<geom name="${attr(meshName(objectId, p.name))}" type="mesh" mesh="${attr(meshName(objectId, p.name))}" pos="${nums([-l.origin[0], -l.origin[1], -l.origin[2]])}" ${common}/>`;
}

function inertial(l: Link, indent: string): string {
  const c = [0, 1, 2].map((k) => l.com[k] - l.origin[k]);
  return `${indent}<inertial pos="${nums(c)}" mass="${num(Math.max(l.mass, 1e-3))}" fullinertia="${l.inertia.map((v) => v.toExponential(6)).join(" ")}"/>`;
}

function quatYaw(deg: number): string {
  const a = (deg * DEG) / 2;
  return nums([Math.cos(a), 0, 0, Math.sin(a)]);
}

interface Built {
  xml: string[];
  actuators: string[];
  bodies: string[];
}

function objectBodies(o: MjcfObject, isRoom: boolean): Built {
  const links = linksOf(o.joints, o.parts);
  const built: Built = { xml: [], actuators: [], bodies: [] };
  const bodyName = (l: Link) => (l.joint ? `${safeName(o.objectId)}__${safeName(l.joint.name)}` : safeName(o.objectId));
  const emit = (l: Link, depth: number) => {
    const ind = "  ".repeat(depth);
    const baseBits = o.free ? CONTACT_BITS.free : CONTACT_BITS.fixed;
    const bits = l.joint ? (o.free ? CONTACT_BITS.free : CONTACT_BITS.moving) : baseBits;
    const parent = l.parent ? links.find((p) => p.name === l.parent)! : null;
    const pos = parent ? nums([0, 1, 2].map((k) => l.origin[k] - parent.origin[k])) : nums([o.placement.x, o.placement.y, o.placement.z]);
    const rot = parent ? "" : ` quat="${quatYaw(o.placement.yawDeg)}"`;
    if (isRoom && !l.joint) {
      // The room shell is the world itself.
      for (const p of l.parts) built.xml.push(geom(o.objectId, l, p, CONTACT_BITS.fixed, ind));
    } else {
      built.bodies.push(bodyName(l));
      built.xml.push(`${ind}<body name="${attr(bodyName(l))}" pos="${pos}"${rot}>`);
      if (!l.joint && o.free) built.xml.push(`${ind}  <freejoint name="${attr(`${safeName(o.objectId)}__free`)}"/>`);
      if (l.joint) {
        const j = l.joint;
        const range = j.type === "revolute" ? [j.limits[0] * DEG, j.limits[1] * DEG] : j.limits;
        const inertia = effectiveInertia(links, j);
        const kp = inertia * (2 * Math.PI * SERVO_HZ) ** 2;
        const damping = Math.max(2 * Math.sqrt(kp * inertia), JOINT_DAMPING[j.type]);
        const jn = `${safeName(o.objectId)}__${safeName(j.name)}`;
        built.xml.push(`${ind}  <joint name="${attr(jn)}" type="${j.type === "revolute" ? "hinge" : "slide"}" axis="${nums(j.axis)}" pos="0 0 0" limited="true" range="${nums(range)}" damping="${num(damping)}" armature="0.001"/>`);
        built.actuators.push(`    <position name="${attr(jn)}" joint="${attr(jn)}" kp="${num(kp)}" ctrllimited="true" ctrlrange="${nums(range)}"/>`);
      }
      if (l.parts.length || l.joint || o.free) built.xml.push(inertial(l, `${ind}  `));
      for (const p of l.parts) built.xml.push(geom(o.objectId, l, p, bits, `${ind}  `));
    }
    for (const child of links.filter((c) => c.parent === l.name)) emit(child, isRoom && !l.joint ? depth : depth + 1);
    if (!(isRoom && !l.joint)) built.xml.push(`${ind}</body>`);
  };
  emit(links[0], 2);
  return built;
}

/** MJCF XML text of a scene: `room` (room frame, may be null) and the objects; meshes under `meshes/`. */
export function sceneMjcf(room: SimObjectInput | null, objects: MjcfObject[], model = "roomcode_scene"): string {
  const all: { o: MjcfObject; room: boolean }[] = [];
  if (room) all.push({ o: { ...room, placement: { x: 0, y: 0, z: 0, yawDeg: 0 }, free: false }, room: true });
  for (const o of objects) all.push({ o, room: false });
  const assets: string[] = [];
  for (const { o } of all) {
    for (const p of o.parts) if (!primitive(p)) assets.push(`    <mesh name="${attr(meshName(o.objectId, p.name))}" file="${attr(sceneMeshFile(o.objectId, p.name))}"/>`);
  }
  const world: string[] = [];
  const actuators: string[] = [];
  const excludes: string[] = [];
  for (const { o, room: isRoom } of all) {
    const b = objectBodies(o, isRoom);
    world.push(...b.xml);
    actuators.push(...b.actuators);
    for (let i = 0; i < b.bodies.length; i++) {
      for (let k = i + 1; k < b.bodies.length; k++) excludes.push(`    <exclude body1="${attr(b.bodies[i])}" body2="${attr(b.bodies[k])}"/>`);
    }
  }
  return [
    `<mujoco model="${attr(model)}">`,
    `  <compiler angle="radian" meshdir="meshes" inertiafromgeom="false" balanceinertia="true" boundmass="0.001" boundinertia="1e-7"/>`,
    `  <option timestep="0.002" integrator="implicit" gravity="0 0 -9.81"/>`,
    `  <default><geom friction="0.8 0.01 0.001" condim="3"/></default>`,
    `  <asset>`,
    ...assets,
    `  </asset>`,
    `  <worldbody>`,
    `    <light name="sun" pos="0 0 6" dir="0 0 -1" directional="true"/>`,
    ...world,
    `  </worldbody>`,
    ...(excludes.length ? [`  <contact>`, ...excludes, `  </contact>`] : []),
    ...(actuators.length ? [`  <actuator>`, ...actuators, `  </actuator>`] : []),
    `</mujoco>`,
    "",
  ].join("\n");
}
