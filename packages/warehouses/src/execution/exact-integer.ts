/**
 * An integer from the warehouse as a JS number when that is exact, otherwise as its decimal digits
 * (a bigint would not survive JSON, and a rounded number would be a wrong answer).
 */
export const exactInteger = (value: bigint | string): number | string => {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : String(value);
};
