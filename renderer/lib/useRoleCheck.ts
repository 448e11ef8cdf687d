// Runs one role's rules on one open certificate in the worker and turns the result into the
// Commands page's gate (shared/commands/certificateGate.ts): block, warn or pass. The chain is
// built as the workbench builds it — the open files, the environment's roots and the roots the
// user trusted for this session (the workbench state's trustedDocIds) — so a root trusted in the
// Chain tab is trusted here too.
import { useEffect, useState } from 'react';
import { certificateGate, type CertificateGate } from '../../shared/commands/certificateGate.js';
import type { Environment } from '../../shared/environment/types.js';
import type { RoleId } from '../../shared/rules/engine/roles.js';
import { useServices } from '../components/context.js';

export interface CheckedCertificate {
  docId: string;
  certIndex: number;
  fileName: string;
  name: string;
  thumbprint: string;
}

export type RoleCheck = { state: 'none' } | { state: 'checking' } | { state: 'error'; message: string } | { state: 'done'; gate: CertificateGate };

/** `trustedDocIds`: the open files trusted for checks in this session (the workbench state's). */
export function useRoleCheck(certificate: CheckedCertificate | null, role: RoleId, environment: Environment, trustedDocIds: readonly string[]): RoleCheck {
  const { worker } = useServices();
  const [check, setCheck] = useState<{ key: string; result: RoleCheck } | null>(null);
  const key = certificate ? `${certificate.docId}\n${certificate.certIndex}\n${role}\n${JSON.stringify(environment)}\n${[...trustedDocIds].sort().join(',')}` : null;
  useEffect(() => {
    if (!certificate || !key) return;
    let cancelled = false;
    worker.evaluate(certificate.docId, certificate.certIndex, role, environment, new Date().toISOString(), [...trustedDocIds]).then(
      (checked) => !cancelled && setCheck({ key, result: { state: 'done', gate: certificateGate(checked.evaluation, role, certificate) } }),
      (error: Error) => !cancelled && setCheck({ key, result: { state: 'error', message: error.message } }),
    );
    return () => {
      cancelled = true;
    };
    // key stands for the certificate, the role, the environment and the trusted files
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, worker]);
  if (!certificate) return { state: 'none' };
  return check?.key === key ? check.result : { state: 'checking' };
}
