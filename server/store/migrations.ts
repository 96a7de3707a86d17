import "server-only";
/**
 * Numbered SQL migrations for the SQLite store. Append new entries; never edit an applied one.
 * Applied versions are recorded in `schema_migrations`.
 */

/** One migration: a version (1, 2, ...), a name and its SQL. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** All migrations in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "init",
    sql: `
CREATE TABLE scenes (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  source_json TEXT NOT NULL,
  engine TEXT NOT NULL,
  status TEXT NOT NULL,
  stage TEXT,
  error TEXT,
  structure_json TEXT,
  room_json TEXT,
  room_rev INTEGER,
  room_glb_rev INTEGER,
  decor_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX scenes_created ON scenes(created_at);

CREATE TABLE objects (
  scene_id TEXT NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  route TEXT NOT NULL,
  target_size_json TEXT NOT NULL,
  placement_json TEXT NOT NULL,
  support TEXT NOT NULL,
  attributes_json TEXT NOT NULL,
  plan_json TEXT,
  program_rev INTEGER,
  build_status TEXT NOT NULL,
  glb_rev INTEGER,
  stats_json TEXT,
  error_json TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  hidden INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scene_id, id)
);

CREATE TABLE program_revisions (
  scene_id TEXT NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
  object_id TEXT NOT NULL,
  rev INTEGER NOT NULL,
  source TEXT NOT NULL,
  params_json TEXT NOT NULL,
  origin TEXT NOT NULL,
  glb_file TEXT,
  stats_json TEXT,
  error_json TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scene_id, object_id, rev)
);

CREATE TABLE memory_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scene_id TEXT NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  value_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX memory_scene ON memory_entries(scene_id, id);

CREATE TABLE events (
  scene_id TEXT NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  stage TEXT,
  object_id TEXT,
  data_json TEXT NOT NULL,
  ts TEXT NOT NULL,
  PRIMARY KEY (scene_id, seq)
);

CREATE TABLE history (
  scene_id TEXT NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  label TEXT NOT NULL,
  command_json TEXT NOT NULL,
  inverse_json TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scene_id, seq)
);

CREATE TABLE jobs (
  scene_id TEXT PRIMARY KEY REFERENCES scenes(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  stage TEXT,
  completed_stages_json TEXT NOT NULL DEFAULT '[]',
  attempts INTEGER NOT NULL DEFAULT 1,
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_state ON jobs(state);
`,
  },
  {
    version: 2,
    name: "scene-owner",
    sql: `
ALTER TABLE scenes ADD COLUMN owner TEXT NOT NULL DEFAULT 'designer';
CREATE INDEX scenes_owner ON scenes(owner, created_at);
`,
  },
  {
    version: 3,
    name: "job-lease",
    sql: `
ALTER TABLE jobs ADD COLUMN owner TEXT;
ALTER TABLE jobs ADD COLUMN lease_until INTEGER;
`,
  },
  {
    version: 4,
    name: "artifacts",
    sql: `
-- Twin of the Postgres ArtifactStore's table; SQLite stores keep artifacts as files under the data dir.
CREATE TABLE artifacts (
  scene_id TEXT NOT NULL,
  key TEXT NOT NULL,
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scene_id, key)
);
`,
  },
];
