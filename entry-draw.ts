export { draw } from "./src/index.ts";
