// About: what CertBench is and the promise that nothing leaves the machine.
export function AboutView({ kind }: { kind: 'electron' | 'web' }) {
  return (
    <section className="tool-view" aria-label="About CertBench">
      <h2>About CertBench</h2>
      <p>
        A certificate workbench for Exchange and Lync / Skype for Business: inspect PFX, CER, P7B and request files, check them against the rules of
        the role they will play, draft compliant requests and write the PowerShell that installs them.
      </p>
      <p>
        <strong>Nothing leaves this machine.</strong> Files are decoded in this {kind === 'web' ? 'browser tab' : 'app'}; there is no server, no
        telemetry and no network request. Passwords are used once and not stored; private keys stay in memory and are only ever saved encrypted.
      </p>
      <p className="muted">{kind === 'web' ? 'Web edition' : 'Desktop edition'}</p>
    </section>
  );
}
