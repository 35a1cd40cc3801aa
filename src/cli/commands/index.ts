/** Every top-level command, in the order `org --help` lists them. */
import type { Registrar } from '../context.js';
import { register as completion } from './completion.js';
import { register as diff } from './diff.js';
import { register as exportCommand } from './export.js';
import { register as fmt } from './fmt.js';
import { register as importCommand } from './import.js';
import { register as init } from './init.js';
import { register as log } from './log.js';
import { register as render } from './render.js';
import { register as show } from './show.js';
import { register as stats } from './stats.js';
import { register as tree } from './tree.js';
import { register as validate } from './validate.js';

// The daily commands first, then those that set a structure up or move it elsewhere.
export const commands: Registrar[] = [
  validate,
  diff,
  log,
  render,
  tree,
  show,
  stats,
  init,
  fmt,
  importCommand,
  exportCommand,
  completion,
];
