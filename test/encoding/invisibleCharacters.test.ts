// The one set of invisible and bidi characters every shell marks (issue 18.7).
import { describe, expect, it } from 'vitest';
import { displayText } from '../../shared/encoding/displayText.js';
import { hasInvisible, invisibleCharacters, isolatedText, showInvisible, splitInvisible } from '../../shared/encoding/invisibleCharacters.js';

describe('invisibleCharacters', () => {
  it('finds bidi controls, zero-width characters, controls and tag characters, once each', () => {
    const found = invisibleCharacters('a\u202eb\u200bc\u202ed\u0000e\u{e0041}f\ufeff');
    expect(found.map((c) => c.codePoint)).toEqual(['U+202E', 'U+200B', 'U+0000', 'U+E0041', 'U+FEFF']);
    expect(found[0]).toEqual({ codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', bidi: true });
    expect(found[1]!.bidi).toBe(false);
    expect(hasInvisible('ex1.contoso.com')).toBe(false);
    expect(hasInvisible('ex1\u2066.contoso.com')).toBe(true);
    expect(invisibleCharacters('ex1.contoso.com Contoso Ltd, Zürich, 東京')).toEqual([]);
  });

  it('splits a name into plain runs and markers, and shows markers in plain text', () => {
    expect(splitInvisible('ex1.contoso.com\u202emoc.live')).toEqual([
      { text: 'ex1.contoso.com' },
      { text: '\u202e', invisible: { codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', bidi: true } },
      { text: 'moc.live' },
    ]);
    expect(splitInvisible('')).toEqual([{ text: '' }]);
    expect(showInvisible('ex1\u200b.contoso.com\u{e0041}')).toBe('ex1[U+200B].contoso.com[U+E0041]');
  });

  it('the terminal escapes zero-width characters too', () => {
    expect(displayText('ex1\u200b.contoso.com\ufeff')).toBe('ex1\\u{200B}.contoso.com\\u{FEFF}');
  });
});

describe('isolatedText (plain-text isolation for an <option> or a tooltip)', () => {
  it('wraps the name in FSI … PDI with its own hidden characters as markers', () => {
    expect(isolatedText('ex1.contoso.com\u202emoc.live')).toBe('\u2068ex1.contoso.com[U+202E]moc.live\u2069');
    expect(isolatedText('ex1\u2069\u200b')).toBe('\u2068ex1[U+2069][U+200B]\u2069');
    expect(isolatedText('plain')).toBe('\u2068plain\u2069');
  });
});
