/** The registry of rules, alphabetical by id. */
import duplicateId from './duplicate-id.js';
import filenameMatchesId from './filename-matches-id.js';
import functionExists from './function-exists.js';
import functionHasLead from './function-has-lead.js';
import functionSingleLead from './function-single-lead.js';
import functionTypeAllowed from './function-type-allowed.js';
import invisibleCharacters from './invisible-characters.js';
import kindExists from './kind-exists.js';
import kindRank from './kind-rank.js';
import maxDepth from './max-depth.js';
import nameLanguages from './name-languages.js';
import noCycles from './no-cycles.js';
import parentExists from './parent-exists.js';
import roleExists from './role-exists.js';
import type { Rule } from './rule.js';
import schema from './schema.js';
import singleRoot from './single-root.js';
import spanOfControl from './span-of-control.js';
import uniqueSiblingNames from './unique-sibling-names.js';
import unitHasFunctions from './unit-has-functions.js';
import validDates from './valid-dates.js';
import yamlSyntax from './yaml-syntax.js';

// Each rule is typed by its own options; the engine hands every rule the options it declared.
export const rules: ReadonlyArray<Rule> = [
  duplicateId,
  filenameMatchesId,
  functionExists,
  functionHasLead,
  functionSingleLead,
  functionTypeAllowed,
  invisibleCharacters,
  kindExists,
  kindRank,
  maxDepth,
  nameLanguages,
  noCycles,
  parentExists,
  roleExists,
  schema,
  singleRoot,
  spanOfControl,
  uniqueSiblingNames,
  unitHasFunctions,
  validDates,
  yamlSyntax,
] as unknown as ReadonlyArray<Rule>;
