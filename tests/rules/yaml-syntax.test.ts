/** `yaml-syntax`: files that cannot be read or parsed safely, reported by the loader where it found them. */
import { testRule } from '../helpers/rule-tester.js';
import { valid } from './base.js';

testRule('yaml-syntax', {
  valid: [{ name: 'plain files', files: valid }],
  invalid: [
    {
      name: 'a key given twice',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nname: A\nname: B\nparent: root\n' },
      errors: [{ file: 'units/a.yaml', line: 4, column: 1, messageId: 'duplicate-key', data: { key: 'name' } }],
    },
    {
      name: 'an anchor and its alias',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nname: &n A\nshort: *n\nparent: root\n' },
      errors: [
        // Both point at the node they decorate, after the mark.
        { file: 'units/a.yaml', line: 3, column: 10, messageId: 'anchor', data: { name: 'n' } },
        { file: 'units/a.yaml', line: 4, column: 8, messageId: 'alias', data: { name: 'n' } },
      ],
    },
    {
      name: 'an explicit tag',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nname: !!str A\nparent: root\n' },
      errors: [{ file: 'units/a.yaml', line: 3, column: 13, messageId: 'tag', data: { tag: 'tag:yaml.org,2002:str' } }],
    },
    {
      name: 'an empty file',
      files: { ...valid, 'units/a.yaml': '' },
      errors: [{ file: 'units/a.yaml', line: 1, column: 1, messageId: 'empty', message: 'The file is empty.' }],
    },
    {
      name: 'a list at the top',
      files: { ...valid, 'units/a.yaml': '- id: a\n' },
      errors: [{ file: 'units/a.yaml', line: 1, column: 1, messageId: 'not-a-map' }],
    },
    {
      name: 'two documents in one file',
      files: { ...valid, 'units/a.yaml': 'id: a\n---\nid: b\n' },
      errors: [
        {
          file: 'units/a.yaml',
          line: 2,
          column: 1,
          messageId: 'multiple-documents',
          data: { message: 'Source contains multiple documents; please use YAML.parseAllDocuments()' },
        },
      ],
    },
    {
      name: 'a bare carriage return',
      files: { ...valid, 'units/a.yaml': 'id: a\rkind: department\n' },
      errors: [{ file: 'units/a.yaml', line: 1, column: 6, messageId: 'bare-cr' }],
    },
    {
      name: 'a control character',
      files: { ...valid, 'units/a.yaml': 'id: a\nname: A\u0007\n' },
      errors: [{ file: 'units/a.yaml', line: 2, column: 8, messageId: 'control-char', data: { char: 'U+0007' } }],
    },
    {
      name: 'a key that would reach the object prototype',
      files: { ...valid, 'units/a.yaml': 'id: a\n__proto__: x\n' },
      errors: [{ file: 'units/a.yaml', line: 2, column: 1, messageId: 'forbidden-key', data: { key: '__proto__' } }],
    },
  ],
});
