import { EditorApp } from "@/components/editor/editor-app";

/** Editor page for one scene: stages | preview | code, edit bar and export. */
export default async function ScenePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditorApp sceneId={id} />;
}
