/** Evaluation after SceneEval (scene metrics) and SceneCode (object metrics). */
export * from "./constraints";
export * from "./match";
export * from "./attributes";
export * from "./built-attributes";
export * from "./checks";
export * from "./metrics";
export * from "./object-metrics";
export * from "./proxy";
export * from "./scene";
