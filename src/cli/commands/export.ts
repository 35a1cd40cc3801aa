/**
 * `org export [dir] --format json|csv|xlsx|mermaid|ttl|jsonld`: the structure in formats other systems
 * read. Each format is a pure function in src/export/; this file picks one and writes it.
 */
import { extname } from 'node:path';
import { renderCsv } from '../../export/csv.js';
import { renderJson } from '../../export/json.js';
import { renderMermaid } from '../../export/mermaid.js';
import { renderJsonLd, renderTurtle } from '../../export/rdf.js';
import { UsageError } from '../../model/errors.js';
import { namesLanguage } from '../../render/reports/names.js';
import { checkFormat, emit, loadValidated, outputTarget, type Registrar } from '../context.js';
import { AT_OPTION, applyAt } from '../at.js';

interface Options {
  format?: string;
  output?: string;
  separator: string;
  base?: string;
  direction: string;
  at?: string;
  table: string;
}

const FORMATS = ['json', 'csv', 'xlsx', 'mermaid', 'ttl', 'jsonld'] as const;
const TABLES = ['units', 'functions', 'assignments'] as const;
const BY_EXTENSION: Record<string, string> = {
  '.json': 'json',
  '.csv': 'csv',
  '.xlsx': 'xlsx',
  '.mmd': 'mermaid',
  '.mermaid': 'mermaid',
  '.ttl': 'ttl',
  '.jsonld': 'jsonld',
};
const SEPARATORS: Record<string, ',' | ';' | '\t'> = { ',': ',', ';': ';', tab: '\t', '\t': '\t' };

export const register: Registrar = (program, run) => {
  program
    .command('export')
    .description(
      'write the structure as JSON, CSV, a Mermaid flowchart, or W3C Organization Ontology RDF (Turtle, JSON-LD)',
    )
    .argument('[dir]', 'structure directory (default: the one found from the current directory)')
    .option('-f, --format <format>', `${FORMATS.join(', ')} (default: from the -o extension, else json)`)
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .option('--separator <sep>', 'CSV separator: "," or ";" (Excel in Russian locales) or tab', ',')
    .option(
      '--base <iri>',
      'RDF: prefix of the IRIs of units, functions and posts (default urn:orgcode:<organisation id>/)',
    )
    .option('--direction <dir>', 'Mermaid: TD (top-down) or LR (left-right)', 'TD')
    .option(...AT_OPTION)
    .option('--table <table>', 'CSV: units, functions or assignments (xlsx has all three as sheets)', 'units')
    .addHelpText(
      'after',
      `
Names are in the language of --lang where the structure has it, else in its first language.
CSV has the columns \`org import csv\` reads; JSON is described by schemas/export.schema.json.

Examples:
  org export --format json > structure.json
  org export -o units.csv --separator ';'     for Excel with Russian regional settings
  org export -o functions.csv --table functions
  org export -o assignments.csv --table assignments
  org export -o structure.xlsx                units, functions and assignments as sheets
  org export --format mermaid >> README.md
  org export -o structure.ttl --base https://data.example.org/org/
  org export --format jsonld -o structure.jsonld
  org export --at 2025-01-01 -o structure-2025.json   the structure in force that day`,
    )
    .action((dir: string, options: Options) =>
      run(async (ctx) => {
        const inferred = options.output !== undefined ? BY_EXTENSION[extname(options.output).toLowerCase()] : undefined;
        const format = checkFormat(options.format ?? inferred ?? 'json', FORMATS);
        const separator = SEPARATORS[options.separator];
        if (!separator) throw new UsageError('export-bad-separator', { value: options.separator });
        const direction = options.direction.toUpperCase();
        if (direction !== 'TD' && direction !== 'LR')
          throw new UsageError('export-bad-direction', { value: options.direction });
        if (options.base !== undefined && !/^[a-z][a-z0-9+.-]*:[^\s<>"{}|^`\\]*$/i.test(options.base))
          throw new UsageError('export-bad-base', { value: options.base });

        const table = checkFormat(options.table, TABLES) as (typeof TABLES)[number];
        if (format === 'xlsx' && outputTarget(ctx, options.output).terminal)
          throw new UsageError('export-binary-to-terminal', { format: 'xlsx' });
        const model = applyAt(ctx, loadValidated(ctx, dir).model, options.at);
        if (format === 'xlsx') {
          const { renderXlsx } = await import('../../export/xlsx.js');
          emit(ctx, await renderXlsx(model, ctx.lang), options.output);
          return 0;
        }
        const rdf = options.base === undefined ? {} : { base: options.base };
        const text =
          format === 'json'
            ? renderJson(model)
            : format === 'csv'
              ? renderCsv(model, { lang: ctx.lang, separator, table })
              : format === 'mermaid'
                ? renderMermaid(model, {
                    lang: namesLanguage(model, [ctx.langOption]),
                    direction,
                  })
                : format === 'ttl'
                  ? renderTurtle(model, rdf)
                  : renderJsonLd(model, rdf);
        emit(ctx, text, options.output, 'data');
        return 0;
      }),
    );
};
