/** Program helpers shared by the server, the edits and the editor: PARAMS parsing/rewriting, UI controls, materials and color names. */
export { parseParams, replaceParams, formatParamValue, sameParamValue, type ParamValue } from "./params";
export { paramControl, PARAM_CHOICES, type ParamControl } from "./controls";
export {
  materialPreset,
  canonicalMaterial,
  colorHex,
  COLOR_NAMES,
  MATERIAL_NAMES,
  MATERIAL_PRESETS,
  DEFAULT_MATERIAL_PRESET,
  type MaterialPreset,
} from "./materials";
