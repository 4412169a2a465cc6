const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * A writer of `Date.prototype.toISOString()` text for many instants in a row, several times faster
 * (toISOString costs about 0.7 µs, more than everything else a CSV cell needs): the date part is
 * kept from the previous instant when the day is the same (rows from a warehouse usually are), the
 * time part is read from tables. The text is exactly toISOString's, for every year it supports;
 * an invalid date gives undefined (where toISOString throws).
 */
export const isoInstantWriter = (): ((date: Date) => string | undefined) => {
  let day = Number.NaN;
  let datePart = '';
  return (date) => {
    const ms = date.getTime();
    if (Number.isNaN(ms)) return undefined;
    const d = Math.floor(ms / DAY_MS);
    if (d !== day) {
      const iso = date.toISOString();
      day = d;
      datePart = iso.slice(0, iso.indexOf('T') + 1);
    }
    let rest = ms - d * DAY_MS;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    return `${datePart}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}Z`;
  };
};
