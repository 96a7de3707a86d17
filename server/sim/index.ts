import "server-only";
/** Simulator exports (URDF, MJCF, USD) of a scene; see export.ts. */
export { exportSim, simExportFailures, FREE_ROUTES, type SimExportKind } from "./export";
