/** One row of `GET /api/scenes`: what the home page lists (times are ISO 8601, thumbnail URL or null). */
export interface SceneSummary {
  id: string;
  title: string;
  status: string;
  source: "prompt" | "image";
  objectCount: number;
  createdAt: string;
  updatedAt: string;
  thumbnailUrl: string | null;
}
