/**
 * The starting structure `org init` writes: organization.yaml (languages, kinds of units, roles of
 * the function matrix, function types, and every rule setting, commented), one root unit and one
 * function it leads, each file opening with its schema modeline. The texts exist in Russian and
 * English; both scaffolds pass `org validate` as written and are already in `org fmt` form.
 * Pure: the caller writes the files.
 */
import { rules } from '../rules/index.js';
import { modeline } from './modeline.js';

export type ScaffoldLanguage = 'ru' | 'en';

export interface ScaffoldFile {
  /** Path inside the structure directory, forward slashes. */
  rel: string;
  text: string;
}

export interface ScaffoldOptions {
  lang: ScaffoldLanguage;
  /** Schema base relative to the structure directory, or a URL (see modeline.ts). */
  schemaBase: string;
}

/** What each rule checks, in Russian, for the commented rule settings; English comes from the rules. */
const RULE_NOTES_RU: Record<string, string> = {
  'duplicate-id': 'каждый идентификатор подразделения и функции используется один раз',
  'filename-matches-id': 'имя файла без расширения совпадает с идентификатором в нём',
  'function-exists': 'каждая функция из `functions` подразделения описана в functions/',
  'function-has-lead': 'у каждой функции есть ответственное подразделение (роль lead)',
  'function-single-lead': 'у функции не больше одного ответственного подразделения',
  'function-type-allowed': 'подразделение отвечает только за функции типов, разрешённых его виду',
  'invisible-characters': 'в названиях и описаниях нет невидимых и управляющих символов',
  'kind-exists': 'вид каждого подразделения объявлен в kinds',
  'kind-rank': 'вид подразделения мельче вида вышестоящего',
  'max-depth': 'в дереве не больше max уровней (корень — первый уровень)',
  'name-languages': 'у каждого названия есть текст на каждом обязательном языке',
  'no-cycles': 'цепочка вышестоящих подразделений не замыкается',
  'parent-exists': 'parent указывает на существующее подразделение',
  'role-exists': 'роль в `functions` — одна из ролей, перечисленных в roles',
  schema: 'каждый файл соответствует своей JSON-схеме',
  'single-root': 'ровно одно подразделение не имеет вышестоящего',
  'span-of-control': 'у подразделения не больше max непосредственно подчинённых',
  'unique-sibling-names': 'у подразделений с общим вышестоящим разные названия',
  'unit-has-functions': 'каждое подразделение участвует хотя бы в одной функции',
  'valid-dates':
    'даты — настоящие дни календаря, until позже from, подразделение действует только вместе с вышестоящим',
  'yaml-syntax': 'каждый файл — корректный и безопасный YAML',
};

interface Texts {
  org: { id: string; header: string[]; name: Record<string, string>; languages: string[]; languagesNote: string };
  kinds: { note: string[]; list: Array<{ id: string; name: Record<string, string> }> };
  roles: { note: string[]; list: Array<{ id: string; name: Record<string, string>; code: Record<string, string> }> };
  types: { note: string[]; list: Array<{ id: string; name: Record<string, string> }> };
  rulesNote: string[];
  ruleNote: (id: string, english: string) => string;
  unit: {
    id: string;
    kind: string;
    note: string[];
    name: Record<string, string>;
    short: Record<string, string>;
    position: Record<string, string>;
    positionCount: number;
  };
  fn: { id: string; type: string; note: string[]; name: Record<string, string>; description: Record<string, string> };
}

