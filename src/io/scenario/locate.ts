import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** Where in a document a path points: the key of the last step, its value, or the object holding it. */
export type Target = 'key' | 'value' | 'parent';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps paths into a parsed YAML (or JSON) document to `line:column`. A path that does not exist
 * (a missing key) points at the deepest node that does, so every problem gets a position.
 */
export class Locator {
  readonly #doc: Document;
  readonly #lines: LineCounter;

  constructor(doc: Document, lines: LineCounter) {
    this.#doc = doc;
    this.#lines = lines;
  }

  /** 1-based position of a path. */
  at(path: readonly (string | number)[], target: Target = 'value'): Position {
    const steps = target === 'parent' ? path.slice(0, -1) : path;
    const node = this.#find(steps, target === 'key');
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.#lines.linePos(offset);
    return { line, column: col };
  }

  #find(path: readonly (string | number)[], wantKey: boolean): Node | undefined {
    let node: unknown = this.#doc.contents;
    let found = node as Node | undefined;
    for (let i = 0; i < path.length; i++) {
      if (isAlias(node)) node = node.resolve(this.#doc);
      const step = path[i] as string | number;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) return found;
        const key = pair.key as Node;
        if (last && wantKey) return key;
        // `key:` with nothing after it has a null value node; point at the key then.
        const value = pair.value as Node | null;
        if (
          value === null ||
          (isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1])
        )
          return key;
        node = value;
      } else if (isSeq(node) && typeof step === 'number') {
        const item = node.items[step];
        if (item === undefined || item === null) return found;
        node = item;
      } else return found;
      found = node as Node;
    }
    return found;
  }
}
