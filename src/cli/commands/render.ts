/** `org render <what>`: pictures and tables made from a structure. Each kind is its own file. */
import type { Registrar } from '../context.js';
import { register as chart } from './render-chart.js';
import { register as diff } from './render-diff.js';
import { register as matrix } from './render-matrix.js';

/** Subcommands of `org render`, in the order help lists them. */
const renderers: Registrar[] = [chart, diff, matrix];

export const register: Registrar = (program, run) => {
  const render = program.command('render').description('render charts and matrices (see `org render --help`)');
  for (const add of renderers) add(render, run);
};
