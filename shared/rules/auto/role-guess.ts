// Requirement: when asked to guess (`--role auto`), say which roles were guessed and why, so
// the verdict is never mistaken for a check the admin did not ask for. CertBench's own rule.
import { ROLE_TITLES } from '../engine/roles.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'auto.role-guess',
  title: 'Roles guessed from the certificate and environment',
  requirement: 'When asked to guess the role, CertBench states the roles it guessed and the reason for each.',
  roles: ['auto'],
  source: 'workbench',
  citation: 'CertBench: role guessing',
  maxStatus: 'info',
  outcomes: {
    none: { status: 'info', title: 'No role guessed: only the general rules were checked' },
    guessed: { status: 'info', title: 'Roles guessed from the certificate and environment' },
  },
  applies: (ctx) => ctx.guess !== null,
  check(ctx) {
    const guess = ctx.guess!;
    if (guess.roles.length === 0) {
      return {
        outcome: 'none',
        detail: 'CertBench guessed no integration role: nothing in the certificate matches a server, pool or thumbprint of the environment. Only the general rules were checked.',
        fix: 'Choose the role (Exchange UM, OWA IM, Edge external, Edge internal, Exchange Auth, SfB OAuth) or complete the environment.',
      };
    }
    return {
      outcome: 'guessed',
      detail: `Guessed, not told: checked as ${guess.roles.map((r) => ROLE_TITLES[r]).join(', ')} because ${guess.reasons.join('; ')}.`,
      fix: 'If that is not the job of this certificate, choose its role explicitly.',
    };
  },
});
