/**
 * The anchor's default label from a snake_case / camelCase name: words split on separators, case
 * changes and letter–digit boundaries, first word capitalised, the rest lower case
 * (`user_id` → "User id", `createdAt` → "Created at", `ORDER_ID` → "Order id").
 */
import { memoize } from './memo.js';

/** `order_id2` style names: the common case, done without regular expressions. */
const ascii = (text: string): string | undefined => {
  let out = '';
  let prev = 0; // 0 start/separator, 1 letter, 2 digit
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = c >= 97 && c <= 122 ? 1 : c >= 48 && c <= 57 ? 2 : c === 95 ? 0 : -1;
    if (kind < 0) return undefined;
    if (kind === 0) {
      prev = 0;
      continue;
    }
    if (out && (prev === 0 || prev !== kind)) out += ' ';
    out += out ? text[i] : text[i]!.toUpperCase();
    prev = kind;
  }
  return out || undefined;
};

const compute = (text: string): string => {
  const fast = ascii(text);
  if (fast !== undefined) return fast;
  const normalized = text.length > 0 && text === text.toUpperCase() ? text.toLowerCase() : text;
  const words = normalized
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const [first, ...rest] = words;
  if (first === undefined) return text;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
};

export const friendlyName = memoize(compute);
