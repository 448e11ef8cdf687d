// Every cross-server rule, in catalogue order. Adding a rule = adding its file and one line
// here; the registry refuses duplicate ids at load time.
import { EstateRuleRegistry } from './registry.js';
import type { EstateRule } from './types.js';

export const ESTATE_RULES: readonly EstateRule[] = [];

export const defaultEstateRegistry = new EstateRuleRegistry(ESTATE_RULES);
