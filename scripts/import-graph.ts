/**
 * The file-level import graph of a source folder and the import circles in it. Every static
 * import and re-export counts, type-only ones included: a circle of types still ties the files
 * into one unit that cannot be read, tested or moved apart. Pure apart from reading the folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One relative import of a module: the target file (resolved, `.ts`) and its line. */
export interface ImportEdge {
  readonly target: string;
  readonly specifier: string;
  readonly line: number;
}

/** Module files of `src` (absolute paths), tests excluded, in a stable order. */
export function moduleFiles(src: string): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(src);
  return files;
}

// Static imports and re-exports, possibly spread over several lines; side-effect imports too.
const IMPORT = /^\s*(?:import|export)\b(?:[^;'"]*?\bfrom\s*|\s*)['"](\.[^'"]+)['"]/gm;

/** The relative imports of one module's text (`.js` specifiers resolve to the `.ts` source). */
export function importsOf(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const specifier = m[1] as string;
    const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
    edges.push({ target, specifier, line: text.slice(0, m.index).split('\n').length });
  }
  return edges;
}

/** Module → the modules it imports (only targets inside the graph), from the files of `src`. */
export function importGraph(src: string): Map<string, string[]> {
  const files = moduleFiles(src);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = importsOf(f, readFileSync(f, 'utf8')).map((e) => e.target);
    graph.set(f, [...new Set(targets.filter((t) => known.has(t)))]);
  }
  return graph;
}

/** One import circle: a closed path `a → b → … → a`, and every module of its tangle. */
export interface ImportCycle {
  readonly path: readonly string[];
  /** The strongly connected component the path runs through (may hold more modules). */
  readonly members: readonly string[];
}

/**
 * The import circles: one per strongly connected component of more than one module (or a module
 * importing itself), with a shortest closed path through that component's first module.
 * Components come in the order of their first module in `graph`; deterministic.
 */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): ImportCycle[] {
  // Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1] as { node: string; edge: number };
      const out = graph.get(top.node) ?? [];
      if (top.edge < out.length) {
        const to = out[top.edge++] as string;
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(top.node) as number));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop() as string;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        const selfLoop = (graph.get(top.node) ?? []).includes(top.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  const order = [...graph.keys()];
  const rank = (n: string): number => order.indexOf(n);
  return components
    .map((c) => {
      const members = [...c].sort((a, b) => rank(a) - rank(b));
      return { path: cycleThrough(graph, new Set(c), members[0] as string), members };
    })
    .sort((a, b) => rank(a.members[0] as string) - rank(b.members[0] as string));
}

/** A shortest closed path from `start` back to itself inside one component (breadth first). */
function cycleThrough(
  graph: ReadonlyMap<string, readonly string[]>,
  members: ReadonlySet<string>,
  start: string,
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as string;
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let n = node; n !== start; n = previous.get(n) as string) path.splice(1, 0, n);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start]; // unreachable for a component; kept total for the types
}

/** `a.ts → b.ts → a.ts`, paths relative to `base`, then the tangle's other modules if any. */
export function formatCycle(cycle: ImportCycle, base: string): string {
  const text = cycle.path.map((f) => relative(base, f)).join(' → ');
  const others = cycle.members.filter((m) => !cycle.path.includes(m));
  return others.length === 0
    ? text
    : `${text} (same tangle: ${others.map((f) => relative(base, f)).join(', ')})`;
}
