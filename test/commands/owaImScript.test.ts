// The OWA IM script as an expert reads it (issue 14 "Scripts that would fail or hurt"), judged
// from the parsed script (tree-sitter-powershell), not from its text alone:
// - 2016/2019: the refresh and the OWA app-pool recycle run on EVERY server used for OWA
//   (S12: "on every Exchange 2016 or Exchange 2019 server that's used for Outlook on the web"),
//   the override is organisation-wide, and the effective value is read back per server;
// - 2010 SP1: every OWA virtual directory (seed 003: "critical if you are load balancing");
// - 2013: Set-OwaMailboxPolicy, and a missing event 112 does not stop the script;
// - Lync: -Site takes the SiteId; no trusted application pool named after a SipName host;
// - CN checks find CN= anywhere in the subject; restarts say they belong in a maintenance window;
// - Exchange 2010 scripts use PowerShell 2.0 only.
import { describe, expect, it } from 'vitest';
import { commandsFor, commandsWithNotices } from '../../shared/commands/commandsFor.js';
import type { CommandOptions } from '../../shared/commands/options.js';
import { owaImMaintenanceNotice } from '../../shared/commands/owaImMaintenance.js';
import type { Environment } from '../../shared/environment/types.js';
import { forPeople } from '../../shared/words/forPeople.js';
import { CONTOSO } from '../csr/environment.js';
import { parsePowerShell, psFacts, type Node } from '../collector/psAst.js';

const T = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011';
const THREE_SERVERS: Environment = {
  ...CONTOSO,
  exchangeServers: [
    { fqdn: 'ex1.contoso.com', version: '2019', roles: ['Mailbox'] },
    { fqdn: 'ex2.contoso.com', version: '2019', roles: ['Mailbox'] },
    { fqdn: 'ex3.contoso.com', version: 'SE', roles: ['Mailbox'] },
    { fqdn: 'edge1.contoso.com', version: '2019', roles: ['EdgeTransport'] },
  ],
};

function owaIm(options: Partial<CommandOptions>): string {
  return commandsFor({ role: 'owa-im', thumbprint: T, ...options });
}

/**
 * Syntax problems tree-sitter-powershell finds. Its grammar does not know a bare-word list as a
 * command argument (`Format-List Identity,Port`, valid PowerShell since 1.0) and reports a
 * missing node after each comma: those are left out, every other problem counts.
 */
