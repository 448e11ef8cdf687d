// The rules' public face: evaluate a certificate or request for a role, read the catalogue.
import type { Environment } from '../environment/types.js';
import { defaultRegistry } from './catalogue.js';
import { evaluateWith } from './engine/evaluate.js';
import type { RoleChoice } from './engine/roles.js';
import type { EvaluateOptions, EvaluationResult, Subject } from './engine/types.js';

export { ALL_RULES, defaultRegistry } from './catalogue.js';
export { evaluateWith, sortFindings } from './engine/evaluate.js';
export { RuleRegistry, DuplicateRuleError } from './engine/registry.js';
export { ROLE_IDS, ROLE_TITLES, isRoleChoice, type RoleChoice, type RoleId } from './engine/roles.js';
export { verdictOf, type Status, type Verdict } from './engine/status.js';
export type { EvaluateOptions, EvaluationResult, Finding, Rule, RuleSource, Subject } from './engine/types.js';
export { catalogue, type CatalogueEntry } from './catalogueEntries.js';

/** Check one certificate or request for a role at the time `at` (always an input). */
export function evaluate(
  subject: Subject,
  role: RoleChoice,
  environment: Environment,
  at: Date,
  options: EvaluateOptions = {},
): EvaluationResult {
  return evaluateWith(defaultRegistry, subject, role, environment, at, options);
}
export { checkDocuments, subjectsOf, type CheckInput, type CheckOptions, type CheckResult } from './checkDocuments.js';
export { endEntityIndexes } from './endEntities.js';
