/**
 * Part kits of the composer: for a category no family program builds natively, the blueprint parts (profile
 * stage, DESIGN.md section 3 `ObjectPlan`) picked by the category's words. Every part is given in fractions
 * of the object's target size (x, y across width/depth centred on 0; z from 0 at the floor to 1 at the top),
 * so the composed program keeps building the right shape when PARAMS change its size.
 */
import { canonicalCategory } from "./canonical";

/** Primitive of a kit part (the ObjectPlan primitives the composer builds). */
export type KitPrimitive = "box" | "cylinder" | "sphere" | "cone" | "torus";
/** Material role of a kit part: the object's colour, its second colour, metal, glass or a dark accent. */
export type KitRole = "primary" | "secondary" | "metal" | "glass" | "dark";

/** One kit part: name, primitive, centre (cx, cy, cz) and size (sx, sy, sz) as fractions of w, d, h, and role. */
export type KitPart = readonly [name: string, prim: KitPrimitive, cx: number, cy: number, cz: number, sx: number, sy: number, sz: number, role: KitRole];

/** A kit: the category words it fits and its parts. */
interface Kit {
  name: string;
  re: RegExp;
  parts: readonly KitPart[];
}

const four = (prefix: string, prim: KitPrimitive, x: number, y: number, cz: number, sx: number, sy: number, sz: number, role: KitRole): KitPart[] =>
  [[-x, -y], [x, -y], [-x, y], [x, y]].map(([a, b], i) => [`${prefix}_${i + 1}`, prim, a, b, cz, sx, sy, sz, role] as const);

