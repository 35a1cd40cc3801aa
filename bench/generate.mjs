// Generates synthetic structures for the benchmark: a deterministic tree of units with Cyrillic
// names, functions and positions, written as YAML (what `org` reads) and as JSON (what the floor
// measurement reads). `changed: true` applies ~5% of realistic changes for `org diff`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small deterministic PRNG (mulberry32), so every run measures the same structure. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = [
  ['apparatus', 'аппарат'],
  ['departament', 'департамент'],
  ['upravlenie', 'управление'],
  ['otdel', 'отдел'],
  ['sektor', 'сектор'],
  ['gruppa', 'группа'],
];
const TOPICS = [
  'финансового контроля',
  'правовой работы',
  'цифрового развития',
  'кадровой политики',
  'муниципального имущества',
  'транспорта и дорожного хозяйства',
  'социальной защиты населения',
  'градостроительства',
  'образования',
  'здравоохранения',
  'взаимодействия с общественностью',
  'экономического анализа',
  'жилищно-коммунального хозяйства',
  'экологии и природопользования',
  'информационной безопасности',
];
const ACTIONS = [
  'Планирование',
  'Контроль',
  'Мониторинг',
  'Организация',
  'Координация',
  'Разработка политики',
  'Обеспечение',
  'Анализ',
];
const POSITIONS = ['Заведующий', 'Главный специалист', 'Ведущий специалист', 'Специалист'];

const q = (s) => JSON.stringify(s);

