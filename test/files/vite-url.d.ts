// Vite serves a fixture file by URL in the browser tests (`import url from "…?url"`).
declare module "*?url" {
  const url: string;
  export default url;
}
