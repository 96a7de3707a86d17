/**
 * Label classes of the top-down model (models/topdown-v1.onnx), in the order of its output channels.
 * Source of truth for training: tools/topdown/classes.py (same lists, same order).
 */

/** Per-pixel structure classes of the `seg` output. */
export const STRUCT_CLASSES = ["outside", "floor", "wall", "door", "window"] as const;

/** Furniture classes of the `heat` output (scene-model categories, snake_case). */
export const DET_CLASSES = [
  "bed",
  "nightstand",
  "sofa",
  "armchair",
  "chair",
  "dining_table",
  "coffee_table",
  "side_table",
  "desk",
  "wardrobe",
  "dresser",
  "tv_stand",
  "bookshelf",
  "rug",
  "potted_plant",
  "bench",
  "toilet",
  "bathtub",
  "sink",
  "kitchen_counter",
  "floor_lamp",
] as const;

/** A furniture class name of the model. */
export type DetClass = (typeof DET_CLASSES)[number];

/**
 * Typical longer footprint side (m) per class, used to estimate the image scale from detections
 * (common furniture dimensions, e.g. Neufert "Architects' Data": double bed 2.0-2.1 m, three-seat sofa 2.0-2.2 m).
 */
export const TYPICAL_LONG_SIDE_M: Partial<Record<DetClass, number>> = {
  bed: 2.05,
  sofa: 2.1,
  bathtub: 1.7,
  dining_table: 1.6,
  wardrobe: 1.5,
  desk: 1.3,
  toilet: 0.7,
  armchair: 0.85,
  nightstand: 0.5,
};
