/**
 * An empty record for values keyed by user-chosen names (fields, tables). Adding such keys one by
 * one to `{}` makes V8 create a hidden class per key sequence and hang them all off `{}`, which in
 * a project of thousands of tables costs time and memory. An object that had a non-last property
 * deleted is kept as a hash table instead ("dictionary mode"). This is only a performance hint: the
 * result is an ordinary object with `Object.prototype`.
 */
export const newRecord = <V>(): Record<string, V> => {
  const o: Record<string, unknown> = { a: 0, b: 0 };
  delete o.a;
  delete o.b;
  return o as Record<string, V>;
};
