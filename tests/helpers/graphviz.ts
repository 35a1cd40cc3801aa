/**
 * DOT → SVG with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz, a dev dependency): the
 * tests draw the DOT export with a real Graphviz to prove users can. org itself no longer needs
 * Graphviz for its pictures. Orthogonal edges can make the WASM build fail with a RuntimeError
 * on large graphs, after which the instance is unusable: it is then unloaded, loaded afresh, and
 * the layout is retried with polyline edges. `engine: 'system'` runs the `dot` program instead.
 */
import { spawnSync } from 'node:child_process';

export interface LayoutOptions {
  /** `wasm` (default) or `system` (the `dot` program on PATH). */
  engine?: 'wasm' | 'system';
  /** Called when the layout had to fall back to polyline edges. */
  onFallback?: (reason: string) => void;
}

type GraphvizClass = typeof import('@hpcc-js/wasm-graphviz').Graphviz;
type GraphvizInstance = Awaited<ReturnType<GraphvizClass['load']>>;

let graphviz: GraphvizInstance | undefined;

async function load(): Promise<{ Graphviz: GraphvizClass; instance: GraphvizInstance }> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  graphviz ??= await Graphviz.load();
  return { Graphviz, instance: graphviz };
}

/** The same graph with polyline edges: a later graph attribute overrides an earlier one. */
export function withPolylineEdges(dot: string): string {
  const end = dot.lastIndexOf('}');
  return `${dot.slice(0, end)}  graph [splines=polyline];\n${dot.slice(end)}`;
}

function isWasmCrash(e: unknown): boolean {
  // WebAssembly.RuntimeError is not in the TypeScript lib this project targets: recognise it by name.
  return (
    e instanceof Error &&
    (e.name === 'RuntimeError' || /memory access out of bounds|unreachable|RuntimeError/i.test(e.message))
  );
}

function systemDot(dot: string): string {
  const result = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error)
    throw Object.assign(
      new Error(`cannot run dot: ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}`),
      { code: 'no-dot' },
    );
  if (result.status !== 0) throw new Error(`dot failed: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  return result.stdout;
}

type Engine = 'dot' | 'neato' | 'fdp' | 'sfdp' | 'circo' | 'twopi' | 'osage' | 'patchwork';

/** The layout the graph names (`layout=neato`), as the `dot` program would pick it; else `dot`. */
export function namedLayout(dot: string): Engine {
  const named = /\blayout\s*=\s*"?(dot|neato|fdp|sfdp|circo|twopi|osage|patchwork)\b/.exec(dot)?.[1];
  return (named as Engine | undefined) ?? 'dot';
}

/**
 * A neato graph whose every node is pinned (`pos="x,y!"`, as org's charts are: the layout is done
 * before Graphviz sees the graph) is drawn in neato's no-op mode (`neato -n`): the positions are
 * taken as given and only the edges are routed. Otherwise neato still sets up its stress model
 * over all pairs of nodes before it finds there is nothing to move — quadratic in time and memory:
 * a unit with 10,000 children took 20 s and 2 GB, and takes 3 s and 200 MB this way.
 */
export function layoutOptions(dot: string, engine: Engine): { nop: number } | undefined {
  if (engine !== 'neato') return undefined;
  // Node statements are the quoted names at the start of a line (`graph`, `node`, `edge` defaults are not).
  let nodes = 0;
  for (const line of dot.matchAll(/^\s*"(?:[^"\\]|\\.)*"\s*\[(.*)$/gm)) {
    if (/ -[->] /.test(line[0])) continue;
    if (!/\bpos="[-\d.e]+,[-\d.e]+!"/.test(line[1] ?? '')) return undefined;
    nodes++;
  }
  return nodes > 0 ? { nop: 1 } : undefined;
}

/** Lays out a DOT graph and returns Graphviz's SVG. */
export async function dotToSvg(dot: string, options: LayoutOptions = {}): Promise<string> {
  if (options.engine === 'system') return systemDot(dot);
  const engine = namedLayout(dot);
  const { Graphviz, instance } = await load();
  const options_ = layoutOptions(dot, engine);
  try {
    return instance.layout(dot, 'svg', engine, options_);
  } catch (e) {
    if (!isWasmCrash(e)) throw e;
    options.onFallback?.((e as Error).message);
    graphviz = undefined;
    Graphviz.unload();
    const fresh = await load();
    return fresh.instance.layout(withPolylineEdges(dot), 'svg', engine, options_);
  }
}
