/** The tokenizer of room descriptions lives in lib/text/tokens (shared with edits). */
export { tokenize, isPunct, isSentenceEnd, type Token } from "../text/tokens";