function parseProblems(script: string): string[] {
  return psFacts(script).problems.filter((p) => !/^missing\s+at line \d+: ,[A-Za-z*]/.test(p));
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

/** The commands (full text) inside `foreach ($owaServer in $<list>) { … }` loops. */
function commandsInServerLoops(script: string, list: string): string[] {
  const found: string[] = [];
  walk(parsePowerShell(script).rootNode, (n) => {
    if (n.type !== 'foreach_statement' || !new RegExp(`^foreach\\s*\\(\\s*\\$owaServer\\s+in\\s+\\$${list}\\s*\\)`, 'i').test(n.text)) return;
    walk(n, (c) => {
      if (c.type === 'command') found.push(c.text.trim());
    });
  });
  return found;
}

/** The array a script assigns to `$name = @(...)`, as the strings in it. */
function assignedList(script: string, name: string): string[] {
  const line = script.split('\n').find((l) => l.startsWith(`$${name} = @(`));
  expect(line, `$${name} is assigned`).toBeDefined();
  return [...line!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

describe('OWA IM on Exchange 2016 / 2019: every server used for OWA', () => {
  for (const exchangeVersion of ['2016', '2019'] as const) {
    it(`${exchangeVersion}: refreshes and recycles OWA on each server of the environment, remotely`, () => {
      const script = owaIm({ environment: THREE_SERVERS, exchangeVersion });
      expect(parseProblems(script)).toEqual([]);
      // Every Mailbox server of the family, never the Edge Transport server.
      expect(assignedList(script, 'owaServers')).toEqual(['ex1.contoso.com', 'ex2.contoso.com', 'ex3.contoso.com']);
      const inLoop = commandsInServerLoops(script, 'owaServers');
      expect(inLoop.some((c) => /^Get-ExchangeDiagnosticInfo -Server \$owaServerName -Process Microsoft\.Exchange\.Directory\.TopologyService -Component VariantConfiguration -Argument Refresh/.test(c))).toBe(true);
      const recycle = inLoop.find((c) => /^Invoke-Command -ComputerName \$owaServer /.test(c));
      expect(recycle).toMatch(/Restart-WebAppPool -Name 'MSExchangeOWAAppPool'/);
      // The effective value, read back on every server (S12 "How do you know this worked?").
      expect(inLoop.some((c) => c.includes("-Process MSExchangeMailboxAssistants -Component VariantConfiguration -Argument 'Config,Component=OwaServer'"))).toBe(true);
      // No restart outside the loop (that would recycle only the server the shell runs on).
      const facts = psFacts(script);
      const restarts = facts.commands.filter((c) => c.name === 'Restart-WebAppPool');
      expect(restarts.length).toBeGreaterThan(0);
      expect(restarts.every((c) => c.inScriptBlock)).toBe(true);
    });
  }

  it('writes one organisation-wide override (no -Server), so no server is left out', () => {
    const script = owaIm({ environment: THREE_SERVERS, exchangeVersion: '2019', server: 'ex1.contoso.com' });
    const news = psFacts(script).commands.filter((c) => c.name === 'New-SettingOverride');
    expect(news).toHaveLength(1);
    expect(news[0]!.elements).not.toContain('-Server');
  });

  it('checks the certificate on every server before the override is written', () => {
    const script = owaIm({ environment: THREE_SERVERS, exchangeVersion: '2016' });
    const inLoop = commandsInServerLoops(script, 'owaServers');
    expect(inLoop.some((c) => /^Get-ExchangeCertificate -Server \$owaServer -Thumbprint \$thumbprint/.test(c))).toBe(true);
    expect(script.indexOf('Get-ExchangeCertificate -Server $owaServer')).toBeLessThan(script.indexOf('New-SettingOverride'));
  });

  it('with no server in the environment, uses the one given and says the list is incomplete', () => {
    const script = owaIm({ environment: { owaIm: CONTOSO.owaIm, sfbPools: CONTOSO.sfbPools }, exchangeVersion: '2016', server: 'ex9.contoso.com' });
    expect(assignedList(script, 'owaServers')).toEqual(['ex9.contoso.com']);
    expect(script).toMatch(/# WARNING: the environment lists no Exchange servers used for Outlook on the web/);
  });
});

describe('OWA IM on Exchange 2010 SP1 and 2010 RTM: every Client Access server', () => {
  const env2010: Environment = {
    ...CONTOSO,
    exchangeServers: [
      { fqdn: 'cas1.contoso.com', version: '2010SP1', roles: ['ClientAccess'] },
      { fqdn: 'cas2.contoso.com', version: '2010SP1', roles: ['ClientAccess', 'HubTransport'] },
      { fqdn: 'mbx1.contoso.com', version: '2010SP1', roles: ['Mailbox'] },
    ],
  };

  it('2010 SP1 sets the OWA virtual directory of each Client Access server and resets IIS there', () => {
    const script = owaIm({ environment: env2010, exchangeVersion: '2010SP1', server: 'cas1.contoso.com' });
    expect(assignedList(script, 'owaServers')).toEqual(['cas1.contoso.com', 'cas2.contoso.com']);
    const inLoop = commandsInServerLoops(script, 'owaServers');
    expect(inLoop.some((c) => /^Get-OwaVirtualDirectory -Server \$owaServer$/.test(c))).toBe(true);
    expect(inLoop.some((c) => /^Set-OwaVirtualDirectory .*-InstantMessagingCertificateThumbprint \$thumbprint -InstantMessagingServerName \$imServerName/.test(c))).toBe(true);
    expect(inLoop).toContain('iisreset $owaServer /noforce');
    // An OWA virtual directory on a server the environment forgot is reported.
    expect(script).toMatch(/Get-OwaVirtualDirectory \| Where-Object \{ \$owaServerNames -notcontains/);
  });

  it('2010 RTM writes web.config on each Client Access server through Invoke-Command', () => {
    const script = owaIm({ environment: env2010, exchangeVersion: '2010' });
    const inLoop = commandsInServerLoops(script, 'owaServers');
    expect(inLoop.some((c) => /^Invoke-Command -ComputerName \$owaServer -ScriptBlock \$owaImWebConfig -ArgumentList \$imServerName, \$imIssuer, \$imSerial/.test(c))).toBe(true);
  });

  for (const exchangeVersion of ['2010', '2010SP1'] as const) {
    it(`${exchangeVersion}: PowerShell 2.0 only (no -Raw, no ::new(, no IsNullOrWhiteSpace)`, () => {
      const script = owaIm({ environment: env2010, exchangeVersion });
      const facts = psFacts(script);
      expect(parseProblems(script)).toEqual([]);
      expect(facts.commands.flatMap((c) => c.elements).filter((e) => /^-Raw$/i.test(e))).toEqual([]);
      expect(facts.methods.filter((m) => m.isStatic && /^(new|IsNullOrWhiteSpace)$/i.test(m.method))).toEqual([]);
      expect(script).not.toMatch(/::new\(|IsNullOrWhiteSpace|-Raw\b/);
    });
  }
});

describe('OWA IM on Exchange 2013', () => {
  const env2013: Environment = {
    ...CONTOSO,
    exchangeServers: [
      { fqdn: 'cas1.contoso.com', version: '2013', roles: ['ClientAccess'] },
      { fqdn: 'mbx1.contoso.com', version: '2013', roles: ['Mailbox'] },
      { fqdn: 'mbx2.contoso.com', version: '2013', roles: ['Mailbox'] },
    ],
  };

  it('enables IM in the OWA mailbox policies (Set-OwaMailboxPolicy -InstantMessagingEnabled $true -InstantMessagingType OCS)', () => {
    const script = owaIm({ environment: env2013, exchangeVersion: '2013' });
    const set = psFacts(script).commands.find((c) => c.name === 'Set-OwaMailboxPolicy');
    expect(set?.elements.join(' ')).toBe('-InstantMessagingEnabled $true -InstantMessagingType OCS');
  });

  it('virtual directories on the Client Access servers, web.config on every Mailbox server', () => {
    const script = owaIm({ environment: env2013, exchangeVersion: '2013' });
    expect(assignedList(script, 'owaServers')).toEqual(['cas1.contoso.com']);
    expect(assignedList(script, 'owaMailboxServers')).toEqual(['mbx1.contoso.com', 'mbx2.contoso.com']);
    expect(commandsInServerLoops(script, 'owaMailboxServers').some((c) => /^Invoke-Command -ComputerName \$owaServer -ScriptBlock \$owaImWebConfig/.test(c))).toBe(true);
  });

  it('a missing event 112 does not throw under $ErrorActionPreference = Stop', () => {
    const script = owaIm({ environment: env2013, exchangeVersion: '2013' });
    expect(script).toContain("$ErrorActionPreference = 'Stop'");
    const events = psFacts(script).commands.filter((c) => /^Get-(WinEvent|EventLog)$/i.test(c.name));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      const silent = e.elements.join(' ').match(/-ErrorAction (SilentlyContinue|Ignore)\b/i);
      expect(silent !== null || e.inTry, `${e.name} at line ${e.line} must not stop the script when no event matches`).toBe(true);
    }
  });
});

describe('the Lync / SfB side', () => {
  it('-Site is the SiteId of the registrar pool site, not the site Identity', () => {
    const script = owaIm({ environment: CONTOSO, exchangeVersion: '2016' });
    const pool = psFacts(script).commands.find((c) => c.name === 'New-CsTrustedApplicationPool');
    expect(pool).toBeDefined();
    const site = pool!.elements[pool!.elements.indexOf('-Site') + 1];
    expect(site).toBe('$siteId');
    expect(script).toMatch(/^\$siteId = \$site\[0\]\.SiteId$/m);
    expect(script).toMatch(/Get-CsSite \| Where-Object \{ \[string\]\$_\.Identity -eq \$registrarSite \}/);
    expect(script).toMatch(/^\$registrarSite = \[string\]\(Get-CsPool -Identity \$registrar\)\.Site$/m);
  });

  it('no trusted application pool for a Mailbox-role server that hosts a SipName dial plan (event 14563)', () => {
    const env: Environment = {
      ...CONTOSO,
      exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'], hostsSipNameDialPlan: true }],
      owaIm: { ...CONTOSO.owaIm, trustedApplicationPoolFqdn: 'ex1.contoso.com' },
    };
    const script = owaIm({ environment: env, exchangeVersion: '2016' });
    const names = psFacts(script).commands.map((c) => c.name);
    expect(names).not.toContain('New-CsTrustedApplicationPool');
    expect(names).not.toContain('New-CsTrustedApplication');
    expect(names).not.toContain('Enable-CsTopology');
    expect(script).toMatch(/ex1\.contoso\.com hosts a SipName UM dial plan/);
  });

  it('the exception follows the flag, not the roles: without hostsSipNameDialPlan the pool is created', () => {
    const env: Environment = {
      ...CONTOSO,
      exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox', 'UM', 'UMCallRouter'] }],
      owaIm: { ...CONTOSO.owaIm, trustedApplicationPoolFqdn: 'ex1.contoso.com' },
    };
    expect(psFacts(owaIm({ environment: env, exchangeVersion: '2016' })).commands.map((c) => c.name)).toContain('New-CsTrustedApplicationPool');
  });

  it('a SipName host under another name: the pool is created, and a run-time guard refuses that host name', () => {
    const env: Environment = { ...CONTOSO, exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'], hostsSipNameDialPlan: true }] };
    const script = owaIm({ environment: env, exchangeVersion: '2016' });
    expect(psFacts(script).commands.map((c) => c.name)).toContain('New-CsTrustedApplicationPool');
    expect(script).toMatch(/if \(@\('ex1\.contoso\.com'\) -contains \$owaPoolFqdn\) \{ throw /);
  });

  it('a renewal does not create the pool and the application again', () => {
    const script = owaIm({ environment: CONTOSO, exchangeVersion: '2016' });
    expect(script).toMatch(/if \(@\(Get-CsTrustedApplicationPool \| Where-Object \{ \$_\.PoolFqdn -eq \$owaPoolFqdn \}\)\.Count -eq 0\) \{\n {2}New-CsTrustedApplicationPool/);
  });
});

describe('CN checks find CN= anywhere in the subject', () => {
  /** The PowerShell pattern of each CN check, rebuilt as a JavaScript RegExp for `name`. */
  function cnPatterns(script: string, name: string): RegExp[] {
    return [...script.matchAll(/-(?:not)?match \('([^']*)' \+ \[regex\]::Escape\(\$\w+\) \+ '([^']*)'\)/g)].map(
      (m) => new RegExp(`${m[1]}${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${m[2]}`, 'i'),
    );
  }

  for (const exchangeVersion of ['2010', '2010SP1', '2013', '2016'] as const) {
    it(`${exchangeVersion}: the certificate's CN is checked against the pool FQDN wherever it stands`, () => {
      const script = owaIm({ environment: CONTOSO, exchangeVersion, server: 'ex1.contoso.com' });
      const patterns = cnPatterns(script, 'owa.contoso.com');
      expect(patterns.length).toBeGreaterThan(0);
      for (const re of patterns) {
        expect(re.test('CN=owa.contoso.com')).toBe(true);
        expect(re.test('CN=owa.contoso.com, OU=IT, O=Contoso, C=US')).toBe(true);
        expect(re.test('O=Contoso, CN=owa.contoso.com')).toBe(true);
        expect(re.test('C=US, O=Contoso,CN=OWA.contoso.com')).toBe(true);
        expect(re.test('CN=owa.contoso.com.evil.example')).toBe(false);
        expect(re.test('CN=xowa.contoso.com')).toBe(false);
        expect(re.test('O=owa.contoso.com, CN=other.contoso.com')).toBe(false);
        expect(re.test('OU=CN=owa.contoso.com')).toBe(false);
      }
    });
  }
});

describe('restarts belong in a maintenance window', () => {
  for (const exchangeVersion of ['2010', '2010SP1', '2013', '2016', '2019'] as const) {
    it(`${exchangeVersion}: the script says so above the restart, and the app shows the same sentence`, () => {
      const { script, notices } = commandsWithNotices({ role: 'owa-im', thumbprint: T, environment: CONTOSO, exchangeVersion });
      const notice = owaImMaintenanceNotice(exchangeVersion);
      expect(notice).toMatch(/drops .*sessions/);
      expect(notice).toMatch(/maintenance window/);
      const at = script.indexOf(`# WARNING: ${notice}`);
      expect(at).toBeGreaterThan(-1);
      // Whoever runs it sees it too, before the restart runs.
      const said = script.indexOf(`Write-Warning '${notice}'`, at);
      expect(said).toBeGreaterThan(at);
      const restart = Math.max(script.indexOf("Restart-WebAppPool -Name 'MSExchangeOWAAppPool'", said), script.indexOf('iisreset $owaServer', said));
      expect(restart).toBeGreaterThan(said);
      // The Commands page shows the script's notices beside it: the same sentence, no source ids.
      expect(notices).toContain(notice);
      expect(forPeople(notice)).toBe(notice);
    });
  }
});

describe('every OWA IM script parses', () => {
  const envs: Record<string, Environment> = { contoso: CONTOSO, three: THREE_SERVERS, empty: {} };
  for (const [envName, environment] of Object.entries(envs)) {
    for (const exchangeVersion of ['2010', '2010SP1', '2013', '2016', '2019'] as const) {
      it(`${envName} ${exchangeVersion}`, () => {
        expect(parseProblems(owaIm({ environment, exchangeVersion }))).toEqual([]);
      });
    }
  }
});
