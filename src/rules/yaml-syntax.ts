/** Files that cannot be read or parsed safely. Reported by the loader; this module holds the metadata. */
import type { LoadProblemData } from '../load/structure.js';
import { defineRule, templatesFor } from './rule.js';

export default defineRule({
  id: 'yaml-syntax',
  meta: {
    description: 'Every structure file is readable, well-formed, safe YAML.',
    defaultSeverity: 'error',
    // One message for every problem the loader can report (src/load: scan, parse, read), filled
    // with that problem's data; the compiler holds the two in step.
    messages: templatesFor<LoadProblemData>()({
      syntax: 'YAML syntax error: {{message}}',
      'multiple-documents': 'The file holds more than one YAML document; put one unit or function per file.',
      empty: 'The file is empty.',
      'not-a-map': 'The top level must be a mapping of keys to values.',
      alias: 'Aliases (*{{name}}) are not allowed: write the value out.',
      anchor: 'Anchors (&{{name}}) are not allowed: write each value out.',
      tag: 'Explicit tags ({{tag}}) are not allowed.',
      'merge-key': 'Merge keys (<<) are not allowed: write the keys out.',
      'duplicate-key': 'Duplicate key "{{key}}".',
      'forbidden-key': 'The key "{{key}}" is not allowed.',
      'complex-key': 'Keys must be plain strings.',
      'too-large': 'The file is {{size}} bytes; files over 1 MiB are not read.',
      utf16: 'The file is encoded as UTF-16; save it as UTF-8.',
      utf32: 'The file is encoded as UTF-32; save it as UTF-8.',
      'invalid-utf8': 'Invalid UTF-8: byte {{byte}} does not belong to a valid character; save the file as UTF-8.',
      'control-char': 'Control character {{char}} is not allowed in a structure file.',
      'bare-cr': 'Bare carriage return (CR without LF): use LF or CRLF line endings.',
      'too-deep': 'Nesting is deeper than {{depth}} levels.',
      'symlink-outside': 'Symbolic link leads outside the structure directory (to {{target}}); it is not followed.',
      'symlink-loop': 'Symbolic link loop; it is not followed.',
      'not-regular': 'Not a regular file (a pipe, socket or device); it is not read.',
      unreadable: 'The file cannot be read ({{reason}}).',
    }),
  },
  check() {
    /* findings come from the loader */
  },
});
