import fs from "node:fs";
import path from "node:path";

/** The migrations committed in a folder, as drizzle-kit's journal lists them. */
export function readJournal(migrationsFolder: string): { tag: string }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries;
}
