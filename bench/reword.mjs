// A reorganisation that exercises lineage inference: every function under a new id with its
// wording changed a little, and every tenth unit under a new id, on a generated structure.
import { buildStructure } from './generate.mjs';

export function reworded(n, seed = 42) {
  const { units, functions, rnd } = buildStructure(n, seed);
  const fnId = (id) => `g${id.slice(1)}`;
  const unitId = (id, i) => (i % 10 === 5 ? `renamed-${id}` : id);
  const ids = new Map(units.map((u, i) => [u.id, unitId(u.id, i)]));
  return {
    rnd,
    functions: functions.map((f) => ({
      ...f,
      id: fnId(f.id),
      name: { ...f.name, ru: `${f.name.ru.replace(' в сфере ', ' в области ')} и контроль` },
    })),
    units: units.map((u) => ({
      ...u,
      id: ids.get(u.id),
      ...(u.parent ? { parent: ids.get(u.parent) } : {}),
      functions: Object.fromEntries(Object.entries(u.functions).map(([f, r]) => [fnId(f), r])),
    })),
  };
}
