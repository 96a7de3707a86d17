import { HealthPanel } from "@/components/health/health-panel";
import { CreateScene } from "@/components/home/create-scene";
import { RecentScenes } from "@/components/home/recent-scenes";
import { getHealth } from "@/server/health";

export const dynamic = "force-dynamic";

/** Home page: start from a prompt or a top-down image, recent scenes, and whether this machine is ready. */
export default async function HomePage() {
  const health = await getHealth();
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-8">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Roomcode</h1>
        <p className="mt-2 text-stone-600">
          Turn a top-down room image or a description into an editable 3D room: one Blender program per object, a live preview, exports to .blend, .glb and
          scene.py.
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <CreateScene />
        <HealthPanel health={health} />
      </div>
      <RecentScenes />
    </main>
  );
}
