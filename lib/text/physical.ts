/**
 * Which noun phrases name physical things. compromise (https://github.com/spencermountain/compromise, offline)
 * tags the words; our vocabulary decides on top: a known category is physical; otherwise the head noun must be
 * a concrete noun, not an abstraction (suffix -tion, -ness, -ity, ...), a medium or programme, a mood, an
 * arrangement word ("setup", "touch of decor"), a time, a person or an activity.
 */
import nlp from "compromise";

/** Head nouns that never name a thing one could place in a room (abstractions, media content, moods, arrangement words). */
export const NON_PHYSICAL_HEADS: ReadonlySet<string> = new Set([
  "program", "programme", "show", "news", "broadcast", "episode", "series", "movie", "film", "documentary", "song", "music",
  "melody", "podcast", "channel", "game_night", "story", "conversation", "discussion", "debate", "meeting", "party", "event",
  "mood", "vibe", "feel", "feeling", "atmosphere", "ambiance", "ambience", "aura", "air", "energy", "spirit", "tone",
  "touch", "hint", "splash", "pop", "dash", "sense", "setup", "set_up", "arrangement", "layout", "composition", "scheme",
  "palette", "theme", "style", "aesthetic", "look", "design", "decor", "decoration", "contrast", "balance", "harmony",
  "juxtaposition", "combination", "blend", "mix", "mixture", "fusion", "variety", "array_", "sense", "idea", "concept",
  "thought", "memory", "dream", "hope", "warmth", "comfort", "coziness", "charm", "elegance", "character", "personality",
  "sophistication", "simplicity", "luxury", "functionality", "space", "vibes", "glow", "light_", "sunlight", "daylight",
  "shadow", "silence", "noise", "sound", "scent", "aroma", "smell", "view", "scenery", "landscape_view", "purpose",
  "function", "use", "work", "study", "relaxation", "leisure", "fun", "play", "hobby", "routine", "ritual", "lifestyle",
  "time", "day", "night", "evening", "morning", "afternoon", "weekend", "season", "moment", "hour", "minute", "year",
  "person", "people", "family", "guest", "host", "owner", "child", "kid", "baby", "teen", "adult", "friend", "reader",
  "focus", "attention", "productivity", "creativity", "inspiration", "imagination", "welcome", "invitation", "retreat",
  "escape", "getaway", "haven", "sanctuary", "oasis", "paradise", "blend", "nod", "homage", "tribute", "reminder",
  "element", "detail", "details", "accent_", "flair", "finish_", "texture", "pattern_", "color", "colour", "shade_",
  "ensemble", "casino", "brewery", "darkroom", "runway",
]);

/** Parts of objects and of rooms: physical, but never objects of their own ("the foot of the bed", "its edge"). */
export const PART_NOUNS: ReadonlySet<string> = new Set([
  "foot", "head", "end", "edge", "side", "top", "surface", "base", "leg", "seat", "back", "arm", "drawer", "panel_",
  "ledge", "rim", "interior", "exterior", "sill", "frame", "headboard", "footboard", "armrest", "backrest", "knob",
  "handle", "cushion_", "lid_", "corner", "wall", "floor", "ceiling", "door", "window", "doorway", "entrance",
]);

/** Room nouns: the space itself, never an object in it. */
export const ROOM_NOUNS: ReadonlySet<string> = new Set([
  "room", "bedroom", "bathroom", "kitchen", "office", "study", "studio", "playroom", "nursery", "basement", "den", "lounge",
  "library", "hallway", "hall", "foyer", "gym", "cellar", "garage", "attic", "loft", "suite", "apartment", "house_", "home",
  "flat", "retreat", "haven", "sanctuary", "workspace", "workshop", "nook", "space", "area", "zone", "corner", "quarters",
  "classroom", "lab", "laboratory", "salon", "spa", "cafe", "restaurant", "bar_", "shop", "store", "boutique", "gallery",
]);

/** Why a noun phrase is or is not an object: a physical thing, a part of one, a room, a person, or an abstraction. */
export type PhraseKind = "physical" | "part" | "room" | "person" | "abstract";

/** Suffixes of abstract nouns (nominalisations) when the word is not a known object. */
const ABSTRACT_SUFFIX = /^[a-z]{3,}(tion|sion|ness|ity|ism|ance|ence|ship|hood|dom|ology|acy|ment)$/;

/** Concrete nouns with an abstract-looking suffix. */
const CONCRETE_EXCEPTIONS = new Set(["equipment", "instrument", "ornament", "monument", "cabinet", "station", "ottoman", "cushion", "mansion", "pavilion", "lotion", "potion", "partition", "extension", "television", "apparatus", "compartment", "document", "station", "fountain"]);

/**
 * True when compromise reads `word` (in `context`, the phrase it heads) as a verb, adverb, gerund, pronoun,
 * or date/duration. WARNING: its tags of a phrase-final noun are unreliable ("toy boat"
 * -> Verb, "diffuser" -> Comparative, "clay block" -> a person's name), so callers ask only about words the
 * vocabulary cannot build at all.
 */
function notANoun(word: string, context: string): boolean {
  const doc = nlp(context.replace(/_/g, " "));
  const terms = doc.terms().json() as { terms: { text: string; tags: string[] }[] }[];
  const t = [...terms].reverse().find((x) => x.terms[0]?.text.toLowerCase() === word);
  if (!t) return false;
  const tags = new Set(t.terms[0].tags);
  if (tags.has("Verb") && !tags.has("Noun")) return true;
  return tags.has("Adverb") || tags.has("Gerund") || tags.has("Pronoun") || tags.has("Date") || tags.has("Duration");
}

/**
 * True when a noun phrase names a physical thing. `head` is the snake_case head noun (singular), `phrase` the
 * phrase text, `known` whether the vocabulary knows the category (then always physical).
 */
export function isPhysicalPhrase(head: string, phrase: string, known: boolean): boolean {
  return phraseKind(head, phrase, known) === "physical";
}

const PEOPLE = new Set(["person", "people", "child", "children", "kid", "baby", "teen", "adult", "guest", "host", "owner", "player", "reader", "family", "friend", "ceo", "chef", "artist"]);

/** What a noun phrase headed by `head` (snake_case, singular) names; `known` categories are physical. */
export function phraseKind(head: string, phrase: string, known: boolean): PhraseKind {
  if (known) return "physical";
  const last = head.split("_").pop()!;
  if (PEOPLE.has(last)) return "person";
  if (ROOM_NOUNS.has(last) || /room$/.test(last)) return "room";
  if (PART_NOUNS.has(last)) return "part";
  if (NON_PHYSICAL_HEADS.has(head) || NON_PHYSICAL_HEADS.has(last)) return "abstract";
  if (ABSTRACT_SUFFIX.test(last) && ![...CONCRETE_EXCEPTIONS].some((c) => last.endsWith(c))) return "abstract";
  return notANoun(last, phrase) ? "abstract" : "physical";
}
