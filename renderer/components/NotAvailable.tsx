// An honest placeholder for a part of the core that this build does not contain yet.
export function NotAvailable({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="not-available" role="note">
      <h3>{title}</h3>
      <p>{children ?? 'This part of CertBench is not available in this build yet.'}</p>
    </div>
  );
}