const RU: Texts = {
  org: {
    id: 'moya-organizatsiya',
    header: [
      'Организация в целом: языки, виды подразделений, роли матрицы функций и настройки правил.',
      'Подразделения описываются в units/, функции — в functions/, по одному файлу на каждое.',
      'Проверка: org validate. Приведение файлов к единому виду: org fmt.',
    ],
    name: { ru: 'Моя организация', en: 'My Organization' },
    languages: ['ru', 'en'],
    languagesNote:
      'Языки названий. Первый — основной: название, записанное простой строкой, считается написанным на нём.',
  },
  kinds: {
    note: [
      'Виды подразделений — от крупного к мелкому. Подразделение может входить только в',
      'подразделение более крупного вида: отдел — в управление, сектор — в отдел.',
      'functionTypes (необязательно) ограничивает типы функций, за которые отвечает вид.',
    ],
    list: [
      { id: 'apparat', name: { ru: 'аппарат', en: 'central office' } },
      { id: 'upravlenie', name: { ru: 'управление', en: 'directorate' } },
      { id: 'otdel', name: { ru: 'отдел', en: 'department' } },
      { id: 'sektor', name: { ru: 'сектор', en: 'sector' } },
    ],
  },
  roles: {
    note: [
      'Роли в матрице функций — от сильной к слабой. Роль lead отмечает подразделение,',
      'ответственное за функцию; у каждой функции оно должно быть ровно одно.',
    ],
    list: [
      { id: 'lead', name: { ru: 'ответственный', en: 'lead' }, code: { ru: 'О', en: 'L' } },
      { id: 'participant', name: { ru: 'участвует', en: 'participant' }, code: { ru: 'У', en: 'P' } },
      { id: 'approver', name: { ru: 'согласует', en: 'approver' }, code: { ru: 'С', en: 'A' } },
      { id: 'informed', name: { ru: 'информируется', en: 'informed' }, code: { ru: 'И', en: 'I' } },
    ],
  },
  types: {
    note: ['Типы функций (необязательно): на них ссылаются type функции и functionTypes вида.'],
    list: [
      { id: 'policy', name: { ru: 'политика', en: 'policy' } },
      { id: 'regulation', name: { ru: 'регулирование', en: 'regulation' } },
      { id: 'control', name: { ru: 'контроль', en: 'control' } },
      { id: 'service', name: { ru: 'услуги', en: 'service' } },
      { id: 'support', name: { ru: 'обеспечение', en: 'support' } },
    ],
  },
  rulesNote: [
    'Настройки правил проверки: off (выключено), info, warn или error; у некоторых правил',
    'есть параметры: [warn, {max: 12}]. Ниже — значения по умолчанию; чтобы изменить',
    'правило, раскомментируйте строку rules: и строку нужного правила.',
  ],
  ruleNote: (id, english) => RULE_NOTES_RU[id] ?? english,
  unit: {
    id: 'tsentralnyy-apparat',
    kind: 'apparat',
    note: ['Корневое подразделение: у него одного нет parent. У остальных parent — идентификатор вышестоящего.'],
    name: { ru: 'Центральный аппарат', en: 'Central Office' },
    short: { ru: 'Аппарат', en: 'Office' },
    position: { ru: 'Руководитель аппарата', en: 'Head of the Central Office' },
    positionCount: 1,
  },
  fn: {
    id: 'dokumentatsionnoe-obespechenie',
    type: 'support',
    note: ['Функция. Подразделения участвуют в ней через свой раздел functions: `<функция>: <роль>`.'],
    name: { ru: 'Документационное обеспечение', en: 'Records management' },
    description: {
      ru: 'Регистрация, учёт и хранение документов, контроль сроков их исполнения.',
      en: 'Registering, keeping and storing documents, and tracking their deadlines.',
    },
  },
};

const EN: Texts = {
  org: {
    id: 'my-organization',
    header: [
      'The organisation as a whole: languages, kinds of units, roles of the function matrix and rule settings.',
      'Units live in units/ and functions in functions/, one file each.',
      'Check with org validate; tidy with org fmt.',
    ],
    name: { en: 'My Organization' },
    languages: ['en'],
    languagesNote: 'Languages of the names. The first is the default: a name written as a plain string is in it.',
  },
  kinds: {
    note: [
      "Kinds of units, largest first. A unit's kind must rank strictly below its parent's:",
      'a department sits in a directorate, a division in a department.',
      'functionTypes (optional) limits the types of functions units of a kind may lead.',
    ],
    list: [
      { id: 'office', name: { en: 'office' } },
      { id: 'directorate', name: { en: 'directorate' } },
      { id: 'department', name: { en: 'department' } },
      { id: 'division', name: { en: 'division' } },
    ],
  },
  roles: {
    note: [
      'Roles of the function matrix, strongest first. The role lead marks the unit responsible',
      'for a function; every function has exactly one.',
    ],
    list: [
      { id: 'lead', name: { en: 'lead' }, code: { en: 'L' } },
      { id: 'participant', name: { en: 'participant' }, code: { en: 'P' } },
      { id: 'approver', name: { en: 'approver' }, code: { en: 'A' } },
      { id: 'informed', name: { en: 'informed' }, code: { en: 'I' } },
    ],
  },
  types: {
    note: ["Function types (optional): a function's type and a kind's functionTypes refer to them."],
    list: [
      { id: 'policy', name: { en: 'policy' } },
      { id: 'regulation', name: { en: 'regulation' } },
      { id: 'control', name: { en: 'control' } },
      { id: 'service', name: { en: 'service' } },
      { id: 'support', name: { en: 'support' } },
    ],
  },
  rulesNote: [
    'Rule settings: off, info, warn or error; some rules take options: [warn, {max: 12}].',
    'The values below are the defaults; to change a rule, uncomment the rules: line and its own.',
  ],
  ruleNote: (_id, english) => english.replace(/\.$/, ''),
  unit: {
    id: 'head-office',
    kind: 'office',
    note: ['The root unit: the only one without a parent. Every other unit names its parent by id.'],
    name: { en: 'Head Office' },
    short: { en: 'Office' },
    position: { en: 'Head of Office' },
    positionCount: 1,
  },
  fn: {
    id: 'records-management',
    type: 'support',
    note: ['A function. Units take part in it through their functions section: `<function>: <role>`.'],
    name: { en: 'Records management' },
    description: { en: 'Registering, keeping and storing documents, and tracking their deadlines.' },
  },
};

