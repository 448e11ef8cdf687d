// Caps on what a file may be before it is read at all.

/** Larger than any certificate file; keeps a stray ISO image from eating the machine. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
