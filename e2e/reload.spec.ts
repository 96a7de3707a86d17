/** Reloading mid-generation resumes the timeline from the snapshot's lastSeq: nothing lost, nothing twice. */
import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";

// SceneEval dev set, description 107 (3dlg-hcvc/SceneEval, MIT; ../shared/inputs/SOURCES.md).
const PROMPT =
  "A modern bedroom featuring a charcoal grey king bed with a velvet headboard against the back wall, two nightstands flanking the bed, and a sleek dark wood dresser against the left wall";

test("reload mid-generation: no duplicates, the stream resumes to completion", async ({ page, request }) => {
  const editor = new EditorPage(page);
  const scene = await editor.create(PROMPT);
  await expect.poll(async () => Number(await editor.root.getAttribute("data-last-seq")), { timeout: 60_000 }).toBeGreaterThan(0);
  const statusBefore = await editor.root.getAttribute("data-scene-status");

  await page.reload();
  await expect(editor.root).toBeVisible();
  // The snapshot the reloaded page started from; events may already have arrived on top of it.
  const seqAtReload = Number(await editor.root.getAttribute("data-snapshot-seq"));
  await editor.waitForStatus("completed");
  const total = await editor.waitForAllObjectsShown();

  const seqs = await editor.eventSeqs();
  expect(new Set(seqs).size).toBe(seqs.length);
  expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  // Events after the snapshot arrive exactly once and none before it is replayed into the timeline.
  for (const s of seqs) expect(s).toBeGreaterThan(seqAtReload);
  const finalSeq = Number(await editor.root.getAttribute("data-last-seq"));
  const server = await (await request.get(`/api/scenes/${scene.id}`)).json();
  expect(finalSeq).toBe(server.lastSeq);
  if (statusBefore === "running" || statusBefore === "queued") expect(seqs.length).toBe(finalSeq - seqAtReload);

  expect(Object.values(await editor.stageStates())).toEqual(["done", "done", "done", "done", "done"]);
  const ids = await page.getByTestId("object-list").locator("li").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(total);
  await editor.screenshot("reload-resumed");
});
