import { HealthPanel } from "@/components/health/health-panel";
import { getHealth } from "@/server/health";

export const dynamic = "force-dynamic";

/** Home page: what Roomcode is and whether this machine is ready. */
export default async function HomePage() {
  const health = await getHealth();
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-3xl font-semibold tracking-tight">Roomcode</h1>
      <p className="mt-2 text-stone-600">
        Turn a top-down room image or a description into an editable 3D room: one Blender program per object, a live preview, exports to
        .blend, .glb and scene.py.
      </p>
      <div className="mt-6">
        <HealthPanel health={health} />
      </div>
    </main>
  );
}
