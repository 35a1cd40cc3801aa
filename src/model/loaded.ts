/**
 * A structure as the loader hands it over: the parsed files with where each came from, and the
 * findings of reading and parsing them. It lives in the model so that the lowest layer imports
 * nothing; src/load makes it.
 */
import type { Finding } from './finding.js';
import type { Organization, Unit, OrgFunction } from './types.js';

export interface UnitEntry {
  unit: Unit;
  file: string;
}

export interface FunctionEntry {
  fn: OrgFunction;
  file: string;
}

export interface LoadedStructure {
  organization: Organization;
  /** False when organization.yaml is missing or could not be understood; defaults stand in. */
  hasOrganization: boolean;
  organizationFile: string;
  units: UnitEntry[];
  functions: FunctionEntry[];
  /** `yaml-syntax` and `schema` findings. */
  findings: Finding[];
  /** Decoded text of every file that parsed, by display path: used to locate findings. */
  texts: Map<string, string>;
}
