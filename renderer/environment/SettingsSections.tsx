// The Environment editor's domains, OWA IM, Exchange AuthConfig and trusted roots sections.
import { FieldRow } from '../components/FieldRow.js';
import { ListInput, TextInput, FieldMessages } from './fields.js';
import { clean, type EnvironmentDraft } from './useEnvironmentDraft.js';

export function DomainsSection({ draft }: { draft: EnvironmentDraft }) {
  const { env, set } = draft;
  return (
    <fieldset className="section">
      <legend>Domains</legend>
      <div className="grid-2">
        <FieldRow caption="SIP domains"><ListInput label="SIP domains" value={env.sipDomains} onChange={(list) => set({ sipDomains: list })} placeholder="contoso.com, fabrikam.com" problems={draft.problemsAt('sipDomains', true)} /></FieldRow>
        <FieldRow caption="SMTP domains"><ListInput label="SMTP domains" value={env.smtpDomains} onChange={(list) => set({ smtpDomains: list })} placeholder="contoso.com" problems={draft.problemsAt('smtpDomains', true)} /></FieldRow>
      </div>
    </fieldset>
  );
}

export function OwaImSection({ draft }: { draft: EnvironmentDraft }) {
  const { env, set } = draft;
  const owa = (patch: Record<string, string>) => set({ owaIm: clean({ ...env.owaIm, ...patch }) });
  return (
    <fieldset className="section">
      <legend>OWA IM</legend>
      <div className="grid-2">
        <FieldRow caption="Trusted application pool FQDN"><TextInput label="OWA trusted application pool FQDN" value={env.owaIm?.trustedApplicationPoolFqdn} onChange={(v) => owa({ trustedApplicationPoolFqdn: v })} placeholder="mail.contoso.com" problems={draft.problemsAt('owaIm.trustedApplicationPoolFqdn')} /></FieldRow>
        <FieldRow caption="IMServerName (Lync pool)"><TextInput label="IM server name" value={env.owaIm?.imServerName} onChange={(v) => owa({ imServerName: v })} placeholder="pool01.contoso.com" problems={draft.problemsAt('owaIm.imServerName')} /></FieldRow>
        <FieldRow caption="IMCertificateThumbprint as configured (paste it exactly)" wide><TextInput label="Configured IM certificate thumbprint" mono value={env.owaIm?.certificateThumbprint} onChange={(v) => owa({ certificateThumbprint: v })} problems={draft.problemsAt('owaIm.certificateThumbprint')} /></FieldRow>
      </div>
    </fieldset>
  );
}

export function AuthConfigSection({ draft }: { draft: EnvironmentDraft }) {
  const { env, set } = draft;
  const auth = (patch: Record<string, string>) => set({ authConfig: clean({ ...env.authConfig, ...patch }) });
  return (
    <fieldset className="section">
      <legend>Exchange AuthConfig</legend>
      <div className="grid-2">
        <FieldRow caption="CurrentCertificateThumbprint" wide><TextInput label="AuthConfig current thumbprint" mono value={env.authConfig?.currentCertificateThumbprint} onChange={(v) => auth({ currentCertificateThumbprint: v })} problems={draft.problemsAt('authConfig.currentCertificateThumbprint')} /></FieldRow>
        <FieldRow caption="NextCertificateThumbprint" wide><TextInput label="AuthConfig next thumbprint" mono value={env.authConfig?.nextCertificateThumbprint} onChange={(v) => auth({ nextCertificateThumbprint: v })} problems={draft.problemsAt('authConfig.nextCertificateThumbprint')} /></FieldRow>
      </div>
    </fieldset>
  );
}

export function TrustedRootsSection({ draft }: { draft: EnvironmentDraft }) {
  const { env, set } = draft;
  const count = (env.trustedRoots ?? []).length;
  return (
    <fieldset className="section">
      <legend>Trusted internal roots</legend>
      <p className="muted small">
        {count} root{count === 1 ? '' : 's'}. Paste PEM certificates of your internal root CAs (certificates only — never keys).
      </p>
      <textarea
        className="mono"
        rows={4}
        aria-label="Trusted roots as PEM"
        spellCheck={false}
        defaultValue={(env.trustedRoots ?? []).join('\n')}
        key={env.name}
        onBlur={(e) => {
          const blocks = e.target.value.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
          set({ trustedRoots: blocks.map((b) => b.trim() + '\n') });
        }}
      />
      <FieldMessages id="trusted-roots-problems" messages={draft.problemsAt('trustedRoots', true)} />
    </fieldset>
  );
}
