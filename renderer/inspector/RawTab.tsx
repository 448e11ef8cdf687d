// The certificate (or request) as PEM, with copy and save.
import { CopyButton } from '../components/CopyButton.js';
import { useServices } from '../components/context.js';

export function RawTab({ pem, fileName }: { pem: string; fileName: string }) {
  const { platform, notify } = useServices();
  return (
    <div className="pad raw">
      <div className="raw-actions">
        <CopyButton text={pem} label="Copy PEM" />
        <button
          type="button"
          className="btn btn-small"
          onClick={async () => {
            const saved = await platform.saveFile({ suggestedName: fileName, data: pem, mimeType: 'application/x-pem-file' });
            if (saved) notify(`Saved to ${saved.where}`);
          }}
        >
          Save as {fileName.split('.').pop()?.toUpperCase()}
        </button>
      </div>
      <pre className="mono pem" tabIndex={0}>
        {pem}
      </pre>
    </div>
  );
}
