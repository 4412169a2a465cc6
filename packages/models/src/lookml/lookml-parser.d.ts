/** The part of `lookml-parser` (MIT, untyped) Tessera uses. */
declare module 'lookml-parser' {
  const lookmlParser: {
    /** Parses one LookML file; throws an object whose `toString()` says where the syntax error is. */
    parse(text: string): Record<string, unknown>;
  };
  export default lookmlParser;
}
