// The certificate (or request) as PEM, with copy and save. A certificate is saved under its own
// name (not the container's): "Save as CER" writes DER, as Windows' export does; "Save as PEM"
// writes the text shown.
import { fromBase64 } from '../../shared/encoding/base64.js';
import { CopyButton } from '../components/CopyButton.js';
import { useServices } from '../components/context.js';

export function RawTab({ pem, baseName, derBase64, kind }: { pem: string; baseName: string; derBase64: string; kind: 'certificate' | 'request' }) {
  const { platform, notify } = useServices();
  const save = async (suggestedName: string, data: string | Uint8Array, mimeType: string) => {
    const saved = await platform.saveFile({ suggestedName, data, mimeType });
    if (saved) notify(`Saved to ${saved.where}`);
  };
  const der = kind === 'certificate' ? fromBase64(derBase64) : null;
  return (
    <div className="pad raw">
      <div className="raw-actions">
        <CopyButton text={pem} label="Copy PEM" />
        {kind === 'certificate' ? (
          <>
            {der ? (
              <button type="button" className="btn btn-small" title={`${baseName}.cer (DER)`} onClick={() => void save(`${baseName}.cer`, der, 'application/pkix-cert')}>
                Save as CER
              </button>
            ) : null}
            <button type="button" className="btn btn-small" title={`${baseName}.pem`} onClick={() => void save(`${baseName}.pem`, pem, 'application/x-pem-file')}>
              Save as PEM
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-small" title={`${baseName}.req`} onClick={() => void save(`${baseName}.req`, pem, 'application/pkcs10')}>
            Save as REQ
          </button>
        )}
      </div>
      <pre className="mono pem" tabIndex={0}>
        {pem}
      </pre>
    </div>
  );
}