/** The kits, most specific first; the first whose pattern matches the canonical category wins. */
const KITS: readonly Kit[] = [
  { name: "game_table", re: /(pool|billiard|ping_pong|foosball|air_hockey|poker)_table$/, parts: [
    ["playing_surface", "box", 0, 0, 0.94, 0.92, 0.88, 0.06, "secondary"], ["rail_front", "box", 0, -0.47, 0.95, 1, 0.06, 0.1, "primary"],
    ["rail_back", "box", 0, 0.47, 0.95, 1, 0.06, 0.1, "primary"], ["rail_left", "box", -0.48, 0, 0.95, 0.04, 1, 0.1, "primary"],
    ["rail_right", "box", 0.48, 0, 0.95, 0.04, 1, 0.1, "primary"], ["apron", "box", 0, 0, 0.8, 0.9, 0.86, 0.2, "primary"],
    ...four("leg", "box", 0.4, 0.38, 0.35, 0.08, 0.1, 0.7, "primary")] },
  { name: "fan", re: /(^|_)fan$/, parts: [
    ["mount", "cylinder", 0, 0, 0.95, 0.08, 0.08, 0.1, "metal"], ["downrod", "cylinder", 0, 0, 0.7, 0.02, 0.02, 0.5, "metal"],
    ["motor_hub", "cylinder", 0, 0, 0.35, 0.18, 0.18, 0.25, "primary"],
    ["blade_1", "box", 0.28, 0, 0.3, 0.42, 0.1, 0.03, "secondary"], ["blade_2", "box", -0.28, 0, 0.3, 0.42, 0.1, 0.03, "secondary"],
    ["blade_3", "box", 0, 0.28, 0.3, 0.1, 0.42, 0.03, "secondary"], ["blade_4", "box", 0, -0.28, 0.3, 0.1, 0.42, 0.03, "secondary"],
    ["light_bowl", "sphere", 0, 0, 0.1, 0.14, 0.14, 0.2, "glass"]] },
  { name: "fireplace", re: /(fireplace|hearth)$/, parts: [
    ["surround", "box", 0, 0.05, 0.45, 1, 0.9, 0.9, "primary"], ["firebox", "box", 0, -0.3, 0.35, 0.55, 0.32, 0.5, "dark"],
    ["mantel", "box", 0, 0, 0.95, 1, 1, 0.1, "secondary"], ["hearth_slab", "box", 0, -0.3, 0.02, 0.8, 0.4, 0.04, "secondary"]] },
  { name: "arcade", re: /(arcade_machine|arcade_cabinet|vending_machine|jukebox|kiosk|pinball_machine)$/, parts: [
    ["cabinet", "box", 0, 0.1, 0.45, 1, 0.8, 0.9, "primary"], ["screen", "box", 0, -0.26, 0.72, 0.8, 0.04, 0.3, "glass"],
    ["control_deck", "box", 0, -0.35, 0.5, 0.9, 0.3, 0.05, "dark"], ["marquee", "box", 0, 0, 0.96, 1, 0.9, 0.08, "secondary"]] },
  { name: "stemware", re: /(wine_glass|goblet|champagne_glass|champagne_flute|cocktail_glass|martini_glass|flute|trophy|award|chalice)$/, parts: [
    ["foot", "cylinder", 0, 0, 0.02, 0.8, 0.8, 0.04, "glass"], ["stem", "cylinder", 0, 0, 0.25, 0.1, 0.1, 0.42, "glass"],
    ["bowl", "cylinder", 0, 0, 0.73, 1, 1, 0.54, "glass"]] },
  { name: "drinkware", re: /(glass|tumbler|beaker|shot_glass|cup|drink|cocktail|smoothie)$/, parts: [
    ["base", "cylinder", 0, 0, 0.04, 0.9, 0.9, 0.08, "glass"], ["body", "cylinder", 0, 0, 0.54, 1, 1, 0.92, "glass"]] },
  { name: "tool", re: /(knife|spoon|fork|spatula|ladle|whisk|chisel|hammer|wrench|screwdriver|handsaw|saw|pliers|tongs|paddle|racket|bat|tool|sculpting_tool|spindle|pin|opener|tape_measure|thermometer|scissors|shears|trowel|flashlight|torch|corkscrew|peeler|grater|strainer|colander|mallet|file)$/, parts: [
    ["handle", "box", -0.3, 0, 0.5, 0.4, 0.6, 0.8, "secondary"], ["head", "box", 0.2, 0, 0.5, 0.6, 1, 1, "metal"]] },
  { name: "tube", re: /(tube|paint_tube|toothpaste_tube|roll|tape_roll|spool|reel|rolling_pin|scroll|rolled_up_poster|log|barrel|keg|drum_barrel|pillar|column|post)$/, parts: [
    ["body", "cylinder", 0, 0, 0.45, 1, 1, 0.9, "primary"], ["cap", "cylinder", 0, 0, 0.95, 0.6, 0.6, 0.1, "secondary"]] },
  { name: "produce", re: /(pear|tomato|ripe_tomato|croissant|lemon|lime|peach|plum|onion|pepper_fruit|avocado|mango|potato|seashell|shell|pinecone|stone|pebble|rock|gourd|pumpkin|egg|nut|coconut)$/, parts: [
    ["body", "sphere", 0, 0, 0.45, 1, 1, 0.9, "primary"], ["stem", "cylinder", 0, 0, 0.95, 0.1, 0.1, 0.1, "secondary"]] },
  { name: "bar", re: /(soap_bar|soap|sponge|bath_sponge|eraser|puck|brick_toy|bar|ingot|chalk|butter|tofu)$/, parts: [
    ["body", "box", 0, 0, 0.5, 1, 1, 1, "primary"]] },
  { name: "jar", re: /(jar|canister|tin|can|bucket|pail|container|dispenser|pot|urn|jug|pitcher|caddy|piggy_bank|fermenter|ball_pit|pots_circle|planter_box|bin)$/, parts: [
    ["body", "cylinder", 0, 0, 0.42, 1, 1, 0.84, "primary"], ["lid", "cylinder", 0, 0, 0.9, 0.9, 0.9, 0.12, "secondary"],
    ["knob", "sphere", 0, 0, 0.98, 0.2, 0.2, 0.05, "metal"]] },
  { name: "candelabra", re: /(candelabra|menorah|candle_stand)$/, parts: [
    ["base", "cylinder", 0, 0, 0.03, 0.3, 1, 0.06, "metal"], ["stem", "cylinder", 0, 0, 0.35, 0.06, 0.06, 0.6, "metal"],
    ["arm_bar", "box", 0, 0, 0.65, 1, 0.06, 0.04, "metal"],
    ...[-0.45, 0, 0.45].map((x, i) => [`candle_${i + 1}`, "cylinder", x, 0, 0.83, 0.1, 0.5, 0.34, "secondary"] as const)] },
  { name: "stick", re: /(pen|pencil|marker|crayon|brush|paintbrush|chopstick|stylus|wand|stick|baton|straw|highlighter|ruler)$/, parts: [
    ["shaft", "box", -0.08, 0, 0.5, 0.84, 1, 1, "primary"], ["tip", "box", 0.42, 0, 0.5, 0.16, 0.6, 0.6, "dark"]] },
  { name: "tower", re: /(pc_tower|computer_tower|tower|computer|desktop_computer|server|gaming_pc|gaming_pc_tower|nas|gpu|gpus|vr_rig|rig|amplifier|amp)$/, parts: [
    ["case", "box", 0, 0, 0.5, 1, 1, 1, "primary"], ["front_panel", "box", 0, -0.49, 0.5, 0.9, 0.03, 0.95, "dark"],
    ["power_button", "cylinder", 0, -0.51, 0.9, 0.2, 0.02, 0.04, "metal"], ["vent", "box", 0, -0.51, 0.3, 0.6, 0.02, 0.3, "secondary"]] },
  { name: "sconce", re: /(sconce|wall_sconce|wall_lamp|wall_light)$/, parts: [
    ["back_plate", "box", 0, 0.45, 0.5, 0.5, 0.1, 1, "metal"], ["arm", "box", 0, 0.1, 0.5, 0.1, 0.6, 0.08, "metal"],
    ["shade", "cone", 0, -0.2, 0.65, 1, 0.6, 0.6, "primary"], ["bulb", "sphere", 0, -0.2, 0.45, 0.3, 0.2, 0.2, "glass"]] },
  { name: "headphones", re: /(headphones|headset|vr_headset|earmuffs|earphones)$/, parts: [
    ["ear_cup_left", "cylinder", -0.4, 0, 0.275, 0.2, 1, 0.55, "primary"], ["ear_cup_right", "cylinder", 0.4, 0, 0.275, 0.2, 1, 0.55, "primary"],
    ["band", "box", 0, 0, 0.93, 1, 0.4, 0.14, "secondary"], ["band_left", "box", -0.45, 0, 0.7, 0.08, 0.35, 0.5, "secondary"],
    ["band_right", "box", 0.45, 0, 0.7, 0.08, 0.35, 0.5, "secondary"]] },
  { name: "handheld", re: /(mouse|controller|remote|remote_control|phone|smartphone|tablet|calculator|gamepad|console|router|modem|device|unit|sensor|camera|speaker_puck|hub|drive|player|walkie_talkie|tracker|watch|thermostat)$/, parts: [
    ["body", "box", 0, 0, 0.45, 1, 1, 0.9, "primary"], ["face", "box", 0, 0, 0.93, 0.8, 0.8, 0.1, "dark"],
    ["button_1", "cylinder", -0.2, -0.3, 0.98, 0.15, 0.12, 0.06, "secondary"], ["button_2", "cylinder", 0.2, -0.3, 0.98, 0.15, 0.12, 0.06, "secondary"]] },
  { name: "bar_cart", re: /(bar_cart|cart|trolley|serving_cart|utility_cart)$/, parts: [
    ["top_shelf", "box", 0, 0, 0.9, 1, 1, 0.04, "primary"], ["bottom_shelf", "box", 0, 0, 0.25, 1, 1, 0.04, "primary"],
    ...four("post", "cylinder", 0.46, 0.44, 0.55, 0.05, 0.08, 0.8, "metal"), ...four("wheel", "cylinder", 0.46, 0.44, 0.06, 0.08, 0.12, 0.12, "dark"),
    ["handle", "box", 0.5, 0, 0.98, 0.03, 0.8, 0.04, "metal"]] },
  { name: "vehicle", re: /(car|truck|train|bus|boat|ship|tractor|van|locomotive|engine|wagon|train_car|plane|airplane|rocket|helicopter|scooter|bike|bicycle|tricycle)$/, parts: [
    ["chassis", "box", 0, 0, 0.4, 1, 0.8, 0.45, "primary"], ["cabin", "box", -0.15, 0, 0.8, 0.5, 0.7, 0.38, "secondary"],
    ...four("wheel", "cylinder", 0.33, 0.42, 0.16, 0.22, 0.14, 0.32, "dark")] },
  { name: "figure", re: /(figure|figurine|action_figure|statue|statuette|sculpture|bust|doll|bear|teddy_bear|animal|stuffed_animal|rabbit|bunny|duck|rubber_duck|cat|dog|puppy|kitten|puppet|plush|plush_toy|owl|bird|elephant|giraffe|dinosaur|unicorn|monkey|frog|lion|robot|gnome|toy|horse|rocking_horse|fox|mannequin|model|scale_model|brain_model|property_model|station_model|skeleton|bust_model)$/, parts: [
    ["base", "cylinder", 0, 0, 0.03, 0.8, 0.8, 0.06, "secondary"], ["body", "sphere", 0, 0, 0.35, 1, 1, 0.55, "primary"],
    ["head", "sphere", 0, -0.05, 0.78, 0.6, 0.55, 0.38, "primary"], ["ear_left", "sphere", -0.2, -0.05, 0.96, 0.2, 0.2, 0.1, "primary"],
    ["ear_right", "sphere", 0.2, -0.05, 0.96, 0.2, 0.2, 0.1, "primary"]] },
  { name: "sphere", re: /(ball|globe|orb|apple|orange|fruit|lemon|melon|balloon|sphere|basketball|football|soccer_ball|tennis_ball|egg)$/, parts: [
    ["sphere", "sphere", 0, 0, 0.5, 1, 1, 1, "primary"]] },
  { name: "blocks", re: /(block|cube|brick|dice|die|stacking_ring|ring|puzzle_piece|lego|building_block|tile)$/, parts: [
    ["block_1", "box", -0.25, -0.2, 0.25, 0.5, 0.6, 0.5, "primary"], ["block_2", "box", 0.25, 0.2, 0.25, 0.5, 0.6, 0.5, "secondary"],
    ["block_3", "box", 0, 0, 0.75, 0.5, 0.6, 0.5, "primary"]] },
  { name: "flat", re: /(board|board_game|game|puzzle|cutting_board|chopping_board|placemat|record|vinyl_record|disc|game_disc|cd|dvd|case|game_case|sheet|paper|blueprint|card|envelope|folder|menu|pad|palette|paint_palette|coaster|sign|plaque|calendar|certificate|lid|kit|craft_kit|set|pen_set|train_set|tray_set)$/, parts: [
    ["slab", "box", 0, 0, 0.5, 1, 1, 1, "primary"], ["label", "box", 0, 0, 0.99, 0.7, 0.7, 0.02, "secondary"]] },
  { name: "appliance", re: /(toaster|mixer|stand_mixer|kettle|blender|machine|maker|processor|fryer|cooker|printer|scanner|heater|humidifier|purifier|diffuser|projector|dehumidifier|grinder|juicer|oven|iron|vacuum|steamer|sewing_machine|air_fryer|turntable|record_player|potter_wheel|pottery_wheel|metronome|timer|cooktop|induction_cooktop|hot_plate|compass|scale)$/, parts: [
    ["body", "box", 0, 0.05, 0.42, 1, 0.9, 0.84, "primary"], ["top", "box", 0, 0.05, 0.9, 0.85, 0.75, 0.12, "secondary"],
    ["panel", "box", 0, -0.42, 0.45, 0.6, 0.06, 0.3, "dark"], ["knob", "cylinder", 0.3, -0.47, 0.45, 0.12, 0.06, 0.12, "metal"],
    ...four("foot", "cylinder", 0.42, 0.38, 0.01, 0.08, 0.08, 0.02, "dark")] },
  { name: "screen", re: /(screen|divider|room_divider|partition|folding_screen|privacy_screen)$/, parts: [
    ["panel_1", "box", -0.34, 0, 0.52, 0.32, 0.4, 0.96, "primary"], ["panel_2", "box", 0, 0, 0.52, 0.32, 0.4, 0.96, "primary"],
    ["panel_3", "box", 0.34, 0, 0.52, 0.32, 0.4, 0.96, "primary"], ...[-0.34, 0, 0.34].map((x, i) => [`foot_${i + 1}`, "box", x, 0, 0.02, 0.3, 1, 0.04, "secondary"] as const)] },
  { name: "cat_tree", re: /(cat_tree|cat_tower|scratching_post|climbing_frame|jungle_gym)$/, parts: [
    ["base", "box", 0, 0, 0.03, 1, 1, 0.06, "secondary"], ["post_1", "cylinder", -0.25, 0, 0.45, 0.18, 0.18, 0.8, "primary"],
    ["post_2", "cylinder", 0.25, 0.1, 0.35, 0.18, 0.18, 0.6, "primary"], ["platform_1", "box", 0.15, 0.1, 0.66, 0.6, 0.6, 0.04, "secondary"],
    ["platform_2", "box", -0.2, -0.05, 0.97, 0.6, 0.7, 0.06, "secondary"]] },
  { name: "rack", re: /(rack|stand|easel|hanger|coat_stand|hat_stand|tripod|valet|tree|holder|organizer)$/, parts: [
    ["base", "cylinder", 0, 0, 0.02, 1, 1, 0.04, "primary"], ["pole", "cylinder", 0, 0, 0.5, 0.08, 0.08, 0.96, "primary"],
    ["arm_1", "box", -0.25, 0, 0.9, 0.5, 0.06, 0.03, "metal"], ["arm_2", "box", 0.25, 0, 0.8, 0.5, 0.06, 0.03, "metal"],
    ["arm_3", "box", 0, 0.25, 0.7, 0.06, 0.5, 0.03, "metal"]] },
  { name: "tent", re: /(tent|play_tent|teepee|tipi|canopy_tent|play_house_tent)$/, parts: [
    ["floor_mat", "box", 0, 0, 0.01, 1, 1, 0.02, "secondary"], ["cover", "cone", 0, 0, 0.5, 1, 1, 0.98, "primary"],
    ["door_flap", "box", 0, -0.45, 0.25, 0.3, 0.02, 0.45, "dark"]] },
  { name: "slide", re: /(slide|playground_slide)$/, parts: [
    ["ladder_left", "box", -0.47, 0.46, 0.5, 0.06, 0.08, 1, "secondary"], ["ladder_right", "box", 0.47, 0.46, 0.5, 0.06, 0.08, 1, "secondary"],
    ["platform", "box", 0, 0.3, 0.9, 0.86, 0.3, 0.05, "primary"], ["chute_upper", "box", 0, 0, 0.65, 0.7, 0.35, 0.06, "primary"],
    ["chute_lower", "box", 0, -0.3, 0.3, 0.7, 0.35, 0.06, "primary"], ["chute_end", "box", 0, -0.45, 0.05, 0.7, 0.1, 0.06, "primary"]] },
  { name: "playhouse", re: /(playhouse|house|castle|theater|theatre|puppet_theater|dollhouse|kitchen_set|play_kitchen|booth|stall)$/, parts: [
    ["body", "box", 0, 0, 0.35, 1, 1, 0.7, "primary"], ["roof", "cone", 0, 0, 0.85, 1, 1, 0.3, "secondary"],
    ["opening", "box", 0, -0.49, 0.4, 0.45, 0.03, 0.4, "dark"]] },
  { name: "treadmill", re: /(treadmill|exercise_bike|stationary_bike|rowing_machine|rower|elliptical|stepper)$/, parts: [
    ["deck", "box", 0, -0.1, 0.08, 1, 0.8, 0.16, "dark"], ["belt", "box", 0, -0.1, 0.17, 0.8, 0.7, 0.02, "secondary"],
    ["upright_left", "box", -0.42, 0.4, 0.55, 0.06, 0.1, 0.9, "metal"], ["upright_right", "box", 0.42, 0.4, 0.55, 0.06, 0.1, 0.9, "metal"],
    ["console", "box", 0, 0.4, 0.95, 0.9, 0.2, 0.1, "primary"]] },
  { name: "punching_bag", re: /(punching_bag|heavy_bag|speed_bag|boxing_bag)$/, parts: [
    ["bag", "cylinder", 0, 0, 0.4, 1, 1, 0.8, "primary"], ["chain", "cylinder", 0, 0, 0.875, 0.05, 0.05, 0.15, "metal"], ["hook", "torus", 0, 0, 0.975, 0.2, 0.2, 0.05, "metal"]] },
  { name: "weights", re: /(dumbbell|barbell|kettlebell|weight|weights|medicine_ball)$/, parts: [
    ["bar", "box", 0, 0, 0.5, 0.9, 0.15, 0.15, "metal"], ["plate_left", "cylinder", -0.4, 0, 0.5, 0.15, 1, 1, "dark"], ["plate_right", "cylinder", 0.4, 0, 0.5, 0.15, 1, 1, "dark"]] },
  { name: "string_instrument", re: /(guitar|violin|ukulele|cello|bass|banjo|mandolin|harp)$/, parts: [
    ["body", "cylinder", 0, 0, 0.25, 1, 1, 0.5, "primary"], ["neck", "box", 0, 0, 0.7, 0.12, 0.5, 0.42, "secondary"],
    ["head", "box", 0, 0, 0.95, 0.2, 0.5, 0.1, "secondary"], ["sound_hole", "cylinder", 0, -0.51, 0.3, 0.3, 0.02, 0.15, "dark"]] },
  { name: "drums", re: /(drum|drums|drum_kit|drum_set|bongo|conga)$/, parts: [
    ["bass_drum", "cylinder", 0, 0.1, 0.3, 0.45, 0.45, 0.6, "primary"], ["snare", "cylinder", -0.375, -0.35, 0.55, 0.25, 0.3, 0.15, "primary"],
    ["tom", "cylinder", 0.3, -0.1, 0.6, 0.22, 0.28, 0.15, "primary"], ["cymbal_stand", "cylinder", 0.35, 0.3, 0.45, 0.03, 0.04, 0.9, "metal"],
    ["cymbal", "cylinder", 0.35, 0.3, 0.96, 0.3, 0.4, 0.02, "metal"]] },
  { name: "optics", re: /(microscope|telescope|binoculars|lens|magnifier|spotting_scope)$/, parts: [
    ["base", "box", 0, 0, 0.04, 1, 1, 0.08, "dark"], ["arm", "box", 0, 0.3, 0.45, 0.2, 0.2, 0.75, "primary"],
    ["stage", "box", 0, 0, 0.4, 0.6, 0.5, 0.04, "dark"], ["tube", "cylinder", 0, -0.05, 0.75, 0.25, 0.3, 0.45, "primary"],
    ["eyepiece", "cylinder", 0, -0.05, 0.98, 0.15, 0.18, 0.06, "dark"]] },
  { name: "tank", re: /(tank|fish_tank|aquarium|terrarium|vivarium|cage|crate|kennel|hutch_cage|incubator)$/, parts: [
    ["stand_base", "box", 0, 0, 0.05, 1, 1, 0.1, "primary"], ["glass_body", "box", 0, 0, 0.52, 0.98, 0.96, 0.84, "glass"],
    ["lid", "box", 0, 0, 0.97, 1, 1, 0.06, "dark"], ["gravel", "box", 0, 0, 0.14, 0.94, 0.92, 0.08, "secondary"]] },
  { name: "radiator", re: /(radiator|towel_warmer|heated_towel_rail|baseboard_heater)$/, parts: [
    ...[-0.4, -0.2, 0, 0.2, 0.4].map((x, i) => [`fin_${i + 1}`, "box", x, 0, 0.5, 0.14, 1, 0.92, "primary"] as const),
    ["header_top", "box", 0, 0, 0.97, 1, 0.5, 0.06, "primary"], ["header_bottom", "box", 0, 0, 0.03, 1, 0.5, 0.06, "primary"]] },
  { name: "disc", re: /(dartboard|wreath|target|gong|disk|trampoline|climbing_dome|dome|pyramid)$/, parts: [
    ["disc", "cylinder", 0, 0, 0.5, 1, 1, 1, "primary"], ["center", "cylinder", 0, -0.5, 0.5, 0.3, 0.05, 0.3, "secondary"]] },
  { name: "food", re: /(cake|bread|loaf|sandwich|pizza|pie|cookie|cheese|salt|pepper|spice|candy|chocolate|snack|dessert|muffin|cupcake|donut)$/, parts: [
    ["base", "cylinder", 0, 0, 0.35, 1, 1, 0.7, "primary"], ["topping", "cylinder", 0, 0, 0.85, 0.9, 0.9, 0.3, "secondary"]] },
  { name: "bag", re: /(bag|backpack|suitcase|luggage|purse|handbag|tote|sack|pouch|satchel|duffel|briefcase)$/, parts: [
    ["body", "box", 0, 0, 0.42, 1, 1, 0.84, "primary"], ["flap", "box", 0, -0.3, 0.7, 0.9, 0.45, 0.3, "secondary"],
    ["handle", "torus", 0, 0, 0.93, 0.4, 0.2, 0.14, "secondary"]] },
];

/** The kit for `category` (snake_case or free text), or null when no kit fits. */
export function kitFor(category: string): { name: string; parts: readonly KitPart[] } | null {
  const c = canonicalCategory(category);
  const k = KITS.find((x) => x.re.test(c));
  return k ? { name: k.name, parts: k.parts } : null;
}

/** The fallback kit: a body on a plinth (the only generic shape; objects built with it still count as stand-ins). */
export const GENERIC_KIT: readonly KitPart[] = [
  ["plinth", "box", 0, 0, 0.02, 0.96, 0.96, 0.04, "secondary"],
  ["body", "box", 0, 0, 0.52, 1, 1, 0.96, "primary"],
];
