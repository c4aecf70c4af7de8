// Demo section 4b: 市抽县查 — a 晋城 2023 joint-plan task drawn per county and tier (tier×region:county), at least 3 per
// stratum, with its allocation table, the draw, a re-check and a tampered pool failing. The example itself lives in
// examples/jincheng/ with its pool and the pool's generator.
export { run } from "../jincheng/draw-by-county.js";
