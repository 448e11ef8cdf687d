// Runs one role's rules on one open certificate in the worker and turns the result into the
// Commands page's gate (shared/commands/certificateGate.ts): block, warn or pass.
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

export function useRoleCheck(certificate: CheckedCertificate | null, role: RoleId, environment: Environment): RoleCheck {
  const { worker } = useServices();
  const [check, setCheck] = useState<{ key: string; result: RoleCheck } | null>(null);
  const key = certificate ? `${certificate.docId}\n${certificate.certIndex}\n${role}\n${JSON.stringify(environment)}` : null;
  useEffect(() => {
    if (!certificate || !key) return;
    let cancelled = false;
    worker.evaluate(certificate.docId, certificate.certIndex, role, environment, new Date().toISOString()).then(
      (checked) => !cancelled && setCheck({ key, result: { state: 'done', gate: certificateGate(checked.evaluation, role, certificate) } }),
      (error: Error) => !cancelled && setCheck({ key, result: { state: 'error', message: error.message } }),
    );
    return () => {
      cancelled = true;
    };
    // key stands for the certificate, the role and the environment
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, worker]);
  if (!certificate) return { state: 'none' };
  return check?.key === key ? check.result : { state: 'checking' };
}
