// The rule catalogue is found by what an admin has in front of them: an event id, an error
// code, a line of log text (issue 14). The CLI and the app's Rules view both call this search.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../shared/rules/catalogueEntries.js';
import { searchCatalogue } from '../../shared/rules/searchCatalogue.js';

const ids = (q: string) => searchCatalogue(catalogue(), q).map((e) => e.id);

describe('searchCatalogue', () => {
  it('finds rules by event id, error code and message text', () => {
    expect(ids('1344')).toEqual(expect.arrayContaining(['exchange-um.cn-is-server-fqdn', 'lync.cn-not-wildcard']));
    expect(ids('0x800B010F')).toEqual(expect.arrayContaining(['exchange-um.cn-is-server-fqdn', 'lync.cn-not-wildcard']));
    expect(ids('0x800b010f')).toEqual(ids('0x800B010F'));
    expect(ids('32263')).toContain('exchange-um.cn-is-server-fqdn');
    expect(ids('"Certificate subject name is not valid"')).toContain('exchange-um.cn-is-server-fqdn');
    expect(ids('14563')).toContain('owa-im.known-servers-conflict');
    expect(ids('14563 2010')).toContain('owa-im.known-servers-conflict');
    expect(ids('1079')).toContain('general.key-provider-cng');
    expect(ids('trust prompt')).toContain('edge-external.san-required-names');
    expect(ids('U+200E')).toContain('owa-im.thumbprint-matches');
    // The seeds' own words: UMCore's log line, the Lync trust prompt for auto-discovered servers
    // outside the SIP domains (seed 004), and event 14563 on Lync 2010 (ignorable, 14493) vs 2013.
    expect(ids('SipPeerManager')).toContain('exchange-um.cn-is-server-fqdn');
    expect(ids('"outside the SIP domains"')).toContain('edge-external.san-required-names');
    expect(ids('14563 14493 "Lync Server 2013"')).toContain('owa-im.known-servers-conflict');
  });

  it('finds a rule by a declared outcome code or its title (what was found)', () => {
    expect(ids('exchange-um.cn-is-server-fqdn/san-only')).toEqual(['exchange-um.cn-is-server-fqdn']);
    expect(ids('"UM server FQDN is only in the SAN"')).toContain('exchange-um.cn-is-server-fqdn');
    expect(ids('"Certificate is self-signed"')).toEqual(expect.arrayContaining(['lync.not-self-signed', 'edge-external.public-ca']));
    expect(ids('estate.owa-im-thumbprint-is-iis/invisible')).toEqual(['estate.owa-im-thumbprint-is-iis']);
  });

  it('a number stands alone ("134" is not "1344"); every term must match; empty query lists all', () => {
    expect(ids('134')).not.toContain('exchange-um.cn-is-server-fqdn');
    expect(ids('1344 wildcard')).toContain('lync.cn-not-wildcard');
    expect(ids('1344 no-such-word')).toEqual([]);
    expect(ids('')).toHaveLength(catalogue().length);
  });
});
