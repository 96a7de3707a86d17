"use client";
/** The expandable output of one stage, read from the scene snapshot plus that stage's output events. */
import type { Scene, StageEvent, StageName } from "@/lib/scene";
import { StatusIcon } from "./status-icon";
import { friendlyBuildError } from "./friendly-error";

const f2 = (n: number) => n.toFixed(2);

function Structure({ scene }: { scene: Scene }) {
  const st = scene.structure;
  if (!st) return <p className="text-stone-500">Not available yet.</p>;
  return (
    <div>
      <p>
        {st.roomType}, {f2(st.roomSize.w)} × {f2(st.roomSize.d)} m, walls {f2(st.roomSize.h)} m; {st.openings.length} openings
        {st.zones.length > 0 && `, zones: ${st.zones.map((z) => z.kind).join(", ")}`}
      </p>
      <table className="mt-1 w-full text-left">
        <thead className="text-stone-500">
          <tr>
            <th className="font-normal">object</th>
            <th className="font-normal">size (m)</th>
            <th className="font-normal">support</th>
          </tr>
        </thead>
        <tbody>
          {st.objects.map((o) => (
            <tr key={o.id}>
              <td title={o.description}>{o.id}</td>
              <td>
                {f2(o.targetSize.w)}×{f2(o.targetSize.d)}×{f2(o.targetSize.h)}
              </td>
              <td>{o.support}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {st.notes.length > 0 && (
        <ul className="mt-1 list-disc pl-4 text-stone-600">
          {st.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Layout({ scene }: { scene: Scene }) {
  return (
    <table className="w-full text-left">
      <thead className="text-stone-500">
        <tr>
          <th className="font-normal">object</th>
          <th className="font-normal">x, y (m)</th>
          <th className="font-normal">yaw</th>
        </tr>
      </thead>
      <tbody>
        {scene.objects.map((o) => (
          <tr key={o.id}>
            <td>{o.id}</td>
            <td>
              {f2(o.placement.x)}, {f2(o.placement.y)}
              {o.placement.z > 0.001 && ` ↑${f2(o.placement.z)}`}
            </td>
            <td>{Math.round(o.placement.yawDeg)}°</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Profile({ scene }: { scene: Scene }) {
  return (
    <ul className="space-y-0.5">
      {scene.objects.map((o) => (
        <li key={o.id}>
          <span className="font-medium">{o.id}</span> <span className="text-stone-500">{o.route.replace(/_/g, " ")}</span>
          {o.plan && <span className="text-stone-600">: {o.plan.parts.map((p) => p.name).join(", ")}</span>}
        </li>
      ))}
    </ul>
  );
}

function Code({ scene }: { scene: Scene }) {
  return (
    <ul className="space-y-0.5" data-testid="object-progress">
      {scene.objects.map((o) => {
        const retries = Math.max(0, o.build.attempts - 1);
        return (
          <li key={o.id} data-testid={`object-progress-${o.id}`} data-status={o.build.status}>
            <StatusIcon status={o.build.status} /> {o.id}
            {o.program && <span className="text-stone-500"> rev {o.program.rev}</span>}
            {retries > 0 && <span className="text-amber-700"> · {retries} {retries === 1 ? "retry" : "retries"}</span>}
            {o.build.error && (
              <details className="ml-5 text-red-800">
                <summary className="cursor-pointer">{friendlyBuildError(o.build.error)}</summary>
                <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-stone-100 p-1 text-[11px] text-stone-700">
                  {o.build.error.type}: {o.build.error.message}
                  {o.build.error.line !== null && ` (line ${o.build.error.line})`}
                  {"\n"}
                  {o.build.error.traceback}
                </pre>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Decor({ scene }: { scene: Scene }) {
  const d = scene.decor;
  if (!d) return <p className="text-stone-500">Not available yet.</p>;
  return (
    <div>
      <p>
        Floor: {d.floorMaterial.name} <Swatch c={d.floorMaterial.color} /> · Walls: {d.wallMaterial.name} <Swatch c={d.wallMaterial.color} /> · {d.lights.length} lights
      </p>
      {d.notes.length > 0 && <p className="text-stone-600">{d.notes.join(" ")}</p>}
    </div>
  );
}

function Swatch({ c }: { c: string }) {
  return <span className="inline-block h-3 w-3 rounded-sm border border-stone-300 align-middle" style={{ background: c }} aria-label={c} />;
}

/** Output of `stage` for the expanded timeline row. */
export function StageOutput({ stage, scene, events }: { stage: StageName; scene: Scene; events: StageEvent[] }) {
  const outputs = events.filter((e) => e.stage === stage && e.type === "stage.output");
  return (
    <div className="space-y-1 text-xs" data-testid={`stage-output-${stage}`}>
      {stage === "structure" && <Structure scene={scene} />}
      {stage === "layout" && <Layout scene={scene} />}
      {stage === "profile" && <Profile scene={scene} />}
      {stage === "code" && <Code scene={scene} />}
      {stage === "decor" && <Decor scene={scene} />}
      {outputs.length > 0 && (
        <details>
          <summary className="cursor-pointer text-stone-500">Memory entries ({outputs.length})</summary>
          <pre className="max-h-48 overflow-auto whitespace-pre-wrap rounded bg-stone-100 p-1 text-[11px]">
            {outputs.map((e) => JSON.stringify(e.data, null, 1)).join("\n")}
          </pre>
        </details>
      )}
    </div>
  );
}
