// Ids for rows that appear in URLs: a short type prefix and 20 base32 characters — the creation
// time in milliseconds (10 characters, 50 bits) followed by 50 random bits. An id says nothing
// about how many rows exist; it does say when its row was made, which every page shows anyway.
//
// Time first, so ids sort in the order rows are made: a new row's id lands at the right-hand end
// of every index keyed by it (primary keys, bill_id, (period, id), …) instead of on a random page.
// A billing chunk of 100 agreements dirtied ~580 index pages with fully random ids, each written
// to the WAL at every commit; time-ordered ids keep those inserts on the same few pages.
import { randomBytes, randomInt } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // ascending: string order is numeric order
const TIME_CHARS = 10;
const RANDOM_CHARS = 10;

// Random bytes are drawn from a pool refilled 8 KB at a time: one system call per ~800 ids instead
// of one per id (billing makes ~6 ids a charge).
const POOL_SIZE = 8192;
let pool = Buffer.alloc(0);
let offset = POOL_SIZE;

/** The time part: milliseconds since 1970, 10 base32 digits, most significant first. */
export function timePart(ms: number): string {
  let out = "";
  let rest = Math.max(0, Math.floor(ms));
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET[rest % 32]! + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

export function newId(prefix: string, at: number = Date.now()): string {
  if (offset + RANDOM_CHARS > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  let out = timePart(at);
  for (let i = offset; i < offset + RANDOM_CHARS; i++) out += ALPHABET[pool[i]! & 31];
  offset += RANDOM_CHARS;
  return `${prefix}_${out}`;
}

/** A fresh random 12-digit account id (first digit non-zero). Callers retry on the rare collision. */
export function randomAccountId(): string {
  let id = String(randomInt(1, 10));
  for (let i = 0; i < 11; i++) id += String(randomInt(0, 10));
  return id;
}
