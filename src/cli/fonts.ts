/**
 * The fonts a picture command draws with: `--font FILE` (repeatable) first, then the `fonts:` list
 * of organization.yaml (paths relative to the structure directory), then the bundled DejaVu Sans.
 * Also the one warning about characters that none of them has: said once per command, naming
 * the characters, so a chart of boxes never comes out silently.
 */
import { join, resolve } from 'node:path';
import { UsageError } from '../model/errors.js';
import type { OrgModel } from '../model/model.js';
import type { FontSet } from '../output/fonts.js';
import type { RunContext } from './context.js';

/** Collects a repeatable option's values (commander's argParser). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** How many of the missing characters the warning names. */
const SHOWN = 12;

/**
 * Loads the font set for a command. `structureDir` is where organization.yaml lies (as given on
 * the command line); a font file that cannot be used is a usage error naming where it was listed.
 */
export async function commandFonts(
  ctx: RunContext,
  given: readonly string[] | undefined,
  model: OrgModel,
  structureDir: string,
): Promise<FontSet> {
  const { loadFontSet } = await import('../output/fonts.js');
  const fromOption = (given ?? []).map((f) => resolve(ctx.io.cwd, f));
  const base = resolve(ctx.io.cwd, structureDir);
  const fromConfig = (model.organization.fonts ?? []).map((f) => resolve(base, f));
  const configured = new Set(fromConfig.filter((f) => !fromOption.includes(f)));
  try {
    return loadFontSet([...fromOption, ...fromConfig]);
  } catch (e) {
    if (e instanceof UsageError && e.messageId === 'font-unreadable' && configured.has(String(e.data.file))) {
      throw new UsageError('font-unreadable-config', { ...e.data, config: join(structureDir, 'organization.yaml') });
    }
    throw e;
  }
}

/** Warns on stderr, once, when some characters of `texts` are in none of the fonts. */
export function warnMissingGlyphs(ctx: RunContext, fonts: FontSet, texts: Iterable<string>): void {
  const missing = fonts.missing(texts);
  if (missing.length === 0) return;
  const shown = missing
    .slice(0, SHOWN)
    .map((ch) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  const chars =
    missing.length > SHOWN
      ? `${shown.join(', ')} ${ctx.t('font-missing-more', { count: missing.length - SHOWN })}`
      : shown.join(', ');
  ctx.io.stderr(`${ctx.t('font-missing-glyphs', { count: missing.length, chars })}\n`);
}
