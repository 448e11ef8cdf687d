// From checked documents to the report model. The verdicts are exactly those `checkDocuments`
// gave (the same call `certbench check` makes); the report only adds identity, per-role lines,
// the summary, the timeline and, when asked, the fix commands.
import type { Environment } from '../environment/types.js';
import { defaultRegistry } from '../rules/catalogue.js';
import { checkDocuments, type CheckInput, type CheckOptions, type CheckResult } from '../rules/checkDocuments.js';
import { endEntityIndexes } from '../rules/endEntities.js';
import type { RuleRegistry } from '../rules/engine/registry.js';
import type { RoleChoice } from '../rules/engine/roles.js';
import { environmentSummary } from './environmentSummary.js';
import { buildFixCommands } from './fixCommands.js';
import { certificateIdentity, requestIdentity } from './identity.js';
import type { ReportIdentity, ReportItem, ReportModel, UnusableFile } from './model.js';
import { roleVerdicts } from './roleVerdicts.js';
import { buildSummary, buildTimeline } from './summary.js';

export const DEFAULT_TITLE = 'Certificate compliance report';

export interface ReportOptions {
  title?: string;
  customer?: string;
  author?: string;
  /** e.g. `CertBench 0.1.0`; default `CertBench`. */
  generator?: string;
  /** Add the PowerShell for each failing role (appendix). */
  fixCommands?: boolean;
}

export interface BuildReportInput extends ReportOptions {
  inputs: readonly CheckInput[];
  /** `checkDocuments(inputs, …)` for these very inputs, in its order. */
  results: readonly CheckResult[];
  /** Files that could not be used; listed in the report, never silently dropped. */
  unusable?: readonly UnusableFile[];
  environment: Environment;
  at: Date;
  role: RoleChoice;
  server?: string;
  registry?: RuleRegistry;
}

export function buildReport(input: BuildReportInput): ReportModel {
  const registry = input.registry ?? defaultRegistry;
  const identities = identitiesInCheckOrder(input.inputs, input.at);
  if (identities.length !== input.results.length) {
    throw new Error(`The report got ${input.results.length} check results for ${identities.length} certificates and requests: pass the results of checkDocuments for the same inputs.`);
  }
  const items: ReportItem[] = input.results.map((result, i) => {
    const { file, identity } = identities[i]!;
    if (result.file !== file || (result.thumbprint ?? undefined) !== identity.thumbprint) {
      throw new Error(`The check result for ${result.file} does not match ${file}: pass the results of checkDocuments for the same inputs, in order.`);
    }
    const count = (s: string) => result.findings.filter((f) => f.status === s).length;
    return {
      id: `item-${i + 1}`,
      result,
      identity,
      roleVerdicts: roleVerdicts(result, registry),
      counts: {
        errors: count('error') + count('fatal'),
        warnings: count('warn'),
        infos: count('info'),
        passes: count('pass'),
        notApplicable: count('not_applicable'),
      },
    };
  });
  const unusable = [...(input.unusable ?? [])];
  const customer = input.customer?.trim();
  const author = input.author?.trim();
  return {
    meta: {
      title: input.title?.trim() || DEFAULT_TITLE,
      ...(customer ? { customer } : {}),
      ...(author ? { author } : {}),
      at: input.at.toISOString(),
      role: input.role,
      ...(input.server !== undefined ? { server: input.server } : {}),
      generator: input.generator ?? 'CertBench',
    },
    environment: environmentSummary(input.environment),
    summary: buildSummary(items, unusable.length),
    items,
    unusable,
    timeline: buildTimeline(items, input.at),
    ...(input.fixCommands ? { fixCommands: buildFixCommands(items, input.environment, input.server) } : {}),
  };
}

/** Check the documents and build the report in one go (what the app's Report view calls). */
export async function checkAndBuildReport(
  inputs: readonly CheckInput[],
  options: CheckOptions,
  report: ReportOptions & { unusable?: readonly UnusableFile[] } = {},
): Promise<ReportModel> {
  const results = await checkDocuments(inputs, options);
  return buildReport({
    ...report,
    inputs,
    results,
    environment: options.environment,
    at: options.at,
    role: options.role,
    ...(options.server !== undefined ? { server: options.server } : {}),
    ...(options.registry ? { registry: options.registry } : {}),
  });
}

/** One identity per subject, in the order checkDocuments visits them (end entities, then the request). */
function identitiesInCheckOrder(inputs: readonly CheckInput[], at: Date): { file: string; identity: ReportIdentity }[] {
  const out: { file: string; identity: ReportIdentity }[] = [];
  for (const { file, document } of inputs) {
    for (const index of endEntityIndexes(document)) out.push({ file, identity: certificateIdentity(document, index, at) });
    if (document.request) out.push({ file, identity: requestIdentity(document, document.request) });
  }
  return out;
}
