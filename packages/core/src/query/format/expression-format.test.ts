import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression-format.js';

const format = (expression: string, raw: unknown): string | undefined => {
  const formatter = compileExpression(expression);
  if (!formatter) throw new Error(`"${expression}" should be supported`);
  return formatter(raw);
};

describe('compileExpression: supported subset', () => {
  it.each<[string, unknown, string]>([
    ['0', 1234.56, '1235'],
    ['0.00', 1234.5, '1234.50'],
    ['#,##0', 1234567.4, '1,234,567'],
    ['#,##0.00', 1234567.891, '1,234,567.89'],
    ['#,##0.00', -1234.5, '-1,234.50'],
    ['#,##0.00', 0, '0.00'],
    ['#,##0.##', 1.5, '1.5'],
    ['#,###', 0, ''],
    ['#.##', 0.5, '.5'],
    ['0.', 5, '5.'],
    ['000', 7, '007'],
    ['0.00%', 0.256, '25.60%'],
    ['0%', -0.5, '-50%'],
    ['#,##0," K"', 1234567, '1,235 K'],
    ['#,##0,," M"', 1234567, '1 M'],
    ['0.0,,"M"', 1234567, '1.2M'],
    ['[$£]#,##0.00', 1234.5, '£1,234.50'],
    ['[$£]#,##0.00', -1234.5, '-£1,234.50'],
    ['[$€-407] #,##0.00', 1234.5, '€ 1,234.50'],
    ['$#,##0.00', 99.999, '$100.00'],
    ['#,##0.00 "kg"', 12.3, '12.30 kg'],
    ['\\$0', 5, '$5'],
    ['0_)', 5, '5 '],
    ['**0', 5, '5'],
    ['[Red]0.0', 1.25, '1.3'],
    ['"⬆️ "0;"⬇️ "0;0', 5, '⬆️ 5'],
    ['"⬆️ "0;"⬇️ "0;0', -5, '⬇️ 5'],
    ['"⬆️ "0;"⬇️ "0;0', 0, '0'],
    ['0.00;(0.00)', -1.5, '(1.50)'],
    ['0.00;(0.00)', 0, '0.00'],
    ['0;;"zero"', -3, ''],
    ['0;-0;"zero"', 0, 'zero'],
    ['"Delivered in "@', 'Paris', 'Delivered in Paris'],
    ['0.00;-0.00;0;"text: "@', 'abc', 'text: abc'],
    ['General', 1234.5678, '1,234.568'],
    ['"≈ "General', 3, '≈ 3'],
    ['#,##0', '12345678901234567890', '12,345,678,901,234,567,890'],
    ['#,##0', 12345678901234567890n, '12,345,678,901,234,567,890'],
    ['#,##0', '1500', '1,500'],
  ])('%s: %s → %s', (expression, raw, expected) => {
    expect(format(expression, raw)).toBe(expected);
  });

  it('has nothing to say about values it does not format, so the caller falls back', () => {
    expect(format('#,##0', 'abc')).toBeUndefined();
    expect(format('#,##0', true)).toBeUndefined();
    expect(format('#,##0', new Date(0))).toBeUndefined();
    expect(format('"Delivered in "@', 12)).toBeUndefined();
  });
});

describe('compileExpression: unsupported expressions', () => {
  it.each([
    ['m/d/yyyy'],
    ['dddd'],
    ['m/d/yyyy h:mm AM/PM'],
    ['[>100]0;0'],
    ['[h]:mm'],
    ['0.00E+00'],
    ['# ?/?'],
    ['000-0000'],
    ['"unterminated'],
    ['[$£'],
    ['0;0;0;@;0'],
  ])('%s → undefined (never throws)', (expression) => {
    expect(compileExpression(expression)).toBeUndefined();
  });
});
