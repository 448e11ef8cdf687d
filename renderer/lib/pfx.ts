// The PFX encryption profile in the words an Exchange admin needs (PFX-01..04).
import type { Pkcs12Info } from '../../shared/model/document.js';

export interface PfxBadge {
  text: string;
  tone: 'ok' | 'warn' | 'info';
  hint: string;
}

export function pfxBadge(container: Pkcs12Info): PfxBadge {
  const ciphers = [...new Set(container.protections.map((p) => p.cipher))].join(' + ');
  switch (container.profile) {
    case 'aes':
      return {
        text: `PFX: ${ciphers || 'AES-256'} (Server 2019+ only)`,
        tone: 'warn',
        hint: 'Windows Server 2016 and 2012 R2 cannot import AES-encrypted PFX files and say the password is wrong. Re-export with TripleDES_SHA1 for them.',
      };
    case '3des':
      return { text: `PFX: ${ciphers || '3DES'}`, tone: 'ok', hint: 'TripleDES: every Windows version imports it.' };
    case 'rc2-3des':
      return {
        text: `PFX: ${ciphers || 'RC2-40 + 3DES'} (legacy)`,
        tone: 'info',
        hint: "Windows' classic export. Windows imports it; OpenSSL 3 needs -legacy to read it.",
      };
    case 'mixed':
      return { text: `PFX: ${ciphers} (mixed)`, tone: 'info', hint: 'Different parts use different ciphers.' };
    default:
      return { text: 'PFX: not encrypted', tone: 'warn', hint: 'The PFX carries no encryption.' };
  }
}
