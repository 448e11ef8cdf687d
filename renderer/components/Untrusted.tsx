// Text written by strangers — a CN, a SAN, a file name, a finding that quotes them — shown so it
// can neither reorder what is around it nor hide anything: isolated in <bdi> (unicode-bidi:
// isolate), and every invisible or bidi character (shared/encoding/invisibleCharacters.ts, the
// same set the HTML report and the rule general.invisible-characters use) shown as a visible
// marker "[U+202E]" whose tooltip names it. The common case (no such character) is one <bdi>.
import { hasInvisible, invisibleMarker, splitInvisible } from '../../shared/encoding/invisibleCharacters.js';

function parts(text: string): React.ReactNode {
  if (!hasInvisible(text)) return text;
  return splitInvisible(text).map((p, i) =>
    p.invisible ? (
      <span key={i} className="invisible-char" title={`${p.invisible.codePoint} ${p.invisible.name}: invisible in the original text`} data-testid="invisible-char">
        {invisibleMarker(p.invisible)}
      </span>
    ) : (
      p.text
    ),
  );
}

/** A name from a certificate or a file: isolated and with hidden characters marked. */
export function Untrusted({ text, className }: { text: string; className?: string }) {
  return (
    <bdi className={className ? `untrusted ${className}` : 'untrusted'} data-untrusted="">
      {parts(text)}
    </bdi>
  );
}

/** A sentence that quotes names (a finding's detail): hidden characters marked, the sentence itself not isolated. */
export function Visible({ text }: { text: string }) {
  return <>{parts(text)}</>;
}
