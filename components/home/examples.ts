/**
 * One-click examples on the start page. Prompts are room descriptions 100, 107, 111 and 125 of the
 * SceneEval dev set (SceneEval-500, 3dlg-hcvc/SceneEval, MIT; see public/examples/ATTRIBUTION.md).
 * The image is the Code-as-Room example1 input (Apache-2.0, same attribution file).
 */

/** Example text prompts (SceneEval ids). */
export const EXAMPLE_PROMPTS: readonly { id: string; label: string; text: string }[] = [
  { id: "sceneeval-100", label: "Bedroom with wardrobe", text: "A bedroom with a queen-sized bed and a nightstand on the right side of the bed, plus a wardrobe in the corner of the room." },
  {
    id: "sceneeval-107",
    label: "Modern bedroom",
    text: "A modern bedroom featuring a charcoal grey king bed with a velvet headboard against the back wall, two nightstands flanking the bed, and a sleek dark wood dresser against the left wall",
  },
  { id: "sceneeval-111", label: "Living room", text: "A living room with a gray sofa against the back wall, a rectangular coffee table directly in front of the sofa, and a wooden armchair to the left of the sofa." },
  { id: "sceneeval-125", label: "Dining room", text: "A dining room with a rectangular wood dining table, two wooden chairs at the short sides of the table, and a large potted plant beside the table" },
];

/** The example top-down image served from public/. */
export const EXAMPLE_IMAGE = { url: "/examples/code-as-room-example1.png", filename: "code-as-room-example1.png", label: "Bedroom + lounge + closet (Code-as-Room example)" } as const;
