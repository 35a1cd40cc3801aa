/** Files that do not match their JSON Schema. Reported by the schema validator; this module holds the metadata. */
import type { SchemaMessageData } from '../schema/validate.js';
import type { OptionMessageData } from './config.js';
import { defineRule, templatesFor } from './rule.js';

export default defineRule({
  id: 'schema',
  meta: {
    description: 'Every file matches its JSON Schema in schemas/.',
    defaultSeverity: 'error',
    // One message for every finding the schema validator and the configuration reader make,
    // filled with the data each passes; the compiler holds them in step.
    messages: templatesFor<SchemaMessageData & OptionMessageData>()({
      'unknown-property': 'Unknown property "{{property}}".',
      'missing-property': 'Missing required property "{{property}}".',
      type: 'Must be of type {{expected}}.',
      'id-pattern':
        '"{{value}}" is not a valid id: use lower-case ASCII letters, digits and single hyphens (kebab-case).',
      pattern: '"{{value}}" does not match the expected pattern {{pattern}}.',
      'language-code': '"{{value}}" is not a language code (such as ru, ky, en).',
      enum: '"{{value}}" is not one of: {{allowed}}.',
      'one-of-text': 'Must be a text: a string, or a map of language codes to strings.',
      'one-of-source': 'Must be a source: a string, or a map with title, url, date and note.',
      'one-of-alternatives': 'Does not match any of the allowed forms.',
      empty: 'Must not be empty.',
      'unique-items': 'Item {{second}} repeats item {{first}}.',
      minimum: '{{value}} is below the least allowed value, {{limit}}.',
      maximum: '{{value}} is above the greatest allowed value, {{limit}}.',
      'min-length': 'Must be at least {{limit}} characters long.',
      'max-length': 'Is {{length}} characters long; at most {{limit}} are allowed.',
      'min-items': 'Must list at least {{limit}} items.',
      'max-items': 'Lists {{count}} items; at most {{limit}} are allowed.',
      constraint: 'Invalid value: {{message}}.',
      'option-unknown': 'Rule {{ruleId}} has no option "{{option}}".',
      'option-integer': 'Option "{{option}}" of rule {{ruleId}} must be a whole number.',
      'option-minimum': 'Option "{{option}}" of rule {{ruleId}} must be at least {{minimum}}.',
      'option-strings': 'Option "{{option}}" of rule {{ruleId}} must be a list of strings.',
    }),
  },
  check() {
    /* findings come from the schema validator and the configuration reader */
  },
});
