// URLs from a certificate are untrusted text: shown, copyable, and opened only when the user
// clicks "Open", and only for http(s).
import { useServices } from '../components/context.js';
import { Untrusted } from '../components/Untrusted.js';

export function UrlList({ urls, empty }: { urls: string[]; empty: string }) {
  const { platform } = useServices();
  if (urls.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="urls">
      {urls.map((url) => (
        <li key={url}>
          <code className="mono small wrap">
            <Untrusted text={url} />
          </code>
          {/^https?:\/\//i.test(url) ? (
            <button type="button" className="link-btn" onClick={() => void platform.openExternal(url)} title={`Open ${url} in your browser`}>
              Open
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
