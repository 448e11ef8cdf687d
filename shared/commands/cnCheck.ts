// The CN check the scripts run on the imported certificate. Windows prints the subject with the
// RDNs in the certificate's order, so the CN need not come first ("O=Contoso, CN=ex1…"): match
// `CN=<name>` at the start or after a comma, ending at a comma or the end.
/** `if ($cert.Subject -notmatch …) { Write-Warning <message> }`; `certificate`, `name` and `message` are PowerShell expressions. */
export function cnCheck(certificate: string, name: string, message: string): string {
  return `if (${certificate}.Subject -notmatch ('(^|,\\s*)CN=' + [regex]::Escape(${name}) + '\\s*(,|$)')) { Write-Warning ${message} }`;
}
