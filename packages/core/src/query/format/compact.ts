/** A `compact` unit: the value is divided by `divisor` and `suffix` is appended. */
export interface CompactUnit {
  divisor: number;
  suffix: string;
}

const THOUSANDS: CompactUnit = { divisor: 1e3, suffix: 'K' };
const MILLIONS: CompactUnit = { divisor: 1e6, suffix: 'M' };
const BILLIONS: CompactUnit = { divisor: 1e9, suffix: 'B' };
const TRILLIONS: CompactUnit = { divisor: 1e12, suffix: 'T' };

const UNITS: Readonly<Record<string, CompactUnit>> = {
  thousands: THOUSANDS,
  thousand: THOUSANDS,
  K: THOUSANDS,
  millions: MILLIONS,
  million: MILLIONS,
  M: MILLIONS,
  billions: BILLIONS,
  billion: BILLIONS,
  B: BILLIONS,
  trillions: TRILLIONS,
  trillion: TRILLIONS,
  T: TRILLIONS,
};

/** The unit of a `compact` value (0.1411 names and aliases); undefined when unset or unknown. */
export const compactUnit = (compact: string | undefined): CompactUnit | undefined =>
  compact !== undefined && Object.hasOwn(UNITS, compact) ? UNITS[compact] : undefined;
