// The forms people write for a product version, read to the one canonical value.
import { describe, expect, it } from 'vitest';
import { validateEnvironment } from '../../shared/environment/validate.js';
import { readExchangeVersion, readSfbVersion, readWindowsVersion } from '../../shared/environment/versions.js';

describe('product versions as people write them', () => {
  it('Exchange: the year, the product name and the build', () => {
    const cases: [unknown, string | undefined][] = [
      ['2016', '2016'], [2016, '2016'], ['Exchange 2019', '2019'], ['Exchange Server 2016', '2016'], ['exchange2013', '2013'],
      ['15.1', '2016'], ['15.2', '2019'], ['15.0', '2013'], ['15.1.2507.6', '2016'], ['15.2.1544.4', '2019'], ['15.2.2562.17', 'SE'],
      ['14.0', '2010'], ['14.3', '2010SP1'], ['Exchange 2010 SP3', '2010SP1'], ['2010sp1', '2010SP1'],
      ['SE', 'SE'], ['Exchange Server Subscription Edition', 'SE'],
      ['2020', undefined], ['15.3', undefined], ['16.0', undefined], ['', undefined], [true, undefined], ['Lync 2013', undefined],
    ];
    for (const [input, want] of cases) expect([input, readExchangeVersion(input)]).toEqual([input, want]);
  });

  it('Lync / Skype for Business: a bare year names one product', () => {
    const cases: [unknown, string | undefined][] = [
      ['2015', 'SfB2015'], [2019, 'SfB2019'], ['2013', 'Lync2013'], ['2010', 'Lync2010'],
      ['Skype for Business Server 2015', 'SfB2015'], ['SfB 2019', 'SfB2019'], ['sfb2015', 'SfB2015'], ['Lync Server 2013', 'Lync2013'],
      ['Skype for Business Server Subscription Edition', 'SE'], ['SE', 'SE'],
      ['Lync 2015', undefined], ['Skype for Business 2013', undefined], ['2016', undefined], ['6.0', undefined],
    ];
    for (const [input, want] of cases) expect([input, readSfbVersion(input)]).toEqual([input, want]);
  });

  it('Windows Server', () => {
    expect(readWindowsVersion('2012 R2')).toBe('2012R2');
    expect(readWindowsVersion('Windows Server 2019 Datacenter')).toBe('2019');
    expect(readWindowsVersion(2022)).toBe('2022');
    expect(readWindowsVersion('2003')).toBeUndefined();
  });

  it('the validator stores the canonical value and refuses what names no version', () => {
    const { environment, errors } = validateEnvironment({
      exchangeServers: [{ fqdn: 'ex1.contoso.com', version: 'Exchange 2019' }, { fqdn: 'ex2.contoso.com', version: '15.1' }],
      sfbPools: [{ fqdn: 'pool.contoso.com', version: 'Skype for Business Server 2015' }],
      edgePools: [{ internalFqdn: 'edge.contoso.local', version: '2015' }],
    });
    expect(errors).toEqual([]);
    expect(environment.exchangeServers!.map((s) => s.version)).toEqual(['2019', '2016']);
    expect(environment.sfbPools![0]!.version).toBe('SfB2015');
    expect(environment.edgePools![0]!.version).toBe('SfB2015');
    expect(validateEnvironment({ sfbPools: [{ fqdn: 'pool.contoso.com', version: 2016 }] }).errors).toEqual([
      'sfbPools[0].version must be one of Lync2010, Lync2013, SfB2015, SfB2019, SE (got number 2016)',
    ]);
  });

  it('problems carry the field they are about, for the editor', () => {
    const { problems } = validateEnvironment({ exchangeServers: [{ fqdn: 'ex1 contoso' }], sipDomains: ['contoso.com', 'a b'] });
    expect(problems).toEqual([
      { path: 'exchangeServers[0].fqdn', message: 'must be a host name such as ex1.contoso.com (got "ex1 contoso")' },
      { path: 'sipDomains[1]', message: 'must be a host name such as ex1.contoso.com (got "a b")' },
    ]);
  });
});

describe('versions as server output prints them', () => {
  it('Get-ExchangeServer AdminDisplayVersion and Get-CsService versions', () => {
    expect(readExchangeVersion('Version 15.1 (Build 2507.6)')).toBe('2016');
    expect(readExchangeVersion('Version 15.2 (Build 1544.4)')).toBe('2019');
    expect(readExchangeVersion('Version 15.2 (Build 2562.17)')).toBe('SE');
    expect(readExchangeVersion('Version 14.3 (Build 123.4)')).toBe('2010SP1');
    expect(readSfbVersion('Skype for Business Server 2015 Enterprise Edition (6.0.9319.0)')).toBe('SfB2015');
    expect(readSfbVersion('Lync Server 2013 Standard Edition')).toBe('Lync2013');
  });
});
