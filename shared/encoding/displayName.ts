// File names come from strangers too. Before a name goes into a message (a terminal line, a
// dialog), control characters, line breaks and bidirectional overrides are shown as escapes,
// so a name can neither split a one-line message nor send escape sequences to a terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

export function displayName(name: string): string {
  return name.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);
}