const comment = (lines: string[], indent = ''): string[] => lines.map((l) => `${indent}# ${l}`);

/** A language map as block YAML lines under `key`, at `indent`. */
function textBlock(key: string, text: Record<string, string>, indent: string): string[] {
  return [`${indent}${key}:`, ...Object.entries(text).map(([lang, s]) => `${indent}  ${lang}: ${s}`)];
}

/** One commented line per rule with its default setting, so the file documents every rule. */
function ruleSettings(texts: Texts): string[] {
  const settings = rules.map((rule) => {
    const options = Object.entries(rule.defaultOptions ?? {});
    const setting =
      options.length === 0
        ? rule.meta.defaultSeverity
        : `[${rule.meta.defaultSeverity}, {${options.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}}]`;
    return { line: `#   ${rule.id}: ${setting}`, note: texts.ruleNote(rule.id, rule.meta.description) };
  });
  const width = Math.max(...settings.map((s) => s.line.length));
  return ['# rules:', ...settings.map((s) => `${s.line.padEnd(width)}  # ${s.note}`)];
}

function organizationFile(texts: Texts, base: string): string {
  const lines = [
    modeline(base, 'organization', 'organization.yaml'),
    ...comment(texts.org.header),
    `id: ${texts.org.id}`,
    ...textBlock('name', texts.org.name, ''),
    ...comment([texts.org.languagesNote]),
    `languages: [${texts.org.languages.join(', ')}]`,
    '',
    ...comment(texts.kinds.note),
    'kinds:',
    ...texts.kinds.list.flatMap((k) => [`  - id: ${k.id}`, ...textBlock('name', k.name, '    ')]),
    '',
    ...comment(texts.roles.note),
    'roles:',
    ...texts.roles.list.flatMap((r) => [
      `  - id: ${r.id}`,
      ...textBlock('name', r.name, '    '),
      ...textBlock('code', r.code, '    '),
    ]),
    '',
    ...comment(texts.types.note),
    'functionTypes:',
    ...texts.types.list.flatMap((f) => [`  - id: ${f.id}`, ...textBlock('name', f.name, '    ')]),
    '',
    ...comment(texts.rulesNote),
    ...ruleSettings(texts),
  ];
  return `${lines.join('\n')}\n`;
}

function unitFile(texts: Texts, base: string): string {
  const u = texts.unit;
  const rel = `units/${u.id}.yaml`;
  const lines = [
    modeline(base, 'unit', rel),
    ...comment(u.note),
    `id: ${u.id}`,
    `kind: ${u.kind}`,
    ...textBlock('name', u.name, ''),
    ...textBlock('short', u.short, ''),
    'functions:',
    `  ${texts.fn.id}: lead`,
    'positions:',
    `  - title:`,
    ...Object.entries(u.position).map(([lang, s]) => `      ${lang}: ${s}`),
    `    count: ${u.positionCount}`,
  ];
  return `${lines.join('\n')}\n`;
}

function functionFile(texts: Texts, base: string): string {
  const f = texts.fn;
  const rel = `functions/${f.id}.yaml`;
  const lines = [
    modeline(base, 'function', rel),
    ...comment(f.note),
    `id: ${f.id}`,
    ...textBlock('name', f.name, ''),
    `type: ${f.type}`,
    ...textBlock('description', f.description, ''),
  ];
  return `${lines.join('\n')}\n`;
}

/** The files of a new structure, organization.yaml first. */
export function scaffold(options: ScaffoldOptions): ScaffoldFile[] {
  const texts = options.lang === 'ru' ? RU : EN;
  return [
    { rel: 'organization.yaml', text: organizationFile(texts, options.schemaBase) },
    { rel: `units/${texts.unit.id}.yaml`, text: unitFile(texts, options.schemaBase) },
    { rel: `functions/${texts.fn.id}.yaml`, text: functionFile(texts, options.schemaBase) },
  ];
}
