import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import type { AttributeValues } from '../types/explore.js';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Typed, reporting access to one YAML mapping. A value of the wrong shape is an error naming the
 * key and what was expected; the getter then returns `undefined` so parsing carries on.
 */
export class MetaReader {
  private context: ErrorReporter | undefined;

  /** With `crumb`, problems are reported in that context (created only when there is one). */
  constructor(
    readonly values: Record<string, unknown>,
    private readonly parent: ErrorReporter,
    private readonly crumb?: string,
  ) {}

  get reporter(): ErrorReporter {
    if (this.crumb === undefined) return this.parent;
    return (this.context ??= this.parent.inContext(this.crumb));
  }

  has(key: string): boolean {
    return this.values[key] !== undefined && this.values[key] !== null;
  }

  raw(key: string): unknown {
    return this.values[key] ?? undefined;
  }

  /** Text; numbers and booleans written where text is expected are taken as their text. */
  string(key: string): string | undefined {
    const v = this.values[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return this.wrong(key, 'text');
  }

  boolean(key: string): boolean | undefined {
    const v = this.values[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    return this.wrong(key, 'true or false');
  }

  number(key: string): number | undefined {
    const v = this.values[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return this.wrong(key, 'a number');
  }

  /** A list of text; a single text value counts as a list of one. */
  stringList(key: string): string[] | undefined {
    const v = this.values[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return [v];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map(String);
    return this.wrong(key, 'a list of text');
  }

  record(key: string): Record<string, unknown> | undefined {
    const v = this.values[key];
    if (v === undefined || v === null) return undefined;
    if (isRecord(v)) return v;
    return this.wrong(key, 'a mapping');
  }

  list(key: string): unknown[] | undefined {
    const v = this.values[key];
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v)) return v;
    return this.wrong(key, 'a list');
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], normalize: (s: string) => string = (s) => s): T | undefined {
    const s = this.string(key);
    if (s === undefined) return undefined;
    const n = normalize(s);
    const found = allowed.find((a) => a === n);
    if (found === undefined) {
      this.reporter.error(`"${key}" is "${s}"; expected one of ${allowed.join(', ')}`);
    }
    return found;
  }

  /** `required_attributes` / `any_attributes`: attribute → value or list of values (kept as text). */
  attributes(key: string): AttributeValues | undefined {
    const rec = this.record(key);
    if (!rec) return undefined;
    const out: AttributeValues = {};
    for (const [name, v] of Object.entries(rec)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = String(v);
      else if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) out[name] = v.map(String);
      else this.reporter.error(`"${key}.${name}" must be a value or a list of values`);
    }
    return out;
  }

  /** Warns once per key not in `known` (typos such as `relatiosnship` are otherwise silent). */
  warnUnknownKeys(known: ReadonlySet<string>, what: string): void {
    for (const key in this.values) {
      if (!known.has(key)) this.reporter.warning(`unknown ${what} key "${key}" is ignored`);
    }
  }

  private wrong(key: string, expected: string): undefined {
    this.reporter.error(`"${key}" must be ${expected}, got ${describe(this.values[key])}`);
    return undefined;
  }
}

const describe = (v: unknown): string => {
  if (Array.isArray(v)) return 'a list';
  if (isRecord(v)) return 'a mapping';
  return JSON.stringify(v);
};
