/** The diff renderers by format name, as `org diff --format` offers them. */
import { renderDiffJson } from './json.js';
import { renderDiffMarkdown } from './markdown.js';
import { renderDiffText } from './text.js';
import type { DiffRenderer } from './types.js';

export const diffRenderers: Record<string, DiffRenderer> = {
  text: renderDiffText,
  markdown: renderDiffMarkdown,
  json: renderDiffJson,
};

export { renderSideErrors } from './text.js';
export type { DiffReport, DiffSide, SideSource } from './types.js';
