// An OOXML package (.xlsx/.docx, also WPS's .et/.wps saved as OOXML): its parts, read lazily, and the
// relationships between them (ECMA-376 Part 2, OPC).
import { strFromU8 } from "fflate";
import { unzip } from "./_zip.js";
import { attribute, parseXml } from "./_xml.js";

/** One relationship of a part: its type URI and the resolved name of the part it points to. */
export interface Relationship {
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The parts of a ZIP package by name (OPC part names are case-insensitive), inflated on first use. */
export interface Package {
  readonly names: readonly string[];
  has(part: string): boolean;
  /** The part's text (UTF-8, BOM dropped), or undefined when the package has no such part. */
  text(part: string): string | undefined;
}

/** Opens a package, inflating the small parts at the top of `xl/` and `word/` at once; throws on a damaged ZIP. */
export function openPackage(data: Uint8Array): Package {
  const eager = (n: string) => n === "_rels/.rels" || /^(xl|word)\/(_rels\/)?[^/]+\.(xml|rels)$/i.test(n);
  const first = unzip(data, eager);
  const byLower = new Map(first.names.map((n) => [n.toLowerCase(), n] as const));
  const cache = new Map<string, Uint8Array>(Object.entries(first.files));
  return {
    names: first.names,
    has: (part) => byLower.has(part.toLowerCase()),
    text(part) {
      const name = byLower.get(part.toLowerCase());
      if (name === undefined) return undefined;
      let bytes = cache.get(name);
      if (bytes === undefined) {
        bytes = unzip(data, (n) => n === name).files[name] ?? new Uint8Array(0);
        cache.set(name, bytes);
      }
      return strFromU8(bytes).replace(/^\uFEFF/, "");
    },
  };
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
export function resolvePart(source: string, target: string): string {
  const decoded = safeDecode(target.replace(/\\/g, "/"));
  if (decoded.startsWith("/")) return normalise(decoded.slice(1));
  const folder = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
  return normalise(folder + decoded);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The relationships of a part, by id (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
export function relationshipsOf(pkg: Package, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf("/");
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, Relationship>();
  const xml = pkg.text(relsName);
  if (xml === undefined) return out;
  parseXml(xml, {
    open(name, attrs) {
      if (name !== "Relationship") return;
      const id = attribute(attrs, "Id");
      const target = attribute(attrs, "Target");
      if (id === undefined || target === undefined) return;
      const external = attribute(attrs, "TargetMode") === "External";
      out.set(id, { type: attribute(attrs, "Type") ?? "", target: external ? target : resolvePart(part, target), external });
    },
  });
  return out;
}

/** The main part named by the package's `officeDocument` relationship (the workbook or the document). */
export function mainPart(pkg: Package): string | undefined {
  for (const rel of relationshipsOf(pkg, "").values()) {
    if (/\/officeDocument$/.test(rel.type) && pkg.has(rel.target)) return rel.target;
  }
  return ["xl/workbook.xml", "word/document.xml"].find((p) => pkg.has(p));
}
