/**
 * URDF of one object (ROS URDF XML, http://wiki.ros.org/urdf/XML): a link per moving group (`base` plus one per
 * joint), visual meshes and convex-hull collision meshes per part (`meshes/<part>.obj`, `meshes/<part>__hull.obj`,
 * object frame, m), inertial from the parts' mass properties, joints with limits (rad or m), effort, velocity and
 * damping. Link frames sit at their joint origins, unrotated, so every mesh is offset by minus its link origin.
 */
import type { Joint } from "../scene/schema";
import { linksOf, type Link, type MassPart } from "./links";
import { attr, num, nums, rgba, safeName } from "./xml";

/** One object to describe: id, validated joints and part mass properties. */
export interface SimObjectInput {
  objectId: string;
  joints: Joint[];
  parts: MassPart[];
}

/** Mesh file of a part relative to the URDF (`hull` for its collision mesh). */
export function partMeshFile(part: string, hull: boolean): string {
  return `meshes/${safeName(part)}${hull ? "__hull" : ""}.obj`;
}

const DEG = Math.PI / 180;

function inertial(l: Link): string {
  const c = [l.com[0] - l.origin[0], l.com[1] - l.origin[1], l.com[2] - l.origin[2]];
  const [ixx, iyy, izz, ixy, ixz, iyz] = l.inertia.map((v) => Math.max(Math.abs(v) < 1e-12 ? 0 : v, -1e9));
  return `    <inertial>
      <origin xyz="${nums(c)}" rpy="0 0 0"/>
      <mass value="${num(Math.max(l.mass, 1e-4))}"/>
      <inertia ixx="${Math.max(ixx, 1e-9).toExponential(6)}" ixy="${ixy.toExponential(6)}" ixz="${ixz.toExponential(6)}" iyy="${Math.max(iyy, 1e-9).toExponential(6)}" iyz="${iyz.toExponential(6)}" izz="${Math.max(izz, 1e-9).toExponential(6)}"/>
    </inertial>`;
}

function geometry(l: Link, p: MassPart, objectId: string): string {
  const o = nums([-l.origin[0], -l.origin[1], -l.origin[2]]);
  const n = attr(safeName(p.name));
  return `    <visual name="${n}">
      <origin xyz="${o}" rpy="0 0 0"/>
      <geometry><mesh filename="${attr(partMeshFile(p.name, false))}"/></geometry>
      <material name="${attr(`${safeName(objectId)}_${safeName(p.name)}`)}"><color rgba="${rgba(p.color)}"/></material>
    </visual>
    <collision name="${n}">
      <origin xyz="${o}" rpy="0 0 0"/>
      <geometry><mesh filename="${attr(partMeshFile(p.name, true))}"/></geometry>
    </collision>`;
}

/** Joint damping written to URDF and MJCF: N m s/rad (revolute) or N s/m (prismatic), light furniture hardware. */
export const JOINT_DAMPING = { revolute: 0.5, prismatic: 5 } as const;

/** URDF XML text of an object (its links, joints and mesh references). */
export function objectUrdf(obj: SimObjectInput): string {
  const links = linksOf(obj.joints, obj.parts);
  const byName = new Map(links.map((l) => [l.name, l]));
  const out = [`<?xml version="1.0"?>`, `<robot name="${attr(safeName(obj.objectId))}">`];
  for (const l of links) {
    out.push(`  <link name="${attr(l.name)}">`, inertial(l), ...l.parts.map((p) => geometry(l, p, obj.objectId)), `  </link>`);
  }
  for (const l of links) {
    const j = l.joint;
    if (!j || !l.parent) continue;
    const parent = byName.get(l.parent)!;
    const xyz = nums([j.origin[0] - parent.origin[0], j.origin[1] - parent.origin[1], j.origin[2] - parent.origin[2]]);
    const scale = j.type === "revolute" ? DEG : 1;
    out.push(`  <joint name="${attr(j.name)}" type="${j.type}">
    <parent link="${attr(parent.name)}"/>
    <child link="${attr(l.name)}"/>
    <origin xyz="${xyz}" rpy="0 0 0"/>
    <axis xyz="${nums(j.axis)}"/>
    <limit lower="${num(j.limits[0] * scale)}" upper="${num(j.limits[1] * scale)}" effort="${j.type === "revolute" ? 50 : 200}" velocity="${j.type === "revolute" ? 2 : 0.5}"/>
    <dynamics damping="${JOINT_DAMPING[j.type]}" friction="0"/>
  </joint>`);
  }
  out.push(`</robot>`, "");
  return out.join("\n");
}
