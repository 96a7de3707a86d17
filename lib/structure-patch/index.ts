/** Structure corrections for image scenes: the StructurePatch schema, its pure application, and footprint -> object helpers. */
export { StructurePatch, StructurePatchOp, PatchBoxPx } from "./schema";
export { applyStructurePatch, describePatch, frameOf } from "./apply";
export { objectsFromFootprints, regenerateObjects, boxPxToM, wallContact, yawForWall, WALL_CONTACT_M, type BoxPx, type BoxM, type ImageFrame } from "./objects";
