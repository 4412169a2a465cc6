/** Exhaustiveness guard for `switch` over a union: a new member fails the build here. */
export const assertNever = (value: never): never => {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
};
