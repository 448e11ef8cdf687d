// Small inline SVG icons (no icon font, no network). Status icons always travel with a word.
import type { JSX } from 'react';

const PATHS: Record<string, JSX.Element> = {
  error: <path d="M4.5 4.5l7 7m0-7l-7 7" strokeWidth="2" />,
  fatal: <path d="M4.5 4.5l7 7m0-7l-7 7" strokeWidth="2" />,
  warn: (
    <>
      <path d="M8 2.2L14.5 13.5H1.5z" strokeWidth="1.4" fill="none" />
      <path d="M8 6.2v3.6M8 11.3v.6" strokeWidth="1.6" />
    </>
  ),
  info: (
    <>
      <circle cx="8" cy="8" r="6.2" strokeWidth="1.4" fill="none" />
      <path d="M8 7.2v4M8 4.7v.6" strokeWidth="1.6" />
    </>
  ),
  pass: <path d="M3 8.5l3.2 3.2L13 4.8" strokeWidth="2" fill="none" />,
  not_applicable: <path d="M4 8h8" strokeWidth="1.8" />,
  open: (
    <>
      <path d="M1.8 4.2h4l1.4 1.5h7v7.6H1.8z" strokeWidth="1.3" fill="none" />
    </>
  ),
  copy: (
    <>
      <rect x="5.2" y="5.2" width="8.3" height="8.3" rx="1.2" strokeWidth="1.3" fill="none" />
      <path d="M3 10.5V3.7c0-.5.4-.9.9-.9h6.6" strokeWidth="1.3" fill="none" />
    </>
  ),
  request: (
    <>
      <path d="M3.5 1.8h6l3 3v9.4h-9z" strokeWidth="1.3" fill="none" />
      <path d="M8 7v5M5.5 9.5h5" strokeWidth="1.3" />
    </>
  ),
  terminal: (
    <>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.3" strokeWidth="1.3" fill="none" />
      <path d="M4 6l2.5 2L4 10M8 10.5h4" strokeWidth="1.3" fill="none" />
    </>
  ),
  report: (
    <>
      <path d="M3.5 1.8h9v12.4h-9z" strokeWidth="1.3" fill="none" />
      <path d="M5.5 11V8.5M8 11V6M10.5 11V9.5" strokeWidth="1.5" />
    </>
  ),
  hash: <path d="M6 2L4.7 14M11.3 2L10 14M2.5 5.8h11.5M2 10.2h11.5" strokeWidth="1.3" />,
  server: (
    <>
      <rect x="2" y="2.5" width="12" height="4.5" rx="1" strokeWidth="1.3" fill="none" />
      <rect x="2" y="9" width="12" height="4.5" rx="1" strokeWidth="1.3" fill="none" />
      <path d="M4.5 4.75h.5M4.5 11.25h.5" strokeWidth="1.6" />
    </>
  ),
  collect: (
    <>
      <path d="M8 1.8v7.4M5 6.4l3 3 3-3" strokeWidth="1.4" fill="none" />
      <path d="M2 9.5v3.7h12V9.5" strokeWidth="1.3" fill="none" />
    </>
  ),
  estate: (
    <>
      <rect x="1.8" y="1.8" width="12.4" height="12.4" rx="1.2" strokeWidth="1.3" fill="none" />
      <path d="M1.8 6h12.4M1.8 10h12.4M6 1.8v12.4M10 1.8v12.4" strokeWidth="1.1" />
    </>
  ),
  close: <path d="M4.5 4.5l7 7m0-7l-7 7" strokeWidth="1.4" />,
  key: (
    <>
      <circle cx="5" cy="8" r="2.8" strokeWidth="1.3" fill="none" />
      <path d="M7.8 8H14M11.5 8v2.4M13.5 8v1.8" strokeWidth="1.3" />
    </>
  ),
  lock: (
    <>
      <rect x="3" y="7" width="10" height="7" rx="1.2" strokeWidth="1.3" fill="none" />
      <path d="M5.2 7V5a2.8 2.8 0 0 1 5.6 0v2" strokeWidth="1.3" fill="none" />
    </>
  ),
  book: (
    <>
      <path d="M2.5 3h4.2c.8 0 1.3.5 1.3 1.3V14c0-.7-.6-1.2-1.3-1.2H2.5zM13.5 3H9.3C8.5 3 8 3.5 8 4.3V14c0-.7.6-1.2 1.3-1.2h4.2z" strokeWidth="1.2" fill="none" />
    </>
  ),
};

export function Icon({ name, size = 16, className }: { name: string; size?: number; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      stroke="currentColor"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name] ?? PATHS.info}
    </svg>
  );
}
