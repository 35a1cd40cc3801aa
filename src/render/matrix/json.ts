/**
 * The function matrix as JSON for scripts: the matrix model itself, with ids everywhere and names in
 * the chosen language. Stable key order, so a diff of two runs shows only what changed.
 */
import type { FunctionMatrix } from './model.js';

export function renderMatrixJson(m: FunctionMatrix): string {
  const row = (r: FunctionMatrix['groups'][number]['rows'][number]): object => ({
    id: r.id,
    name: r.name,
    type: r.type ?? null,
    defined: r.defined,
    status: r.status,
    leads: r.leads.map((l) => l.id),
    cells: Object.fromEntries(
      r.cells.flatMap((c, i) => (c ? [[m.columns[i]!.id, { role: c.role, units: c.units }]] : [])),
    ),
  });
  const out = {
    organization: m.organization,
    lang: m.lang,
    groupBy: m.groupBy,
    by: m.by?.id ?? null,
    root: m.root?.id ?? null,
    roles: m.roles.map((r) => ({ id: r.id, name: r.name, code: r.code })),
    columns: m.columns.map((c) => ({ id: c.id, label: c.label, name: c.name, kind: c.kind, depth: c.depth })),
    groups: m.groups.map((g) => ({ kind: g.kind, id: g.id ?? null, name: g.name, functions: g.rows.map((r) => r.id) })),
    functions: m.groups.flatMap((g) => g.rows).map(row),
    findings: { noLead: m.noLead.map((r) => r.id), multipleLeads: m.multipleLeads.map((r) => r.id) },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
