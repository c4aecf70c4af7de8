import { SaxesParser } from "saxes";

/** What a part's reader listens to: element names come without their namespace prefix (`w:tbl` → `tbl`). */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** The name after a namespace prefix, so that `x:c` (as some writers spell it) reads like `c`. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The attribute `local` whatever its prefix (`r:id`, `w:val`, `id`). */
export function attribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  const plain = attributes[local];
  if (plain !== undefined) return plain;
  for (const key in attributes) if (key.endsWith(local) && localName(key) === local) return attributes[key];
  return undefined;
}

/**
 * Runs a strict, streaming XML parse of `xml` (saxes) with the handlers; throws saxes' error on malformed XML
 * (the caller turns it into an issue naming the part).
 */
export function parseXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  parser.on("error", (e) => {
    throw e;
  });
  if (handlers.open || handlers.close) {
    const open = handlers.open;
    const close = handlers.close;
    parser.on("opentag", (tag) => {
      const name = localName(tag.name);
      open?.(name, tag.attributes as Record<string, string>, tag.isSelfClosing);
      if (tag.isSelfClosing) close?.(name);
    });
    if (close) {
      parser.on("closetag", (tag) => {
        if (!tag.isSelfClosing) close(localName(tag.name));
      });
    }
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  parser.write(xml).close();
}
