import { HealthPanel } from "@/components/health/health-panel";
import { CreateScene } from "@/components/home/create-scene";
import { RecentScenes } from "@/components/home/recent-scenes";
import { getHealth } from "@/server/health";

export const dynamic = "force-dynamic";

/** Home page for designers: start a room from a description or a picture, your recent rooms; the machine's status folded away (open when something is wrong). */
export default async function HomePage() {
  const health = await getHealth();
  return (
    <main className="mx-auto max-w-6xl space-y-8 p-8">
      <header className="flex flex-wrap items-end gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Roomcode</h1>
          <p className="mt-1 text-stone-600">Describe a room or drop a top-down picture; every object becomes a small program you can edit.</p>
        </div>
      </header>
      <CreateScene />
      <RecentScenes />
      <HealthPanel health={health} />
    </main>
  );
}
