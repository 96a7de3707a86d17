import "server-only";
/**
 * The critic for the model engine (Code-as-Room's and SceneCode's verification loop): after a scene is built, the
 * vision model sees a render of the room beside the prompt or the input picture and proposes at most three edit
 * instructions, which go through the same edit router as the designer's (applyInstruction, actor "critic"); at
 * most MAX_ROUNDS rounds, stopping when it is satisfied. Every model call goes through server/llm/provider.ts.
 * Off for the offline engine and when ROOMCODE_CRITIC=0. Events: `stage.output` (stage decor, `critic` data).
 */
import fs from "node:fs";
import { z } from "zod";
import { isAppError } from "../../lib/errors";
import type { Scene } from "../../lib/scene/schema";
import { applyInstruction } from "../edits";
import { loadPrompt } from "../engines/openai/prompts";
import { appendEvent } from "../events/bus";
import { getProvider, type Provider, type UserContent } from "../llm/provider";
import { assembleInput } from "../pipeline/assemble";
import { getRunner } from "../runner";
import { ArtifactKeys, discardScratch, getStore } from "../store";

/** Rounds of critique at most (the issue: at most two). */
export const MAX_ROUNDS = 2;

/** The critic's answer. */
export const CriticAnswer = z.object({ done: z.boolean(), edits: z.array(z.string().min(1).max(200)).max(3), notes: z.string() });
export type CriticAnswer = z.infer<typeof CriticAnswer>;

/** What one round did: the answer and, per proposed edit, whether it applied (and why not). */
export interface CriticRound {
  round: number;
  answer: CriticAnswer;
  applied: { instruction: string; ok: boolean; error?: string }[];
}

/** Whether the critic runs for a scene: model-engine scenes only, unless ROOMCODE_CRITIC=0. */
export function criticEnabled(scene: Pick<Scene, "engine">, env: Record<string, string | undefined> = process.env): boolean {
  return scene.engine === "openai" && env.ROOMCODE_CRITIC !== "0";
}

async function topRender(sceneId: string): Promise<string | null> {
  const store = getStore();
  const out = store.artifacts.scratchPath(sceneId, ArtifactKeys.renderFile(`critic-${Date.now()}.png`));
  try {
    const res = await getRunner().assembleScene({ ...assembleInput(store.getScene(sceneId)), scope: sceneId, outTopPng: out, topPngSizePx: 512 });
    if (!res.ok || !fs.existsSync(out)) return null;
    return `data:image/png;base64,${fs.readFileSync(out).toString("base64")}`;
  } finally {
    discardScratch(out);
  }
}

function request(scene: Scene, render: string): UserContent {
  const objects = scene.objects.map((o) => ({ id: o.id, category: o.category, color: o.attributes.color, placement: o.placement }));
  const parts: UserContent = [{ type: "text", text: `asked: ${scene.source.kind === "prompt" ? scene.source.prompt : "the top-down picture below"}\nobjects: ${JSON.stringify(objects)}\nrender (top-down plan of the built room):` }, { type: "image", dataUrl: render }];
  if (scene.source.kind === "image") {
    const image = getStore().artifacts.get(scene.id, ArtifactKeys.sceneFile(scene.source.imageFile));
    if (image) parts.push({ type: "text", text: "input picture:" }, { type: "image", dataUrl: `data:image/png;base64,${image.toString("base64")}` });
  }
  return parts;
}

/**
 * Runs the critic on a built scene; resolves with the rounds done (empty when it is off or the render failed).
 * Never throws: a model failure ends the loop with a `stage.output` note.
 */
export async function runCritic(sceneId: string, o: { provider?: Provider; rounds?: number } = {}): Promise<CriticRound[]> {
  const store = getStore();
  const rounds: CriticRound[] = [];
  if (!store.scenes.exists(sceneId) || !criticEnabled(store.getScene(sceneId))) return rounds;
  const provider = o.provider ?? getProvider();
  const prompt = loadPrompt("critic");
  for (let round = 1; round <= Math.min(o.rounds ?? MAX_ROUNDS, MAX_ROUNDS); round++) {
    if (!store.scenes.exists(sceneId)) break;
    const scene = store.getScene(sceneId);
    const render = await topRender(sceneId);
    if (!render) break;
    let answer: CriticAnswer;
    try {
      answer = await provider.json({ system: prompt.text, user: request(scene, render), schema: CriticAnswer, schemaName: "critic" }, { stage: "critic", vision: true });
    } catch (e) {
      appendEvent(sceneId, "stage.output", { stage: "decor", data: { critic: { round, error: isAppError(e) ? e.message : String(e) } } });
      break;
    }
    const r: CriticRound = { round, answer, applied: [] };
    rounds.push(r);
    if (answer.done || answer.edits.length === 0) {
      appendEvent(sceneId, "stage.output", { stage: "decor", data: { critic: { round, done: true, notes: answer.notes, edits: [] } } });
      break;
    }
    for (const instruction of answer.edits) {
      try {
        await applyInstruction(sceneId, { instruction, actor: "critic" });
        r.applied.push({ instruction, ok: true });
      } catch (e) {
        r.applied.push({ instruction, ok: false, error: isAppError(e) ? `${e.code}: ${e.message}` : String(e) });
      }
    }
    appendEvent(sceneId, "stage.output", { stage: "decor", data: { critic: { round, done: false, notes: answer.notes, edits: r.applied } } });
  }
  return rounds;
}
