import { unzipSync } from "fflate";

/** The most a package may expand to: a guard against ZIP bombs (a planner's workbook is a few MB). */
export const MAX_UNZIPPED_MB = 1024;

/** The entries of a ZIP package: names, and the bytes of those asked for. */
export interface ZipEntries {
  readonly names: readonly string[];
  readonly files: Readonly<Record<string, Uint8Array>>;
}

/**
 * Lists a ZIP's entries and inflates those `want` accepts. Throws `ZipTooLarge` when they would expand beyond
 * {@link MAX_UNZIPPED_MB}, and whatever fflate throws on damaged data (the caller turns both into issues).
 */
export function unzip(data: Uint8Array, want: (name: string) => boolean): ZipEntries {
  const names: string[] = [];
  let total = 0;
  const files = unzipSync(data, {
    filter: (f) => {
      names.push(f.name);
      if (!want(f.name)) return false;
      total += f.originalSize;
      if (total > MAX_UNZIPPED_MB * 1024 * 1024) throw new ZipTooLarge();
      return true;
    },
  });
  return { names, files };
}

/** Thrown by {@link unzip} when a package would expand beyond {@link MAX_UNZIPPED_MB}. */
export class ZipTooLarge extends Error {}
