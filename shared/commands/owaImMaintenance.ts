// What the OWA IM script interrupts, in one sentence per Exchange version. The same sentence is
// a WARNING line in the script, above the restart, and a notice on the app's Commands page, so
// the admin reads it before copying the script. Recycling MSExchangeOWAAppPool ends the OWA
// sessions of that server (users reload or sign in again); `iisreset` (Exchange 2010 SP1, seed
// 003) restarts every IIS application: OWA, ECP, ActiveSync, EWS and Outlook Anywhere.
import type { CommandExchangeVersion } from './options.js';

export function owaImMaintenanceNotice(version: CommandExchangeVersion): string {
  switch (version) {
    case '2010':
      return 'The script recycles the OWA application pool (MSExchangeOWAAppPool) on every Client Access server listed: that drops the Outlook Web App sessions on each one, so run it in a maintenance window.';
    case '2010SP1':
      return 'The script runs iisreset /noforce on every Client Access server listed: that drops Outlook Web App, ECP, ActiveSync, EWS and Outlook Anywhere sessions on each one, so run it in a maintenance window.';
    case '2013':
      return 'The script recycles the OWA application pool (MSExchangeOWAAppPool) on every Mailbox server listed: that drops the Outlook Web App sessions it serves, so run it in a maintenance window.';
    default:
      return 'The script recycles the OWA application pool (MSExchangeOWAAppPool) on every Exchange server listed for Outlook on the web: that drops the Outlook on the web sessions on each one, so run it in a maintenance window.';
  }
}
