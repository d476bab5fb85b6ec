// Random ids for rows that appear in URLs: a short type prefix and 20 base32
// characters (100 bits), so an id says nothing about how many rows exist.
import { randomBytes, randomInt } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

// Random bytes are drawn 20 at a time from a pool refilled 8 KB at a time: one
// system call per ~400 ids instead of one per id (billing makes ~6 ids a charge).
const POOL_SIZE = 8192;
let pool = Buffer.alloc(0);
let offset = POOL_SIZE;

export function newId(prefix: string): string {
  if (offset + 20 > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  let out = "";
  for (let i = offset; i < offset + 20; i++) out += ALPHABET[pool[i]! & 31];
  offset += 20;
  return `${prefix}_${out}`;
}

/** A fresh random 12-digit account id (first digit non-zero). Callers retry on the rare collision. */
export function randomAccountId(): string {
  let id = String(randomInt(1, 10));
  for (let i = 0; i < 11; i++) id += String(randomInt(0, 10));
  return id;
}
