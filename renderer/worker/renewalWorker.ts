// The Compare, Plan and Troubleshoot views' calls into the worker: the core's diff, plan and
// symptom search run here, next to the open documents (their keys never leave the worker).
// Only JSON-safe results travel back.
import type { Environment } from '../../shared/environment/types.js';
import type { EstateAudit } from '../../shared/estate/auditTypes.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';
import { diffCertificates } from '../../shared/renewal/diff.js';
import type { DiffResult, DiffSide } from '../../shared/renewal/diffTypes.js';
import { buildPlan } from '../../shared/renewal/plan.js';
import { planToCsv, planToIcs } from '../../shared/renewal/planCalendar.js';
import { planCertificateFromFile } from '../../shared/renewal/planFiles.js';
import { planCertificatesFromSnapshot } from '../../shared/renewal/planFromSnapshot.js';
import type { PlanCertificate, RenewalPlan } from '../../shared/renewal/planTypes.js';
import { catalogue, checkDocuments, evaluate } from '../../shared/rules/index.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { CertificateSubject } from '../../shared/rules/engine/types.js';
import { findingsFromAudit, findingsFromChecks } from '../../shared/troubleshoot/openFindings.js';
import { why, type WhyResult } from '../../shared/troubleshoot/why.js';
import type { DecoderService } from './service.js';

/** One certificate of an open document, by its SHA-1 thumbprint (as the documents list knows it). */
export interface DocRef {
  docId: string;
  thumbprint: string;
}

export interface PlanReply {
  plan: RenewalPlan;
  /** The calendar file's text (null when the plan is empty). */
  ics: string | null;
  csv: string | null;
}

export interface RenewalWorkerApi {
  // trustedDocIds: the files marked "Trust this root" for the session, as the inspector and Commands use them.
  compare(older: DocRef, newer: DocRef, role: RoleChoice, environment: Environment, atIso: string, trustedDocIds?: readonly string[]): Promise<DiffResult>;
  renewalPlan(docIds: string[], role: RoleChoice, environment: Environment, atIso: string, snapshot: Snapshot | null, trustedDocIds?: readonly string[]): Promise<PlanReply>;
  troubleshoot(query: string, docIds: string[], role: RoleChoice, environment: Environment, atIso: string, audit: EstateAudit | null, trustedDocIds?: readonly string[]): Promise<WhyResult>;
}

/** Open documents the views look at in one call: enough for any estate's certificates. */
const MAX_DOCUMENTS = 2000;

export function renewalApi(service: DecoderService): RenewalWorkerApi {
  async function side(ref: DocRef, environment: Environment, atIso: string, trustedDocIds: readonly string[]): Promise<DiffSide> {
    // One look at the open document: its subjects (the certificates the rules judge, each with
    // its chain) carry their models, so the document itself is not fetched first.
    const { file, subjects } = await service.subjects(ref.docId, environment, atIso, trustedDocIds);
    const subject = subjects.find((s): s is CertificateSubject => s.kind === 'certificate' && s.certificate.thumbprint === ref.thumbprint);
    if (!subject) throw new Error(`${file}: the certificate chosen is not one of its server certificates (a CA certificate?); choose the server certificate.`);
    return { file, subject };
  }

  return {
    async compare(older, newer, role, environment, atIso, trustedDocIds = []) {
      const at = new Date(atIso);
      return diffCertificates(await side(older, environment, atIso, trustedDocIds), await side(newer, environment, atIso, trustedDocIds), { role, environment, at });
    },

    async renewalPlan(docIds, role, environment, atIso, snapshot, trustedDocIds = []) {
      const at = new Date(atIso);
      const certificates: PlanCertificate[] = [];
      const notes: string[] = [];
      for (const docId of docIds.slice(0, MAX_DOCUMENTS)) {
        const { file, subjects } = await service.subjects(docId, environment, atIso, trustedDocIds).catch((error: unknown) => {
          // Closed since the view asked: left out of the plan. Anything else is the plan's failure.
          if (!service.openIds().includes(docId)) return { file: '', subjects: [] };
          throw error;
        });
        for (const subject of subjects) {
          if (subject.kind !== 'certificate') continue;
          certificates.push(planCertificateFromFile(file, subject, evaluate(subject, role, environment, at), environment));
        }
      }
      if (snapshot) {
        const fromEstate = planCertificatesFromSnapshot(snapshot, 'the estate');
        certificates.push(...fromEstate.certificates);
        notes.push(...fromEstate.notes);
      }
      const plan = buildPlan(certificates, { at, environment });
      plan.notes.push(...notes);
      const empty = plan.entries.length === 0;
      return { plan, ics: empty ? null : planToIcs(plan), csv: empty ? null : planToCsv(plan) };
    },

    async troubleshoot(query, docIds, role, environment, atIso, audit, trustedDocIds = []) {
      const at = new Date(atIso);
      const inputs = (await service.documents(docIds.slice(0, MAX_DOCUMENTS))).map(({ file, document }) => ({ file, document }));
      // The roots trusted for the session anchor chains here as the CLI's trusted-CA files do.
      const trustCertificates = (await service.documents(trustedDocIds)).flatMap((d) => d.document.certificates);
      const findings = findingsFromChecks(await checkDocuments(inputs, { role, environment, at, trustCertificates }));
      if (audit) findings.push(...findingsFromAudit(audit, 'the estate'));
      return why(query, { entries: catalogue(), findings, ...(role !== 'auto' && role !== 'general' ? { role } : {}) });
    },
  };
}
