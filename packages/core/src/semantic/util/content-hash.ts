/**
 * Non-cryptographic content hashes (FNV-1a, several 32-bit lanes). Used to memoize compiled
 * tables and explores and to derive stable ids; never for anything secret.
 */
const lane = (text: string, seed: number): number => {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

const hex = (n: number) => n.toString(16).padStart(8, '0');

/** 64-bit hash as 16 hex characters. */
export const hashText = (text: string): string => hex(lane(text, 0x811c9dc5)) + hex(lane(text, 0x01234567));

/** A stable UUID-shaped id (version nibble 5) derived from `text`: four lanes in one pass. */
export const stableUuid = (text: string): string => {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  let c = 0x85ebca6b;
  let d = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193);
    c = Math.imul(c ^ ch, 0x01000193);
    d = Math.imul(d ^ ch, 0x01000193);
  }
  const h = hex(a >>> 0) + hex(b >>> 0) + hex(c >>> 0) + hex(d >>> 0);
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
