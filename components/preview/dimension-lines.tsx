"use client";
/**
 * Dimension lines on the selected object: width, depth and height (m, two decimals) along the edges of its built
 * bounding box, drawn in the object's group so they follow every drag and turn (in plan view the height is a label at
 * the front corner).
 */
import { Html, Line } from "@react-three/drei";
import type { Box3 } from "three";

const LABEL = "pointer-events-none whitespace-nowrap rounded bg-white/90 px-1 text-[10px] font-medium text-sky-900 shadow";

/** Lines and labels for `box` (the object's local frame in three.js axes: x = width, y = height, z = depth, +z at the front). */
export function DimensionLines({ box, plan = false }: { box: Box3; plan?: boolean }) {
  const { min, max } = box;
  const o = 0.06;
  const w = max.x - min.x;
  const h = max.y - min.y;
  const d = max.z - min.z;
  const y0 = min.y + 0.005;
  const front = max.z + o;
  const right = max.x + o;
  const common = { color: "#0369a1", lineWidth: 1.5, depthTest: false, renderOrder: 1000 } as const;
  return (
    <group raycast={() => null} name="dimension-lines">
      <Line points={[[min.x, y0, front], [max.x, y0, front]]} {...common} />
      <Line points={[[right, y0, min.z], [right, y0, max.z]]} {...common} />
      {!plan && <Line points={[[right, min.y, front], [right, max.y, front]]} {...common} />}
      <Html position={[(min.x + max.x) / 2, y0, front + 0.04]} center zIndexRange={[20, 10]} pointerEvents="none">
        <span className={LABEL} data-testid="dim-width" data-value={w.toFixed(3)}>
          {w.toFixed(2)} m
        </span>
      </Html>
      <Html position={[right + 0.04, y0, (min.z + max.z) / 2]} center zIndexRange={[20, 10]} pointerEvents="none">
        <span className={LABEL} data-testid="dim-depth" data-value={d.toFixed(3)}>
          {d.toFixed(2)} m
        </span>
      </Html>
      {/* Seen from above the height line would stand on the depth label: only its label, offset. */}
      <Html position={plan ? [min.x - 0.1, y0, front + 0.04] : [right + 0.04, (min.y + max.y) / 2, front]} center zIndexRange={[20, 10]} pointerEvents="none">
        <span className={LABEL} data-testid="dim-height" data-value={h.toFixed(3)}>
          {plan ? `h ${h.toFixed(2)} m` : `${h.toFixed(2)} m`}
        </span>
      </Html>
    </group>
  );
}
