// How much key derivation one PFX may ask for, in total. Each part's iteration count is capped
// (MAX_ITERATIONS), but a file can hold any number of parts: 20 AES parts at 2.5 M iterations
// took 78 s, 5,000 parts hours. So the whole file's work — the MAC plus every encrypted part
// and key bag, counted in KDF hash rounds (derivationRounds) — is added up while the structure
// is read, before any derivation runs, and the file is refused in one sentence as soon as the
// sum passes the cap (so a file of 5,000 parts is not even listed to the end).
//
// The cap: CertBench's modern PFX is three derivations of 300,000 (900,000), OpenSSL's
// `-iter 600000` three of 600,000 (1,800,000), Windows' export about 2,000 each; 4,000,000
// still opens a file made with a million iterations and keeps the worst case near a second.
import { UnsupportedAlgorithm } from './passwordBasedEncryption.js';

export const MAX_PFX_ROUNDS = 4_000_000;

const count = (n: number) => n.toLocaleString('en-US');

export class WorkBudget {
  private rounds = 0;
  private readonly parts = { mac: false, encrypted: 0 };

  addMac(rounds: number): void {
    this.rounds += rounds;
    this.parts.mac = true;
  }

  addEncrypted(rounds: number): void {
    this.rounds += rounds;
    this.parts.encrypted++;
  }

  get total(): number {
    return this.rounds;
  }

  /** Refuse the file, before running any of it, once its derivations add up beyond the cap. */
  check(): void {
    if (this.rounds <= MAX_PFX_ROUNDS) return;
    const encrypted = this.parts.encrypted === 1 ? 'one encrypted part or key' : `${count(this.parts.encrypted)} encrypted parts and keys`;
    const what = [this.parts.mac ? 'its MAC' : '', this.parts.encrypted ? encrypted : ''].filter(Boolean).join(' and ');
    throw new UnsupportedAlgorithm(
      `at least ${count(this.rounds)} key-derivation iterations (${what}; CertBench stops at ${count(MAX_PFX_ROUNDS)} per file so that a damaged or hostile file cannot freeze it)`,
    );
  }
}
