/**
 * Zero-width and bidirectional control characters make two names look identical while differing,
 * or make a name display in a different order than it is stored (the "Trojan Source" trick).
 */
import type { YamlPath } from '../model/finding.js';
import type { Text } from '../model/types.js';
import { defineRule } from './rule.js';

const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/;

export default defineRule({
  id: 'invisible-characters',
  meta: {
    description:
      'Names, short names, titles and descriptions contain no zero-width or bidirectional control characters.',
    defaultSeverity: 'error',
    messages: {
      invisible: 'Invisible character {{char}} in {{field}}; delete it (it makes text look different from what it is).',
    },
  },
  check({ model, loaded, report }) {
    const check = (file: string, path: YamlPath, value: Text | undefined): void => {
      if (value === undefined) return;
      const entries = typeof value === 'string' ? [[undefined, value] as const] : Object.entries(value);
      for (const [lang, s] of entries) {
        const m = INVISIBLE.exec(s);
        if (!m) continue;
        const char = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        const at = lang === undefined ? path : [...path, lang];
        report({ messageId: 'invisible', data: { char, field: at.join('.') }, file, path: at });
      }
    };
    const org = model.organization;
    check(loaded.organizationFile, ['name'], org.name);
    check(loaded.organizationFile, ['short'], org.short);
    org.kinds.forEach((k, i) => check(loaded.organizationFile, ['kinds', i, 'name'], k.name));
    for (const { unit, file } of model.units.values()) {
      check(file, ['name'], unit.name);
      check(file, ['short'], unit.short);
      check(file, ['description'], unit.description);
      unit.positions?.forEach((p, i) => check(file, ['positions', i, 'title'], p.title));
    }
    for (const { fn, file } of model.functions.values()) {
      check(file, ['name'], fn.name);
      check(file, ['description'], fn.description);
    }
  },
});
