// Public API of the draw area: explicit named exports only.
export { streamHash, reduceHash, streamPick, type StreamPick } from "./stream.js";
