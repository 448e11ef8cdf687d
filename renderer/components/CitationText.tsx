// A citation as people read it (no internal source ids) followed by one small link per document
// it cites, so "where does this come from" is one click from every finding and rule — the
// addresses come from the core (citationLinks), the same ones the sources page lists.
import { citationLinks } from '../../shared/rules/helpers/citationLinks.js';
import { forPeople } from '../../shared/words/forPeople.js';

export function CitationText({ citation, onOpenUrl }: { citation: string; onOpenUrl(url: string): void }) {
  const links = citationLinks(citation);
  return (
    <>
      {forPeople(citation)}
      {links.map((link) => (
        <span key={link.url}>
          {' '}
          <button
            type="button"
            className="link-btn citation-link"
            onClick={(e) => (e.stopPropagation(), onOpenUrl(link.url))}
            title={link.confirmed ? link.url : `${link.url} (address not confirmed)`}
            aria-label={`Open the source on ${link.host}${link.confirmed ? '' : ' (address not confirmed)'}`}
          >
            {link.host}
            {link.confirmed ? '' : ' (unconfirmed address)'} ↗
          </button>
        </span>
      ))}
    </>
  );
}
