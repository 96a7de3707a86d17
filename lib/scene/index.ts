/** Scene model re-exports. */
export * from "./schema";
