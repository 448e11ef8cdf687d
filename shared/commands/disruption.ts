// What each restart in a generated script interrupts, in one place: the script writes it as a
// comment and a Write-Warning, and the app's Commands view and the CLI show the same sentence.
// A restart that drops calls or sessions belongs in a maintenance window.

export const DISRUPTION = {
  /** Exchange UM (voice mail, Auto Attendant). */
  um: 'Restarting MSExchangeUM drops the voice mail and Auto Attendant calls in progress on that server: run this step in a maintenance window.',
  /** Exchange 2013+ UM Call Router. */
  umCallRouter: 'Restarting MSExchangeUMCR drops the calls the UM Call Router is routing on that server and refuses new ones until it is up: run this step in a maintenance window.',
  /** MSExchangeServiceHost and the OWA / ECP application pools (Exchange Auth certificate). */
  owaEcp: 'Restarting MSExchangeServiceHost and the OWA and ECP application pools ends the OWA and ECP sessions on each server (users sign in again): run this step in a maintenance window.',
  /** IISReset or the OWA application pool alone (OWA IM settings). */
  owa: 'Restarting IIS or the OWA application pool ends the OWA sessions on that server (users sign in again): run this step in a maintenance window.',
  /** Lync / SfB services on a Front End server. */
  frontEnd: 'Restarting the Front End services signs out the users homed on that server and drops their calls and conferences: run this step in a maintenance window, one Front End at a time.',
  /** Lync / SfB services on an Edge server. */
  edgeServices: 'Restarting the Edge services ends the remote, federated and anonymous sessions and the A/V calls relayed through that Edge server: run this step in a maintenance window, one Edge server of the pool at a time.',
} as const;
