import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The pure entry must run in a browser and a Web Worker: bundle it for the browser and fail on
// any Node built-in reached from it (directly or through a dependency).
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('the pure entry src/index.ts', () => {
  it('bundles for the browser without any Node built-in', async () => {
    const reached: string[] = [];
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'no-node-builtins',
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) => {
              if (builtins.has(args.path) || args.path.startsWith('node:')) {
                reached.push(`${args.path} (imported by ${args.importer})`);
                return { path: args.path, external: true };
              }
              return undefined;
            });
          },
        },
      ],
    });
    expect(reached).toEqual([]);
    expect(result.errors).toEqual([]);
    const code = result.outputFiles?.[0]?.text ?? '';
    expect(code.length).toBeGreaterThan(100_000);
    expect(code).toContain('analyze');
  });

  it('the Node entry src/node.ts carries the file and thread effects', async () => {
    const node = await import('../src/node.js');
    expect(typeof node.loadScenario).toBe('function');
    expect(typeof node.workerExecutor).toBe('function');
    const pure = await import('../src/index.js');
    expect('loadScenario' in pure).toBe(false);
  });
});
