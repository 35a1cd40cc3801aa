/**
 * The top-level commands by name, each with the module that adds it, loaded only when needed: a
 * run of `org validate` loads the validate command and what it uses, not the renderers, the
 * importers or git history. `org --help`, `org help`, completion and an unknown command load them
 * all (see `commandsFor` in ../main.ts). The order is the one `org --help` lists (./index.ts,
 * which loads every command at once, for tests and tools that walk the whole tree; a test holds
 * the two lists equal).
 */
import type { Registrar } from '../context.js';

export interface CommandEntry {
  name: string;
  load: () => Promise<Registrar>;
}

export const commandEntries: CommandEntry[] = [
  { name: 'validate', load: async () => (await import('./validate.js')).register },
  { name: 'diff', load: async () => (await import('./diff.js')).register },
  { name: 'log', load: async () => (await import('./log.js')).register },
  { name: 'render', load: async () => (await import('./render.js')).register },
  { name: 'tree', load: async () => (await import('./tree.js')).register },
  { name: 'show', load: async () => (await import('./show.js')).register },
  { name: 'stats', load: async () => (await import('./stats.js')).register },
  { name: 'init', load: async () => (await import('./init.js')).register },
  { name: 'fmt', load: async () => (await import('./fmt.js')).register },
  { name: 'import', load: async () => (await import('./import.js')).register },
  { name: 'export', load: async () => (await import('./export.js')).register },
  { name: 'completion', load: async () => (await import('./completion.js')).register },
];
