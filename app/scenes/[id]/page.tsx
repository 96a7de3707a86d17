import { notFound } from "next/navigation";
import { EditorApp } from "@/components/editor/editor-app";
import { getStore } from "@/server/store";

export const dynamic = "force-dynamic";

/** Editor page for one scene: stages | preview | code, edit bar and export; a 404 page for a scene that does not exist. */
export default async function ScenePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(id) || !getStore().scenes.exists(id)) notFound();
  return <EditorApp sceneId={id} />;
}
