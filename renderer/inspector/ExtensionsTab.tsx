// Every extension, decoded, with its critical flag.
import type { Extension } from '../../shared/model/certificate.js';
import { Untrusted } from '../components/Untrusted.js';

export function ExtensionsTab({ extensions }: { extensions: Extension[] }) {
  if (extensions.length === 0) return <p className="muted pad">No extensions (a version 1 certificate).</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Extension</th>
          <th scope="col">Critical</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {extensions.map((ext, i) => (
          <tr key={`${ext.oid}-${i}`}>
            <td>
              <div>{ext.name}</div>
              <div className="muted small mono">{ext.oid}</div>
            </td>
            <td>{ext.critical ? <strong>critical</strong> : <span className="muted">no</span>}</td>
            <td>
              {ext.lines.map((line, j) => (
                <div key={j} className="ext-line">
                  <Untrusted text={line} />
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
