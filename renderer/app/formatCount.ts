/** A count as the status bar and the progress text show it: 1,234. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