function unitYaml(u) {
  const lines = ['# yaml-language-server: $schema=../../schemas/unit.schema.json', `id: ${u.id}`, `kind: ${u.kind}`];
  if (u.parent) lines.push(`parent: ${u.parent}`);
  lines.push('name:', `  ru: ${q(u.name.ru)}`, `  en: ${q(u.name.en)}`);
  if (Object.keys(u.functions).length > 0) {
    lines.push('functions:');
    for (const [f, r] of Object.entries(u.functions)) lines.push(`  ${f}: ${r}`);
  }
  lines.push('positions:');
  for (const p of u.positions) lines.push(`  - title: ${q(p.title)}`, `    count: ${p.count}`);
  if (u.replaces) lines.push(`replaces: [${u.replaces.join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

export function buildStructure(n, seed = 1) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const units = [];
  const queue = [];
  const root = { id: 'u0', kind: KINDS[0][0], depth: 0, name: { ru: 'Центральный аппарат', en: 'Central office' } };
  units.push(root);
  queue.push(root);
  while (units.length < n && queue.length > 0) {
    const parent = queue.shift();
    if (parent.depth + 1 >= KINDS.length) continue;
    const kids = 6 + Math.floor(rnd() * 9);
    for (let k = 0; k < kids && units.length < n; k++) {
      const [kind, kindName] = KINDS[parent.depth + 1];
      const id = `u${units.length}`;
      const topic = pick(TOPICS);
      const u = {
        id,
        kind,
        parent: parent.id,
        depth: parent.depth + 1,
        name: {
          ru: `${kindName[0].toUpperCase()}${kindName.slice(1)} ${topic} № ${units.length}`,
          en: `${kind} ${units.length}`,
        },
      };
      units.push(u);
      queue.push(u);
    }
  }
  const functions = [];
  for (let i = 0; i < Math.ceil(units.length / 4); i++)
    functions.push({
      id: `f${i}`,
      name: { ru: `${pick(ACTIONS)} в сфере ${pick(TOPICS)} (${i})`, en: `function ${i}` },
      type: pick(['policy', 'control', 'service', 'support']),
    });
  units.forEach((u, i) => {
    u.functions = {};
    if (i % 4 === 0 && functions[i / 4]) u.functions[functions[i / 4].id] = 'lead';
    for (let k = 0; k < 2; k++) {
      const f = pick(functions).id;
      if (!u.functions[f]) u.functions[f] = 'participant';
    }
    u.positions = POSITIONS.slice(0, 1 + Math.floor(rnd() * 3)).map((title) => ({
      title,
      count: 1 + Math.floor(rnd() * 4),
    }));
  });
  return { units, functions, rnd };
}

/** ~5% of the units changed: renamed, moved, re-assigned, removed (leaves) and added. */
export function change({ units, functions, rnd }) {
  const count = Math.max(5, Math.floor(units.length * 0.01));
  const parents = new Set(units.map((u) => u.parent));
  const leaves = units.filter((u) => !parents.has(u.id) && u.parent);
  const pickFrom = (list) => list[Math.floor(rnd() * list.length)];
  for (let i = 0; i < count; i++) pickFrom(units).name.ru += ' (переименован)';
  const sameKind = new Map();
  for (const u of units) sameKind.set(u.kind, [...(sameKind.get(u.kind) ?? []), u.id]);
  for (let i = 0; i < count; i++) {
    const u = pickFrom(leaves);
    const p = units.find((x) => x.id === u.parent);
    u.parent = pickFrom(sameKind.get(p.kind));
  }
  for (let i = 0; i < count; i++) {
    const u = pickFrom(units);
    const f = pickFrom(functions).id;
    u.functions[f] = u.functions[f] === 'participant' ? 'approver' : 'participant';
  }
  const removed = new Set();
  for (let i = 0; i < count; i++) removed.add(pickFrom(leaves).id);
  const kept = units.filter((u) => !removed.has(u.id));
  for (let i = 0; i < count; i++) {
    const p = pickFrom(kept.filter((u) => u.depth < 5));
    kept.push({
      ...structuredClone(p),
      id: `new${i}`,
      parent: p.id,
      depth: p.depth + 1,
      kind: KINDS[p.depth + 1][0],
      name: { ru: `Новый сектор № ${i}`, en: `new ${i}` },
      functions: {},
    });
  }
  return { units: kept, functions, rnd };
}

export function writeStructure(dir, { units, functions }) {
  mkdirSync(join(dir, 'units'), { recursive: true });
  mkdirSync(join(dir, 'functions'), { recursive: true });
  mkdirSync(join(dir, 'json'), { recursive: true });
  const org = {
    id: 'synthetic',
    name: { ru: 'Синтетическая структура', en: 'Synthetic structure' },
    languages: ['ru', 'en'],
    kinds: KINDS.map(([id, ru]) => ({ id, name: { ru, en: id } })),
    functionTypes: ['policy', 'control', 'service', 'support'].map((id) => ({ id, name: id })),
    rules: { 'span-of-control': ['warn', { max: 12 }] },
  };
  writeFileSync(join(dir, 'organization.yaml'), `${JSON.stringify(org, null, 2)}\n`);
  for (const u of units) {
    const plain = { ...u };
    delete plain.depth;
    writeFileSync(join(dir, 'units', `${u.id}.yaml`), unitYaml(u));
    writeFileSync(join(dir, 'json', `${u.id}.json`), JSON.stringify(plain));
  }
  for (const f of functions) {
    writeFileSync(
      join(dir, 'functions', `${f.id}.yaml`),
      `# yaml-language-server: $schema=../../schemas/function.schema.json\nid: ${f.id}\nname:\n  ru: ${q(f.name.ru)}\n  en: ${q(f.name.en)}\ntype: ${f.type}\n`,
    );
    writeFileSync(join(dir, 'json', `${f.id}.json`), JSON.stringify(f));
  }
}

/**
 * A structure for the function matrix: `n` units as above and `f` functions, each led by one unit
 * and shared with one or two others (a ministry's matrix: wide, tall and mostly empty).
 */
export function buildMatrixStructure(n, f, seed = 1) {
  const { units, rnd } = buildStructure(n, seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const functions = [];
  for (const u of units) u.functions = {};
  for (let i = 0; i < f; i++) {
    const fn = {
      id: `f${i}`,
      name: { ru: `${pick(ACTIONS)} в сфере ${pick(TOPICS)} (${i})`, en: `function ${i}` },
      type: pick(['policy', 'control', 'service', 'support']),
    };
    functions.push(fn);
    pick(units).functions[fn.id] = 'lead';
    for (let k = 1 + Math.floor(rnd() * 2); k > 0; k--) {
      const u = pick(units);
      if (!u.functions[fn.id]) u.functions[fn.id] = pick(['participant', 'approver', 'informed']);
    }
  }
  return { units, functions, rnd };
}
