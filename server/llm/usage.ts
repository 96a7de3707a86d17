import "server-only";
/**
 * Token and cost accounting. Prices in USD per million tokens from https://openai.com/api/pricing
 * (list prices, November 2026); unknown models (local servers) cost null.
 */

/** Token usage of one or more model calls. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  model: string;
}

const PRICES: [prefix: string, inputPerM: number, outputPerM: number][] = [
  ["gpt-4.1-nano", 0.1, 0.4],
  ["gpt-4.1-mini", 0.4, 1.6],
  ["gpt-4.1", 2, 8],
  ["gpt-4o-mini", 0.15, 0.6],
  ["gpt-4o", 2.5, 10],
  ["gpt-5-nano", 0.05, 0.4],
  ["gpt-5-mini", 0.25, 2],
  ["gpt-5", 1.25, 10],
  ["o4-mini", 1.1, 4.4],
];

/** Estimated cost in USD of `u`, or null when the model is not in the price table. */
export function costUsd(u: TokenUsage): number | null {
  const row = PRICES.find(([p]) => u.model === p || u.model.startsWith(`${p}-`));
  if (!row) return null;
  return (u.promptTokens * row[1] + u.completionTokens * row[2]) / 1_000_000;
}

/** Accumulates usage over several calls (one stage or one object); `summary()` is the line shown in the stage output. */
export class UsageMeter {
  promptTokens = 0;
  completionTokens = 0;
  calls = 0;
  private models = new Set<string>();
  private cost: number | null = 0;

  /** Adds one call's usage. */
  add(u: TokenUsage): void {
    this.promptTokens += u.promptTokens;
    this.completionTokens += u.completionTokens;
    this.calls += 1;
    this.models.add(u.model);
    const c = costUsd(u);
    this.cost = c === null || this.cost === null ? null : this.cost + c;
  }

  /** e.g. `tokens: 1200 in / 340 out over 2 calls (gpt-4.1-mini), ~$0.0010`. */
  summary(): string {
    const cost = this.cost === null ? "cost unknown" : `~$${this.cost.toFixed(4)}`;
    return `tokens: ${this.promptTokens} in / ${this.completionTokens} out over ${this.calls} call${this.calls === 1 ? "" : "s"} (${[...this.models].join(", ")}), ${cost}`;
  }
}
