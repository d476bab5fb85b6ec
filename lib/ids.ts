// Random ids for rows that appear in URLs: a short type prefix and 20 base32
// characters (100 bits), so an id says nothing about how many rows exist.
import { randomBytes, randomInt } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export function newId(prefix: string): string {
  const bytes = randomBytes(20);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return `${prefix}_${out}`;
}

/** A fresh random 12-digit account id (first digit non-zero). Callers retry on the rare collision. */
export function randomAccountId(): string {
  let id = String(randomInt(1, 10));
  for (let i = 0; i < 11; i++) id += String(randomInt(0, 10));
  return id;
}
