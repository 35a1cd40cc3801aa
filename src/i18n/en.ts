/** The tool's own messages in English (rule messages live in each rule's metadata). */
export const en: Record<string, string> = {
  'no-such-dir': 'No such directory: {{dir}}',
  'not-a-dir': 'Not a directory: {{dir}}',
  'no-organization': 'No organization.yaml in {{dir}}: this is not a structure directory (run `org init {{dir}}` to create one).',
  'bad-format': 'Unknown format "{{format}}"; choose one of: {{formats}}.',
  'bad-number': 'Option {{option}} expects a whole number, not "{{value}}".',
  'write-failed': 'Cannot write {{file}}: {{reason}}',
  'internal-error': 'Internal error: {{message}}. Rerun with --debug to see the details, and report it.',
  'summary-clean': '✔ {{units}} {{units|unit|units}} and {{functions}} {{functions|function|functions}}: no problems.',
  'summary-problems': '{{mark}} {{problems}} ({{details}}) in {{units}} {{units|unit|units}} and {{functions}} {{functions|function|functions}}.',
  'count-problems': '{{count}} {{count|problem|problems}}',
  'count-errors': '{{count}} {{count|error|errors}}',
  'count-warnings': '{{count}} {{count|warning|warnings}}',
  'count-infos': '{{count}} {{count|note|notes}}',
  'max-warnings': 'Too many warnings: {{count}} (the limit is {{max}}).',
  'structure-has-errors': 'Note: the structure has {{count}} error(s); showing what can be understood. Run `org validate` for details.',
};
